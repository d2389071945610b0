import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../utils/parser/tokenize';
import { cleanText, collapseRuns, foldDiacritics } from '../../utils/parser/text';
import { COMPILED_LEXICON, LEXICON, compileWords } from '../../utils/parser/lexicon';
import { wordMatches } from '../../utils/parser/match';
import { NO_WORD, internWord, wordNumber } from '../../utils/parser/word-trie';

// Letters people type: plain, with Vietnamese diacritics, other Latin and other scripts, upper case too.
const LETTERS = [...'abcdeghiklmnopqrstuvxyđăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵçñüАБяä', 'K', 'Ố', 'Đ'];
const LEXICON_WORDS = [...new Set(LEXICON.flatMap((entry) => entry.words))];

/** A word: a lexicon word, maybe with a letter doubled or its diacritics dropped, or random letters. */
const word = fc.oneof(
  fc.constantFrom(...LEXICON_WORDS),
  fc.tuple(fc.constantFrom(...LEXICON_WORDS), fc.nat(), fc.boolean()).map(([w, at, fold]) => {
    const i = at % Math.max(1, w.length);
    const doubled = w.slice(0, i) + w.charAt(i) + w.slice(i);
    return fold ? foldDiacritics(doubled) : doubled;
  }),
  fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 8 }).map((letters) => letters.join('')),
);

// What the tables compared before the trie: the token's strings against the phrase word's.
const stringsMatch = (token: { key: string; text: string; plain: boolean }, w: { key: string; typed: string }, diacriticsRequired: boolean) =>
  token.key === w.key && (token.plain ? !diacriticsRequired || token.text === w.typed : token.text === w.typed);

describe('the word trie', () => {
  it('gives a token the numbers of its own key and typed form, found while scanning', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const cleaned = cleanText(words.join(' '));
        for (const token of tokenize(cleaned)) {
          expect(token.keyId).toBe(wordNumber(token.key));
          expect(token.typedId).toBe(wordNumber(token.text));
          if (token.kind === 'word') {
            const typed = cleaned.toLowerCase().slice(token.start, token.end);
            expect(token.text).toBe(collapseRuns(typed));
            expect(token.key).toBe(collapseRuns(foldDiacritics(typed)));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a token to a lexicon word exactly when the strings did', () => {
    const lexiconWords = compileWords(LEXICON_WORDS);
    // the first words' keys of the compiled lexicon, as strings
    const firstKeys = new Set([...COMPILED_LEXICON.values()].map((keyed) => (keyed.single[0] ?? [...keyed.bySecond.values()][0]![0]!).compiled[0]!.key));
    fc.assert(
      fc.property(word, fc.boolean(), (typed, diacriticsRequired) => {
        for (const token of tokenize(cleanText(typed))) {
          const differ = lexiconWords.filter((w) => wordMatches(token, w, diacriticsRequired) !== stringsMatch(token, w, diacriticsRequired));
          expect(differ).toEqual([]);
          expect(COMPILED_LEXICON.has(token.keyId)).toBe(firstKeys.has(token.key));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers strings one to one, and knows no string it was not given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 20 }), (strings) => {
        const ids = strings.map((text) => internWord(`trie-test ${text}`));
        strings.forEach((a, i) => strings.forEach((b, j) => expect(ids[i] === ids[j]).toBe(a === b)));
        expect(ids).not.toContain(NO_WORD);
        expect(wordNumber(`trie-test-unknown ${strings[0]}`)).toBe(NO_WORD);
      }),
    );
  });
});
