import type { Token } from './tokenize';
import { WordMap } from './word-trie';
import { CATEGORIES, COMPILED_TAILS, type Category, type CompiledEntry, type CompiledLexicon, type CompiledWord } from './lexicon';

export interface PhraseHit {
  category: Category;
  /** Token index range [start, end). */
  start: number;
  end: number;
}

/** The words of a hit as typed, for explanations. */
export function hitText(tokens: readonly Token[], hit: { start: number; end: number }): string {
  return joinWords(tokens, hit.start, hit.end, 'text');
}

/** tokens[start, end) by one field, joined with spaces: hitText and look-ups by key. */
export function joinWords(tokens: readonly Token[], start: number, end: number, field: 'text' | 'key'): string {
  // each field read by name: a getter read by a computed name is a slow keyed load (every reason is made here)
  const first = tokens[start];
  let out = first === undefined ? '' : field === 'text' ? first.text : first.key;
  for (let i = start + 1; i < end && i < tokens.length; i += 1) out += ` ${field === 'text' ? tokens[i]!.text : tokens[i]!.key}`;
  return out;
}

/** A typed word matches a lexicon word by its letters, and by its diacritics when it has any. */
export function wordMatches(token: Token, word: CompiledWord, diacriticsRequired = false): boolean {
  // by trie numbers: equal numbers are equal strings, and a word's numbers are never NO_WORD
  if (token.keyId !== word.keyId) return false;
  if (token.plain) return !diacriticsRequired || token.typedId === word.typedId;
  return token.typedId === word.typedId;
}

function matchesAt(tokens: readonly Token[], at: number, words: readonly CompiledWord[], diacriticsRequired: boolean): number | undefined {
  for (let w = 0; w < words.length; w += 1) {
    const token = tokens[at + w];
    if (!token || !wordMatches(token, words[w]!, diacriticsRequired)) return undefined;
  }
  return at + words.length;
}

export type Hits = Record<Category, readonly PhraseHit[]>;

// Most categories find nothing in a comment: they share one empty list until they do. Written out as one
// literal so that every comment's hits have the same shape (the compiler checks that no category is missing).
const NONE: readonly PhraseHit[] = Object.freeze([]);
const S = Object.fromEntries(CATEGORIES.map((category, slot) => [category, slot])) as Record<Category, number>;
/** The hits found, by category slot (lexicon.ts CompiledEntry.slot), as the record every reader takes. */
const hitsOf = (found: readonly (PhraseHit[] | undefined)[]): Hits => ({
  order: found[S.order] ?? NONE,
  cancel: found[S.cancel] ?? NONE,
  change: found[S.change] ?? NONE,
  question: found[S.question] ?? NONE,
  yesNo: found[S.yesNo] ?? NONE,
  past: found[S.past] ?? NONE,
  story: found[S.story] ?? NONE,
  complaint: found[S.complaint] ?? NONE,
  remark: found[S.remark] ?? NONE,
  contact: found[S.contact] ?? NONE,
  review: found[S.review] ?? NONE,
  measure: found[S.measure] ?? NONE,
  otherThing: found[S.otherThing] ?? NONE,
  spam: found[S.spam] ?? NONE,
  filler: found[S.filler] ?? NONE,
  numberLabel: found[S.numberLabel] ?? NONE,
  numberNoun: found[S.numberNoun] ?? NONE,
  price: found[S.price] ?? NONE,
  stock: found[S.stock] ?? NONE,
  shipping: found[S.shipping] ?? NONE,
  payment: found[S.payment] ?? NONE,
});

/** The hits of a comment with no word of the lexicon (emoji, greetings): shared, frozen. */
export const NO_HITS: Hits = Object.freeze(hitsOf([]));

/** Tail words by the key of their first word. */
const TAILS_BY_KEY = new WordMap<CompiledWord[][]>();
for (const tail of COMPILED_TAILS) TAILS_BY_KEY.set(tail[0]!.keyId, [...(TAILS_BY_KEY.get(tail[0]!.keyId) ?? []), tail]);

