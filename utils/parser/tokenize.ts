import { collapseRuns, foldDiacritics } from './text';

export type TokenKind = 'word' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Lower case as typed, diacritics kept, letter runs collapsed ("chốttt" → "chốt"). */
  text: string;
  /** No diacritics: the key for look-ups. */
  key: string;
  /** Typed without any diacritic: it may stand for any word with the same key. */
  plain: boolean;
  /** Typed in upper case (first letter), e.g. the "G" of "4G". */
  upper: boolean;
  /** Numeric value of number tokens. */
  value?: number;
  start: number;
  end: number;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const LETTER = /[\p{L}\p{M}]/u;
// Letters of Latin scripts (Vietnamese among them) looked up in a table; other scripts ask the regex.
const LATIN_END = 0x2000;
const LATIN_LETTER = new Uint8Array(LATIN_END);
for (let code = 0; code < LATIN_END; code += 1) LATIN_LETTER[code] = LETTER.test(String.fromCharCode(code)) ? 1 : 0;
const isLetterAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiLetter(code);
  if (code < LATIN_END) return LATIN_LETTER[code] === 1;
  return !(code >= 0xd800 && code <= 0xdfff) && LETTER.test(text[i]!);
};

/** "2,5" and "2.5" are decimals; "1.000" (a dot and three digits) is a thousands separator. */
export function readNumber(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  if (/^\d+[.,]\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  return undefined;
}

/**
 * Splits cleaned text into words, numbers and single symbols. Letters and digits split from each other,
 * so glued input like "chốt5kg" reads as "chốt 5 kg". Offsets refer to `cleaned`.
 */
export function tokenize(cleaned: string, lower: string = cleaned.toLowerCase()): Token[] {
  // toLowerCase keeps the length for every script Vietnamese chat uses; if not, case is not told apart.
  const caseKnown = lower.length === cleaned.length;
  const folded = foldDiacritics(lower);
  const tokens: Token[] = [];
  let i = 0;
  while (i < lower.length) {
    const code = lower.charCodeAt(i);
    const start = i;
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      i += 1;
      continue;
    }
    if (isDigit(code)) {
      while (i < lower.length && (isDigit(lower.charCodeAt(i)) || ((lower[i] === '.' || lower[i] === ',') && isDigit(lower.charCodeAt(i + 1))))) i += 1;
      const raw = lower.slice(start, i);
      const value = readNumber(raw);
      tokens.push(value === undefined
        ? { kind: 'symbol', text: raw, key: raw, plain: true, upper: false, start, end: i }
        : { kind: 'number', text: raw, key: raw, plain: true, upper: false, value, start, end: i });
      continue;
    }
    if (isLetterAt(lower, i)) {
      while (i < lower.length && isLetterAt(lower, i)) i += 1;
      const text = lower.slice(start, i);
      const fold = folded.slice(start, i);
      const first = cleaned[start]!;
      tokens.push({
        kind: 'word', text: collapseRuns(text), key: collapseRuns(fold), plain: text === fold,
        upper: caseKnown && first !== lower[start], start, end: i,
      });
      continue;
    }
    // One symbol; a surrogate pair (most emoji) stays together.
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const text = lower.slice(start, i);
    tokens.push({ kind: 'symbol', text, key: text, plain: true, upper: false, start, end: i });
  }
  return tokens;
}
