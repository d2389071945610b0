import { FOLD_CODES, collapseRuns, foldDiacritics } from './text';
import { NO_WORD, TRIE_ROOT, trieFlags, trieLetters, trieStep, wordNumber } from './word-trie';

export type TokenKind = 'word' | 'number' | 'symbol';

/**
 * One word, number or symbol of a comment. Tables look words up by `keyId` and `typedId` (word-trie.ts), found
 * while the letters were scanned; the strings `text` and `key` are made only when something asks for them
 * (explanations, the rare rule that reads a word), so most words of most comments never become a string.
 */
export class Token {
  // Declared, and set in one place (set) only: one store per field, every token of one shape. A token of
  // parseComment's pool is set again for the next comment (scanComment), so fields are not readonly.
  declare kind: TokenKind;
  /** The lower-case text the token was read from; offsets refer to it (and to the cleaned text). */
  declare private source: string;
  declare start: number;
  declare end: number;
  /** The trie number of `key` (NO_WORD when no table holds it). */
  declare keyId: number;
  /** The trie number of `text`. */
  declare typedId: number;
  /** Typed without any diacritic: it may stand for any word with the same key. */
  declare plain: boolean;
  /** The text as typed (cleaned, case kept) that `source` is the lower case of: for `upper`, when asked. */
  declare private original: string;
  /** Numeric value of number tokens, with its sign: "-5" is -5, "1e308" is 1e308. */
  declare value: number | undefined;
  /** A number written in scientific notation ("1e3"): no buyer writes an amount so. */
  declare scientific: true | undefined;
  declare private typedText: string | undefined;
  declare private keyText: string | undefined;

  /** A blank token, set by the pool (`set`) before it is read. */
  constructor() {
    this.set('symbol', '', 0, 0, NO_WORD, NO_WORD, true, '', undefined, undefined, undefined);
  }

  /** Every field, in one order (the constructor's and the pool's). */
  set(
    kind: TokenKind,
    source: string,
    start: number,
    end: number,
    keyId: number,
    typedId: number,
    plain: boolean,
    original: string,
    text: string | undefined,
    value: number | undefined,
    scientific: true | undefined,
  ): this {
    this.kind = kind;
    this.source = source;
    this.start = start;
    this.end = end;
    this.keyId = keyId;
    this.typedId = typedId;
    this.plain = plain;
    this.original = original;
    this.value = value;
    this.scientific = scientific;
    this.typedText = text;
    this.keyText = text !== undefined && plain ? text : undefined;
    return this;
  }

  /**
   * A word typed in upper case (first letter), e.g. the "G" of "4G". Read only for a few units, so not worked
   * out for every word. When lower case changed the length of the text, case is not told apart.
   */
  get upper(): boolean {
    const { original, source, start } = this;
    return this.kind === 'word' && original.length === source.length && original.charCodeAt(start) !== source.charCodeAt(start);
  }

  /** Lower case as typed, diacritics kept, letter runs collapsed ("chốttt" → "chốt"). */
  get text(): string {
    return (this.typedText ??= collapseRuns(this.source.slice(this.start, this.end)));
  }

