import type { Token } from './tokenize';
import { lexiconKey } from './text';

// Vietnamese and English number words. They only count as quantities when a unit follows
// (the caller checks), because most of them are also ordinary words: "năm" is also "year", "ba" "dad".
const DIGIT_WORDS: Record<string, number> = {
  'một': 1, 'mốt': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'lăm': 5, 'nhăm': 5,
  'sáu': 6, 'bảy': 7, 'bẩy': 7, 'tám': 8, 'chín': 9,
};
const TEN_WORDS = new Set(['mười', 'chục']);
const TENS_MARKERS = new Set(['mươi']);
const HUNDRED_WORDS = new Set(['trăm']);
const THOUSAND_WORDS = new Set(['nghìn', 'ngàn']);
const ZERO_FILLERS = new Set(['linh', 'lẻ']);
const ENGLISH: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, a: 1, an: 1,
};
const HALF_WORDS = new Set(['nửa', 'half']);

// Number words are matched with diacritics when the comment has them, else by folded key;
// folded "nam" (năm) is allowed, since people type "hai nam ky" without marks.
function byKey<T>(table: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(table).map(([word, value]) => [lexiconKey(word), value]));
}
const DIGIT_KEYS = byKey(DIGIT_WORDS);
const keysOf = (words: Set<string>) => new Set([...words].map(lexiconKey));
const TEN_KEYS = keysOf(TEN_WORDS);
const TENS_KEYS = keysOf(TENS_MARKERS);
const HUNDRED_KEYS = keysOf(HUNDRED_WORDS);
const THOUSAND_KEYS = keysOf(THOUSAND_WORDS);
const ZERO_KEYS = keysOf(ZERO_FILLERS);
const HALF_KEYS = keysOf(HALF_WORDS);
export const HALF_SUFFIX_KEYS = keysOf(new Set(['rưỡi']));

export interface NumberReading {
  value: number;
  /** Index of the first token after the number. */
  next: number;
}

/** Reads a number written in digits or words starting at tokens[i]. */
export function readQuantity(tokens: readonly Token[], i: number): NumberReading | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  if (first.kind === 'number' && first.value !== undefined) return { value: first.value, next: i + 1 };
  if (first.kind !== 'word') return undefined;
  if (HALF_KEYS.has(first.key)) {
    // "half a tonne"
    const skip = tokens[i + 1]?.key === 'a' ? 2 : 1;
    return { value: 0.5, next: i + skip };
  }
  const english = ENGLISH[first.key];
  if (english !== undefined) return { value: english, next: i + 1 };
  return readVietnameseNumber(tokens, i);
}

/** "hai mươi lăm" = 25, "một chục" = 10, "một trăm linh năm" = 105, "mười lăm" = 15. */
function readVietnameseNumber(tokens: readonly Token[], i: number): NumberReading | undefined {
  let total = 0; // thousands already closed
  let segment = 0; // hundreds and tens below the next "nghìn"
  let pending = 0; // a digit word waiting for mươi / trăm / chục
  let j = i;
  for (; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (!token || token.kind !== 'word') break;
    const digit = DIGIT_KEYS.get(token.key);
    if (digit !== undefined) {
      if (pending) break; // "hai ba ký" is a range, not a number
      pending = digit;
    } else if (TEN_KEYS.has(token.key)) {
      segment += (pending || 1) * 10;
      pending = 0;
    } else if (TENS_KEYS.has(token.key) && pending) {
      segment += pending * 10;
      pending = 0;
    } else if (HUNDRED_KEYS.has(token.key)) {
      segment += (pending || 1) * 100;
      pending = 0;
    } else if (THOUSAND_KEYS.has(token.key)) {
      total += (segment + pending || 1) * 1000;
      segment = 0;
      pending = 0;
    } else if (!(ZERO_KEYS.has(token.key) && j > i)) break;
  }
  if (j === i) return undefined;
  return { value: total + segment + pending, next: j };
}
