// Text normalisation shared by the tokenizer and the lexicon, so both sides compare the same keys.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Only text with combining marks (typed decomposed, as some keyboards do) or Hangul jamo changes under NFC.
const NEEDS_NFC = /[\u0300-\u036f\u1100-\u11ff]/;
const NEEDS_CLEANING = /[\u0300-\u036f\u1100-\u11ff\u200B-\u200D\u2060\uFEFF\u00AD]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

// Every Vietnamese letter with a diacritic, lower and upper case, folded one-to-one to its base letter,
// so folded text keeps the same offsets as the original.
const VIETNAMESE = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const FOLD = new Map<string, string>();
for (const ch of VIETNAMESE + VIETNAMESE.toUpperCase()) {
  const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(COMBINING_MARKS, '');
  FOLD.set(ch, base);
}
// Other accented Latin letters people paste in (é from French keyboards and the like).
for (const ch of 'çñüïëöäÿ') FOLD.set(ch, ch.normalize('NFD').replace(COMBINING_MARKS, ''));

// Folding by a table indexed by UTF-16 code: the tokenizer folds every comment, so this is hot.
export const FOLD_CODES = new Uint16Array(0x1f00);
for (const [from, to] of FOLD) FOLD_CODES[from.charCodeAt(0)] = to.charCodeAt(0);

/** NFC with zero-width characters removed; case and diacritics kept. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text; // most comments: one scan, nothing to do
  return (NEEDS_NFC.test(text) ? text.normalize('NFC') : text).replace(ZERO_WIDTH, '');
}

/** Removes Vietnamese diacritics one character for one: "chốt" → "chot", "đặt" → "dat". */
export function foldDiacritics(text: string): string {
  let out = '';
  let from = 0; // text before this index is in `out` already
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const base = code >= 128 && code < 0x1f00 ? FOLD_CODES[code]! : 0;
    if (base === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(base);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Collapses runs of one letter: "chốttt" → "chốt", "kgg" → "kg". */
export function collapseRuns(word: string): string {
  let i = 1;
  while (i < word.length && word.charCodeAt(i) !== word.charCodeAt(i - 1)) i += 1;
  if (i >= word.length) return word; // the common case: no run at all
  let out = word.slice(0, i);
  for (; i < word.length; i += 1) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/** The key words are looked up by: lower case, no diacritics, runs collapsed. */
export function lexiconKey(word: string): string {
  return collapseRuns(foldDiacritics(cleanText(word).toLowerCase()));
}

/** The typed form words are compared by when diacritics matter: lower case, runs collapsed. */
export function typedForm(word: string): string {
  return collapseRuns(cleanText(word).toLowerCase());
}