  /** No diacritics: the key for look-ups. */
  get key(): string {
    return (this.keyText ??= this.plain ? this.text : collapseRuns(foldDiacritics(this.source.slice(this.start, this.end))));
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const LETTER = /[\p{L}\p{M}]/u;
// Letters of Latin scripts (Vietnamese among them) looked up in a table; other scripts ask the regex.
const LATIN_END = 0x2000;
const LATIN_LETTER = new Uint8Array(LATIN_END);
for (let code = 0; code < LATIN_END; code += 1) LATIN_LETTER[code] = LETTER.test(String.fromCharCode(code)) ? 1 : 0;
// Other characters of the basic plane (emoji parts, other scripts) are asked once and remembered: 1 letter, 2 not.
const OTHER_LETTER = new Uint8Array(0x10000);
const isLetterAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiLetter(code);
  if (code < LATIN_END) return LATIN_LETTER[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a surrogate: its pair is no letter we read
  if (OTHER_LETTER[code] === 0) OTHER_LETTER[code] = LETTER.test(text[i]!) ? 1 : 2;
  return OTHER_LETTER[code] === 1;
};

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
const isMinus = (code: number) => code === 45 || code === 0x2212; // "-", and "−" (U+2212)

/**
 * A minus at `i` belongs to the number after it ("chốt -5kg", "(-3kg)") unless it joins two things: a word
 * or a number right before it ("0912-345-678", "15-6", "2kg-3kg"), or a number before it across spaces
 * ("2 -3kg", a range). "chốt - 2kg", with a space after it, is a dash.
 */
function startsNegative(lower: string, i: number): boolean {
  if (!isDigit(lower.charCodeAt(i + 1))) return false;
  if (i > 0 && (isDigit(lower.charCodeAt(i - 1)) || isLetterAt(lower, i - 1))) return false;
  let before = i - 1;
  while (before >= 0 && isSpace(lower.charCodeAt(before))) before -= 1;
  return before < 0 || !isDigit(lower.charCodeAt(before));
}

/** Where an exponent ("e5", "e-3", "e+5") right after the digits at `i` ends, or `i` when there is none. */
function exponentEnd(lower: string, i: number): number {
  if (lower.charCodeAt(i) !== 101) return i; // "e"
  const sign = lower.charCodeAt(i + 1);
  let end = sign === 43 || sign === 45 ? i + 2 : i + 1;
  if (!isDigit(lower.charCodeAt(end))) return i;
  while (isDigit(lower.charCodeAt(end))) end += 1;
  return end;
}

/** Where the one "." or "," of digits-separator-digits is in `raw`, or -1 when raw is not of that form. */
function separatorAt(raw: string): number {
  let at = -1;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (isDigit(code)) continue;
    if ((code !== 46 && code !== 44) || at >= 0) return -1;
    at = i;
  }
  return at > 0 && at < raw.length - 1 ? at : -1;
}

/** "2,5" and "2.5" are decimals; "1.000" (a dot and three digits) is a thousands separator. */
export function readNumber(raw: string): number | undefined {
  // The tokenizer's common case, by character codes: digits, one separator, digits ("2,5", "1.000").
  const at = separatorAt(raw);
  if (at > 0) {
    // a dot and exactly three digits after one to three is a thousands separator; else a decimal
    if (raw.charCodeAt(at) === 46 && raw.length - at === 4 && at <= 3) return Number(raw.slice(0, at) + raw.slice(at + 1));
    return Number(`${raw.slice(0, at)}.${raw.slice(at + 1)}`);
  }
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  if (/^\d+[.,]\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  return undefined;
}

/** mantissa × 10^exponent; "0e999" is 0, "1e999" is Infinity. */
function readScientific(mantissa: number, exponent: string): number {
  return mantissa === 0 ? 0 : mantissa * 10 ** Number(exponent);
}

/** What scanComment saw of the whole comment besides its tokens: what parseComment's shortcuts need. */
export interface CommentScan {
  /** ASCII digits in the text (findPhones reads no comment with fewer than 8). */
  digits: number;
  /** The trie flags (word-trie.ts markWord) of every word's and number's key, or-ed together. */
  flags: number;
  /** A character cleanText removes or composes (combining mark, Hangul jamo, zero-width) is in the text. */
  unclean: boolean;
}

/** The characters cleanText acts on (text.ts NEEDS_CLEANING), by code. */
const cleanedAway = (code: number) =>
  (code >= 0x300 && code <= 0x36f) ||
  (code >= 0x1100 && code <= 0x11ff) ||
  (code >= 0x200b && code <= 0x200d) ||
  code === 0x2060 ||
  code === 0xfeff ||
  code === 0xad;

/**
 * Splits cleaned text into words, numbers and single symbols. Letters and digits split from each other,
 * so glued input like "chốt5kg" reads as "chốt 5 kg". Offsets refer to `cleaned`.
 */
export function tokenize(cleaned: string, lower: string = cleaned.toLowerCase()): Token[] {
  return scan(cleaned, lower, undefined, { digits: 0, flags: 0, unclean: false });
}

// parseComment's tokens: set again for each comment rather than made anew (no token outlives its comment).
const POOL: Token[] = [];

/**
 * tokenize for parseComment: the tokens are the pool's, valid until the next call, and `seen` is filled in
 * on the same pass. The text need not be cleaned: when `seen.unclean` comes back, clean it and call again.
 */
export function scanComment(cleaned: string, lower: string, seen: CommentScan): Token[] {
  return scan(cleaned, lower, POOL, seen);
}

/** Token `index` of the pool, to be set again, or a new token when there is no pool. */
function take(pool: Token[] | undefined, index: number): Token {
  if (pool !== undefined && index < pool.length) return pool[index]!;
  const made = new Token();
  pool?.push(made);
  return made;
}

function scan(cleaned: string, lower: string, pool: Token[] | undefined, seen: CommentScan): Token[] {
  const tokens: Token[] = [];
  const letters = trieLetters();
  const flagsOf = trieFlags();
  let digitCount = 0;
  let flags = 0;
  let unclean = false;
  let i = 0;
  while (i < lower.length) {
    const code = lower.charCodeAt(i);
    const start = i;
    if (isSpace(code)) {
      i += 1;
      continue;
    }
    const negative = isMinus(code) && startsNegative(lower, i);
    if (isDigit(code) || negative) {
      // The sign and the exponent are read with the digits, so "-5" is never 5 and "1e308" never 308.
      const digitsStart = negative ? i + 1 : i;
      i = digitsStart;
      let separated = false; // "2,5", "1.000": read by readNumber; plain digits are the number they spell
      for (; i < lower.length; i += 1) {
        const at = lower.charCodeAt(i);
        if (isDigit(at)) {
          digitCount += 1;
          continue;
        }
        if ((at === 46 || at === 44) && isDigit(lower.charCodeAt(i + 1)))
          separated = true; // "." or ","
        else break;
      }
      const mantissaEnd = i;
      i = exponentEnd(lower, i);
      const scientific = i > mantissaEnd;
      if (scientific) for (let e = mantissaEnd; e < i; e += 1) if (isDigit(lower.charCodeAt(e))) digitCount += 1;
      const digits = lower.slice(digitsStart, mantissaEnd);
      const mantissa = separated ? readNumber(digits) : Number(digits);
      const magnitude = mantissa === undefined || !scientific ? mantissa : readScientific(mantissa, lower.slice(mantissaEnd + 1, i));
      const typed = scientific ? lower.slice(digitsStart, i) : digits;
      const text = negative ? `-${typed}` : typed;
      // wordNumber(text), walked over the characters already read
      let id = negative ? trieStep(TRIE_ROOT, 45) : TRIE_ROOT;
      for (let at = digitsStart; at < i; at += 1) id = trieStep(id, lower.charCodeAt(at));
      if (magnitude === undefined) {
        tokens.push(take(pool, tokens.length).set('symbol', lower, start, i, id, id, true, cleaned, text, undefined, undefined));
        continue;
      }
      flags |= flagsOf[id]!;
      tokens.push(
        take(pool, tokens.length).set('number', lower, start, i, id, id, true, cleaned, text, negative ? -magnitude : magnitude, scientific ? true : undefined),
      );
      continue;
    }
    if (isLetterAt(lower, i)) {
      // The key (folded, runs collapsed) and the typed form (runs collapsed) are walked in the trie letter by
      // letter; they are one walk until the first letter beyond ASCII.
      let keyNode = TRIE_ROOT;
      let typedNode = TRIE_ROOT;
      let wide = false; // a letter beyond ASCII was seen: the typed walk goes its own way
      let plain = true; // no letter folded
      let previousFolded = -1;
      let previous = -1;
      for (; i < lower.length; i += 1) {
        const at = lower.charCodeAt(i);
        let folded = at;
        if (at < 97 || at > 122) {
          // not a lower-case ASCII letter (the common case, walked below without a call)
          if (!isLetterAt(lower, i)) break;
          if (at >= 128) {
            wide = true;
            if (cleanedAway(at)) unclean = true;
            const base = at < 0x1f00 ? FOLD_CODES[at]! : 0;
            if (base !== 0) {
              folded = base;
              plain = false;
            }
          }
        }
        if (folded !== previousFolded) keyNode = folded >= 97 && folded <= 122 ? (letters[keyNode * 26 + folded - 97] ?? NO_WORD) : trieStep(keyNode, folded);
        if (!wide) typedNode = keyNode;
        else if (at !== previous) typedNode = trieStep(typedNode, at);
        previousFolded = folded;
        previous = at;
      }
      flags |= flagsOf[keyNode]!;
      tokens.push(take(pool, tokens.length).set('word', lower, start, i, keyNode, typedNode, plain, cleaned, undefined, undefined, undefined));
      continue;
    }
    // One symbol; a surrogate pair (most emoji) stays together.
    if (code >= 0xd800 && code <= 0xdbff) {
      // the second half is read with it, whatever it is: a lone surrogate may take a digit or a zero-width mark
      const second = lower.charCodeAt(i + 1);
      if (isDigit(second)) digitCount += 1;
      else if (cleanedAway(second)) unclean = true;
      i += 2;
    } else {
      if (code >= 128 && cleanedAway(code)) unclean = true;
      i += 1;
    }
    const text = lower.slice(start, i);
    const id = wordNumber(text);
    tokens.push(take(pool, tokens.length).set('symbol', lower, start, i, id, id, true, cleaned, text, undefined, undefined));
  }
  seen.digits = digitCount;
  seen.flags = flags;
  seen.unclean = unclean;
  return tokens;
}
