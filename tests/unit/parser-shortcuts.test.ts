// parseComment skips the phone, phrase and address scans and cleanText on what the tokenizer saw in its one
// pass (scanComment), and reads the tokens of a pool set again for each comment. Each shortcut is safe only if
// its condition implies what the skipped step would have returned: these properties hold them to that.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { readNumber, scanComment, tokenize, type CommentScan, type Token } from '../../utils/parser/tokenize';
import { cleanText, foldDiacritics } from '../../utils/parser/text';
import { findPhones } from '../../utils/parser/phone';
import { findPhrases, NO_HITS } from '../../utils/parser/match';
import { findAddress } from '../../utils/parser/address';
import { COMPILED_LEXICON, LEXICON } from '../../utils/parser/lexicon';
import { ADDRESS_LEAD, LEXICON_START } from '../../utils/parser/word-trie';

const LEXICON_WORDS = [...new Set(LEXICON.flatMap((entry) => entry.words))];
// Pieces of chat that reach each shortcut's edge: digits in every form a number or a phone takes, address
// leads and places, zero-width and decomposed marks, capitals that lower case changes, emoji and lone surrogates.
const PIECES = [
  '0912345678',
  '0912 345 678',
  '+84 912345678',
  'o912345678',
  '1e5',
  '2E7',
  '1.000',
  '2,5',
  '-3',
  '−2',
  '12345',
  '1234567',
  'giao về',
  'địa chỉ:',
  'ship tới',
  'đc',
  'số 5 ngõ 10',
  'quận 1',
  '\u200b',
  '\u00ad',
  '\ufeff',
  'a\u0301',
  'o\u0302\u0301',
  '\u1100\u1161',
  'İ',
  'Σ',
  'ΣΑΣ',
  'Ⓐ',
  'ＫＧ',
  '❤️',
  '😍',
  '\ud83d',
  '\ud83d5',
  '\ud801\udc00',
  '?',
  'kg',
  'CHỐT',
];
const word = fc.oneof(
  fc.constantFrom(...LEXICON_WORDS),
  fc.constantFrom(...LEXICON_WORDS).map((w) => foldDiacritics(w).toUpperCase()),
  fc.constantFrom(...PIECES),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.string({ maxLength: 4 }),
);
const comment = fc
  .array(word, { minLength: 0, maxLength: 10 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
  );

const ZERO_WIDTH_OR_MARK = /[\u0300-\u036f\u1100-\u11ff\u200B-\u200D\u2060\uFEFF\u00AD]/;
const asciiDigits = (text: string) => [...text].filter((ch) => ch >= '0' && ch <= '9').length;
// Everything a token says, its strings included.
const fields = (token: Token) => ({ ...token, text: token.text, key: token.key });

// Real chat, read from the shared folder when it is there (never copied into the repository).
function realComments(): string[] {
  try {
    const csv = readFileSync('../shared/fixtures/real/reviews-vi/vispam-test.csv', 'utf8');
    return csv
      .split('\n')
      .slice(1, 1500)
      .map((line) => line.replace(/^\d+,"?/, '').replace(/"?,\d+,\d+$/, ''));
  } catch {
    return [];
  }
}

function checkShortcuts(text: string): void {
  const seen: CommentScan = { digits: -1, flags: -1, unclean: false };
  const lower = text.toLowerCase();
  const tokens = scanComment(text, lower, seen).map(fields);
  // the pool's tokens are what tokenize makes
  expect(tokens).toEqual(tokenize(text, lower).map(fields));
  // text with none of the characters cleanText acts on is its own cleanText, and lower case adds none
  expect(seen.unclean).toBe(ZERO_WIDTH_OR_MARK.test(lower));
  if (!seen.unclean) expect(cleanText(text)).toBe(text);
  if (seen.unclean) return; // parseComment cleans the text and scans it again
  expect(seen.digits).toBe(asciiDigits(lower));
  if (seen.digits < 8) expect(findPhones(lower)).toEqual([]);
  const fresh = tokenize(text, lower);
  if ((seen.flags & LEXICON_START) === 0) expect(findPhrases(fresh, COMPILED_LEXICON)).toBe(NO_HITS);
  if ((seen.flags & ADDRESS_LEAD) === 0) expect(findAddress(text, fresh)).toBeNull();
}

describe("parseComment's shortcuts", () => {
  it('skip only what would have found nothing, on generated comments', () => {
    fc.assert(fc.property(comment, checkShortcuts), { numRuns: 3000 });
  });

  it('skip only what would have found nothing, on real comments', () => {
    for (const text of realComments()) checkShortcuts(cleanText(text).slice(0, 500));
  });

  it('mark the words they look for', () => {
    const seen: CommentScan = { digits: 0, flags: 0, unclean: false };
    scanComment('chốt 2kg', 'chốt 2kg', seen);
    expect(seen.flags & LEXICON_START).toBe(LEXICON_START);
    scanComment('giao về số 5', 'giao về số 5', seen);
    expect(seen.flags & ADDRESS_LEAD).toBe(ADDRESS_LEAD);
    scanComment('❤️❤️', '❤️❤️', seen);
    expect(seen).toEqual({ digits: 0, flags: 0, unclean: false });
  });

  it('reads numbers with a separator by character codes as the regular expressions did', () => {
    // the regular expressions readNumber used for every separated number, kept here as the reference
    const byRegex = (raw: string) => {
      if (/^\d+$/.test(raw)) return Number(raw);
      if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
      if (/^\d+[.,]\d+$/.test(raw)) return Number(raw.replace(',', '.'));
      return undefined;
    };
    const raw = fc.array(fc.constantFrom('0', '1', '5', '9', '.', ',', 'a', '-'), { maxLength: 9 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(raw, (text) => {
        expect(readNumber(text)).toBe(byRegex(text));
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['2,5', '1.000', '12.345', '1234.567', '1.0000', '0.5', '.5', '5.', '1.000.000']) expect(readNumber(text)).toBe(byRegex(text));
  });
});
