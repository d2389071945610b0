import { cleanText, lexiconKey } from './text';

export type TokenKind = 'word' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Lower-cased text as typed, diacritics kept. */
  text: string;
  /** Folded, run-collapsed key used for lexicon look-ups. */
  key: string;
  /** Numeric value for number tokens. */
  value?: number;
  start: number;
  end: number;
}

// Digits with optional separators, runs of letters, or any single other visible character.
// Letters and digits split from each other, so glued input like "chốt5kg" reads as "chốt 5 kg".
const TOKEN = /\d+(?:[.,]\d+)*|\p{L}[\p{L}\p{M}]*|[^\s\p{L}\p{M}\d]/gu;

/** "2,5" and "2.5" are decimals; "1.000" (dot and three digits) is a thousands separator. */
export function readNumber(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  if (/^\d+[.,]\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  return undefined;
}

/** Tokenizes cleaned text; `cleaned` must come from cleanText so offsets line up. */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (/^\d/.test(raw)) {
      const value = readNumber(raw);
      if (value === undefined) tokens.push({ kind: 'symbol', text: raw, key: raw, start, end });
      else tokens.push({ kind: 'number', text: raw, key: raw, value, start, end });
    } else if (/^\p{L}/u.test(raw)) {
      tokens.push({ kind: 'word', text: raw, key: lexiconKey(raw), start, end });
    } else {
      tokens.push({ kind: 'symbol', text: raw, key: raw, start, end });
    }
  }
  return tokens;
}

export { cleanText };
