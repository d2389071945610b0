import type { Token } from './tokenize';
import { typedForm, lexiconKey } from './text';
import { ENGLISH_UNIT_KEYS } from './units';
import { WordMap, WordSet, internWord } from './word-trie';

// Vietnamese and English number words. The caller only takes them as quantities when a unit follows,
// because most are also ordinary words: "năm" is also "year", "ba" also "dad".
// By the trie numbers of key and typed form (word-trie.ts), as tokens carry them.
interface WordTable {
  byKey: WordMap<{ typedId: number; value: number }[]>;
  keys: string[];
}

function table(words: Record<string, number>): WordTable {
  const byKey: WordTable['byKey'] = new WordMap();
  const keys: string[] = [];
  for (const [word, value] of Object.entries(words)) {
    const key = lexiconKey(word);
    const id = internWord(key);
    if (!byKey.has(id)) keys.push(key);
    byKey.set(id, [...(byKey.get(id) ?? []), { typedId: internWord(typedForm(word)), value }]);
  }
  return { byKey, keys };
}

function lookup(map: WordTable, token: Token): number | undefined {
  const options = map.byKey.get(token.keyId);
  if (!options) return undefined;
  if (token.plain) return options[0]!.value;
  for (const option of options) if (option.typedId === token.typedId) return option.value;
  return undefined;
}

const DIGITS = table({ một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9 });
const TENS = table({ mười: 10, chục: 10 });
const TENS_MARKER = table({ mươi: 10 });
const HUNDRED = table({ trăm: 100 });
const THOUSAND = table({ nghìn: 1000, ngàn: 1000 });
const ZERO_FILLER = table({ linh: 0, lẻ: 0 });
const HALF = table({ nửa: 0.5, half: 0.5, quarter: 0.25 });
const HALF_SUFFIX = table({ rưỡi: 0.5, rưởi: 0.5 });
const ENGLISH = table({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
});
const ENGLISH_ARTICLE = table({ a: 1, an: 1 });

// Every key a number word can start with ("hai", "nửa", "a"): other words skip the number tables entirely.
export const NUMBER_START_KEYS: ReadonlySet<string> = new Set([DIGITS, TENS, HUNDRED, THOUSAND, HALF, ENGLISH, ENGLISH_ARTICLE].flatMap((map) => map.keys));
const NUMBER_START_IDS = new WordSet([...NUMBER_START_KEYS].map(internWord));

export interface NumberReading {
  value: number;
  /** Index of the first token after the number. */
  next: number;
}

export const isHalfSuffix = (token: Token | undefined) => token?.kind === 'word' && lookup(HALF_SUFFIX, token) !== undefined;

/** A number in digits or words at tokens[i]. */
export function readQuantity(tokens: readonly Token[], i: number): NumberReading | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  if (first.kind === 'number') return first.value === undefined ? undefined : { value: first.value, next: i + 1 };
  if (first.kind !== 'word' || !NUMBER_START_IDS.has(first.keyId)) return undefined;
  const part = lookup(HALF, first);
  if (part !== undefined) {
    // "half a tonne", "quarter of a tonne"
    let next = i + 1;
    if (tokens[next]?.key === 'of') next += 1;
    if (tokens[next] && lookup(ENGLISH_ARTICLE, tokens[next]!) !== undefined) next += 1;
    return { value: part, next };
  }
  const english = lookup(ENGLISH, first);
  if (english !== undefined) return { value: english, next: i + 1 };
  if (lookup(ENGLISH_ARTICLE, first) !== undefined) {
    // "a quarter tonne", "a half kilo"
    const part = tokens[i + 1] ? lookup(HALF, tokens[i + 1]!) : undefined;
    if (part !== undefined) return readQuantity(tokens, i + 1);
    // "a kilo", "an extra box": an article counts as one only before an English unit word
    return ENGLISH_UNIT_KEYS.has(tokens[i + 1]?.key ?? '') ? { value: 1, next: i + 1 } : undefined;
  }
  return readVietnameseNumber(tokens, i);
}

/** "hai mươi lăm" = 25, "một chục" = 10, "một trăm linh năm" = 105, "mười lăm" = 15, "hai nghìn" = 2000. */
function readVietnameseNumber(tokens: readonly Token[], i: number): NumberReading | undefined {
  let total = 0; // thousands already closed
  let segment = 0; // hundreds and tens below the next "nghìn"
  let pending = 0; // a digit word waiting for mươi / trăm / chục
  let j = i;
  for (; j < tokens.length; j += 1) {
    const token = tokens[j]!;
    if (token.kind !== 'word') break;
    const digit = lookup(DIGITS, token);
    if (digit !== undefined) {
      if (pending) break; // "hai ba ký" is a range, not a number
      pending = digit;
    } else if (lookup(TENS, token) !== undefined) {
      segment += (pending || 1) * 10;
      pending = 0;
    } else if (lookup(TENS_MARKER, token) !== undefined && pending) {
      segment += pending * 10;
      pending = 0;
    } else if (lookup(HUNDRED, token) !== undefined) {
      segment += (pending || 1) * 100;
      pending = 0;
    } else if (lookup(THOUSAND, token) !== undefined) {
      total += (segment + pending || 1) * 1000;
      segment = 0;
      pending = 0;
    } else if (!(lookup(ZERO_FILLER, token) !== undefined && j > i)) break;
  }
  if (j === i) return undefined;
  return { value: total + segment + pending, next: j };
}
