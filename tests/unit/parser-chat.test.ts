import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema, indexCatalog, parseComment, parseResultSchema, QUESTION_TOPICS } from '../../utils/parser/index';
import { CHAT_ROWS } from './parser-chat-table';
import { ALL_ROWS } from './parser-table';
import { readLabelled } from '../../scripts/evaluate/labelled';
import { SHORTHAND, spellings } from '../../utils/parser/shorthand';
import { COMPILED_LEXICON, LEXICON, NOT_AFTER_NUMBER, TAIL_WORDS, TOPIC_WORDS } from '../../utils/parser/lexicon';
import { findPhrases } from '../../utils/parser/match';
import { tokenize } from '../../utils/parser/tokenize';
import { cleanText } from '../../utils/parser/text';

const catalog = indexCatalog(catalogSchema.parse(JSON.parse(readFileSync('tests/fixtures/lychee-catalog.json', 'utf8'))));
const hitsOf = (text: string) => findPhrases(tokenize(cleanText(text)), COMPILED_LEXICON);

describe('chat as buyers type it', () => {
  it.each(CHAT_ROWS)('%j → %s %s, %s kg', (comment, intent, topic, totalKg, reason) => {
    const result = parseComment(comment, catalog);
    expect(parseResultSchema.parse(result)).toEqual(result);
    expect({ intent: result.intent, topic: result.topic, totalKg: result.totalKg }).toEqual({ intent, topic, totalKg });
    if (reason)
      expect(
        result.reasons.some((said) => reason.test(said)),
        result.reasons.join(' | '),
      ).toBe(true);
  });

  it('gives a topic to questions only', () => {
    for (const text of ['chốt 2kg', 'hủy đơn', 'sửa thành 3kg', 'vải ngon quá']) expect(parseComment(text, catalog).topic).toBeNull();
  });
});

describe('word lists', () => {
  it('writes every short form as its full form is written, in every lexicon phrase that has it', () => {
    for (const { full, short } of SHORTHAND) {
      const phrase = LEXICON.find(
        (entry) =>
          ` ${entry.words.join(' ')} `.includes(` ${full} `) && !entry.atStart && !entry.atEnd && !entry.diacriticsRequired && entry.words.join(' ') !== full,
      );
      if (!phrase) continue; // a full form only inside tail words ("bạn")
      const written = phrase.words.join(' ');
      const fullHits = hitsOf(written)[phrase.category].length;
      expect(fullHits, written).toBeGreaterThan(0);
      for (const form of short) {
        const typed = ` ${written} `.replace(` ${full} `, ` ${form} `).trim();
        expect(hitsOf(typed)[phrase.category].length, `${typed} (${phrase.category})`).toBe(fullHits);
      }
    }
  });

  it('spells a phrase every way, the full one first', () => {
    expect(spellings(['được', 'không'])[0]).toEqual(['được', 'không']);
    expect(spellings(['được', 'không']).map((words) => words.join(' '))).toEqual(expect.arrayContaining(['đc k', 'dc ko', 'được hông', 'đk kg']));
    expect(spellings(['bao', 'nhiêu', 'tiền']).map((words) => words.join(' '))).toEqual(expect.arrayContaining(['bn tiền', 'bnhiu tiền', 'nhiu tiền']));
    expect(spellings(['chốt'])).toEqual([['chốt']]);
  });

  it('lets a question particle end a comment with any tail word after it', () => {
    for (const tail of TAIL_WORDS) expect(parseComment(`còn k ${tail}`).intent, tail).toBe('question');
    expect(parseComment('còn k lấy nữa').intent).not.toBe('question');
  });

  it('reads no particle right after a number', () => {
    for (const word of NOT_AFTER_NUMBER) expect(hitsOf(`vải 5${word}`).yesNo.concat(hitsOf(`vải 5${word}`).question), word).toEqual([]);
    expect(hitsOf('có đường kg').yesNo.length).toBe(1);
  });

  it.each(QUESTION_TOPICS.filter((topic) => topic !== 'other'))('gives a question with a %s word that topic', (topic) => {
    for (const word of TOPIC_WORDS[topic as keyof typeof TOPIC_WORDS]) expect(parseComment(`${word}?`).topic, word).toBe(topic);
  });
});

describe('the labelled set', () => {
  it("is kept apart from the tests' own tables", () => {
    const tested = new Set([...ALL_ROWS, ...CHAT_ROWS].map(([comment]) => comment.trim().toLowerCase()));
    const labelled = readLabelled();
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    expect(labelled.filter((row) => tested.has(row.text.trim().toLowerCase())).map((row) => row.text)).toEqual([]);
  });
});
