// Text normalisation shared by the tokenizer and the lexicon, so both sides compare the same keys.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, lower case, zero-width characters removed. Diacritics are kept. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').toLowerCase();
}

/** Removes Vietnamese diacritics: "chốt" → "chot", "đặt" → "dat". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Folded and with letter runs collapsed, so "chốttt" and "chot" meet at "chot". */
export function lexiconKey(word: string): string {
  return foldDiacritics(cleanText(word)).replace(/(\p{L})\1+/gu, '$1');
}