/** Whether nothing but tail words ("ạ", "shop", "v") and symbols follows tokens[from]: "còn k shop ?" ends at "k". */
function onlyTailFrom(tokens: readonly Token[], from: number): boolean {
  let at = from;
  while (at < tokens.length) {
    if (tokens[at]!.kind === 'symbol') {
      at += 1;
      continue;
    }
    const length = tailLengthAt(tokens, at);
    if (length === 0) return false;
    at += length;
  }
  return true;
}

/** The number of words of the first tail phrase written at tokens[at] (by keys), or 0. */
function tailLengthAt(tokens: readonly Token[], at: number): number {
  const tails = TAILS_BY_KEY.get(tokens[at]!.keyId);
  if (tails === undefined) return 0;
  for (const words of tails) {
    let w = 0;
    while (w < words.length && tokens[at + w] !== undefined && tokens[at + w]!.keyId === words[w]!.keyId) w += 1;
    if (w === words.length) return w;
  }
  return 0;
}

// The hits of the comment being read, by category slot: one list for every comment, emptied after each.
const FOUND = new Array<PhraseHit[] | undefined>(CATEGORIES.length).fill(undefined);
const TOUCHED = new Int32Array(CATEGORIES.length); // the slots of FOUND given a list, to empty
let touched = 0;

/**
 * Every lexicon phrase in the comment, by category. Where phrases of one category overlap, the longest
 * reading wins ("ko lấy nữa" over "ko lấy").
 */
export function findPhrases(tokens: readonly Token[], lexicon: CompiledLexicon): Hits {
  let found: (PhraseHit[] | undefined)[] | undefined; // FOUND, from the first word of the lexicon
  let firstWord = -1;
  for (let i = 0; i < tokens.length && firstWord < 0; i += 1) if (tokens[i]!.kind !== 'symbol') firstWord = i;
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token.kind === 'symbol') continue;
    const keyed = lexicon.get(token.keyId);
    if (!keyed) continue;
    const afterNumber = at > 0 && tokens[at - 1]!.kind === 'number';
    found ??= FOUND;
    // one-word phrases first: a longer one from the same word then takes their place
    addHits(found, tokens, at, firstWord, afterNumber, keyed.single);
    const next = tokens[at + 1];
    const longer = next && lexicon.seconds.has(next.keyId) ? keyed.bySecond.get(next.keyId) : undefined;
    if (longer) addHits(found, tokens, at, firstWord, afterNumber, longer);
  }
  if (found === undefined) return NO_HITS;
  const hits = hitsOf(found);
  for (let k = 0; k < touched; k += 1) found[TOUCHED[k]!] = undefined;
  touched = 0;
  return hits;
}

/** Adds the entries that match at tokens[at] to `found`. */
function addHits(
  found: (PhraseHit[] | undefined)[],
  tokens: readonly Token[],
  at: number,
  firstWord: number,
  afterNumber: boolean,
  entries: readonly CompiledEntry[],
): void {
  for (const entry of entries) {
    if (entry.atStart && at !== firstWord) continue;
    // "50k", "5kg", "5 sao": after a number these are not "không" or "sao?"
    if (afterNumber && entry.notAfterNumber) continue;
    const end = matchesAt(tokens, at, entry.compiled, entry.diacriticsRequired);
    if (end === undefined || (entry.atEnd && !onlyTailFrom(tokens, end))) continue;
    let list = found[entry.slot];
    const last = list === undefined ? undefined : list[list.length - 1];
    if (last && last.end >= end) continue; // inside a longer phrase already found
    if (list === undefined) {
      list = found[entry.slot] = [];
      TOUCHED[touched] = entry.slot;
      touched += 1;
    } else if (last && last.start === at) list.pop(); // a longer phrase from the same word
    list.push({ category: entry.category, start: at, end });
  }
}
