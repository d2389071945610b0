import type { Token } from './tokenize';
import type { CompiledEntry, CompiledList } from './lexicon';

export interface PhraseHit {
  entry: CompiledEntry;
  /** Token index range [start, end). */
  start: number;
  end: number;
  /** The words as typed, for explanations. */
  text: string;
}

// Each comment is matched against several lists: its word positions are worked out once.
const wordIndexCache = new WeakMap<readonly Token[], number[]>();

function wordIndexes(tokens: readonly Token[]): number[] {
  let indexes = wordIndexCache.get(tokens);
  if (!indexes) {
    indexes = [];
    for (let i = 0; i < tokens.length; i += 1) if (tokens[i]!.kind === 'word') indexes.push(i);
    wordIndexCache.set(tokens, indexes);
  }
  return indexes;
}

function matchesAt(tokens: readonly Token[], at: number, entry: CompiledEntry): number | undefined {
  let i = at;
  for (let w = 0; w < entry.keys.length; w += 1) {
    const token = tokens[i];
    if (!token || token.kind !== 'word') return undefined;
    const same = entry.exact ? token.text === entry.exactWords[w] : token.key === entry.keys[w];
    if (!same) return undefined;
    i += 1;
  }
  return i;
}

/** All places where a phrase of the list occurs, honouring atStart / atEnd / exact. */
export function findPhrases(tokens: readonly Token[], list: CompiledList): PhraseHit[] {
  const words = wordIndexes(tokens);
  const firstWord = words[0];
  const lastWord = words[words.length - 1];
  const hits: PhraseHit[] = [];
  for (const at of words) {
    for (const entry of list.get(tokens[at]!.key) ?? []) {
      if (entry.atStart && at !== firstWord) continue;
      const end = matchesAt(tokens, at, entry);
      if (end === undefined) continue;
      if (entry.atEnd && end - 1 !== lastWord) continue;
      hits.push({ entry, start: at, end, text: tokens.slice(at, end).map((t) => t.text).join(' ') });
    }
  }
  // Keep the longest reading where phrases overlap ("ko lấy nữa" over "ko lấy"), each place once.
  return hits.filter((hit, i) => !hits.some((other, j) =>
    j !== i && other.start <= hit.start && other.end >= hit.end && (other.end - other.start > hit.end - hit.start || j < i)));
}
