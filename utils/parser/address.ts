import type { Token } from './tokenize';
import { compileWords, type CompiledWord } from './lexicon';
import { wordMatches } from './match';
import { ADDRESS_LEAD, WordSet, markWord } from './word-trie';

// Words after which buyers write where to deliver: "giao về …", "địa chỉ: …", "ship tới …".
const LEADS = [
  ['địa', 'chỉ'],
  ['đc'],
  ['dc'],
  ['giao', 'về'],
  ['giao', 'tới'],
  ['giao', 'đến'],
  ['giao', 'ở'],
  ['ship', 'về'],
  ['ship', 'tới'],
  ['ship', 'đến'],
  ['gửi', 'về'],
  ['gửi', 'tới'],
  ['deliver', 'to'],
  ['address'],
].map((words) => compileWords(words));
// An address names a place: one of these, or a house number.
const PLACE_WORDS = compileWords([
  'số',
  'ngõ',
  'ngách',
  'hẻm',
  'kiệt',
  'đường',
  'phố',
  'phường',
  'quận',
  'huyện',
  'xã',
  'thôn',
  'xóm',
  'tổ',
  'tỉnh',
  'thành',
  'tp',
  'p',
  'q',
  'street',
  'district',
  'ward',
]);

// Checked first, so comments without any lead word cost one set look-up per word.
const LEAD_KEYS = new WordSet(LEADS.map((words) => words[0]!.keyId));
// and marked in the trie, so that parseComment skips the scan when the tokenizer met none of them
for (const words of LEADS) markWord(words[0]!.keyId, ADDRESS_LEAD);

const matchesAt = (tokens: readonly Token[], at: number, words: readonly CompiledWord[]) =>
  words.every((word, w) => tokens[at + w] !== undefined && wordMatches(tokens[at + w]!, word));

/** The delivery address a comment gives after a lead phrase, as typed, or null. */
export function findAddress(cleaned: string, tokens: readonly Token[]): string | null {
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token.kind !== 'word' || !LEAD_KEYS.has(token.keyId)) continue; // every lead is a word
    const lead = LEADS.find((words) => matchesAt(tokens, at, words));
    if (!lead) continue;
    const rest = tokens.slice(at + lead.length).filter((token) => token.text !== ':');
    const placeLike = rest.some((token) => token.kind === 'number' || PLACE_WORDS.some((word) => wordMatches(token, word)));
    if (rest.length < 2 || !placeLike) continue;
    const text = cleaned
      .slice(rest[0]!.start, rest[rest.length - 1]!.end)
      .replace(/\s+/g, ' ')
      .trim();
    return text.slice(0, 200);
  }
  return null;
}
