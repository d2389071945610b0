import type { Token } from './tokenize';
import { compileWords, type CompiledWord } from './lexicon';
import { wordMatches } from './match';
import { WordMap } from './word-trie';

/** Phrases of one or more words mapped to values (units, package words, product names), longest match wins. */
export class PhraseTable<T> {
  /** Phrases by the trie number of their first word's key (word-trie.ts). */
  private readonly byKey = new WordMap<{ value: T; words: CompiledWord[] }[]>();
  private readonly keys = new Set<string>();

  add(phrase: string | readonly string[], value: T): void {
    const words = compileWords(typeof phrase === 'string' ? phrase.split(' ') : phrase);
    if (words.length === 0) return;
    const key = words[0]!.keyId;
    const list = this.byKey.get(key) ?? [];
    list.push({ value, words });
    this.byKey.set(key, list);
    this.keys.add(words[0]!.key);
  }

  /** The phrase written at tokens[i], with the index after it. */
  at(tokens: readonly Token[], i: number): { value: T; next: number } | undefined {
    const token = tokens[i];
    if (!token || token.kind === 'symbol') return undefined;
    const entries = this.byKey.get(token.keyId);
    if (entries === undefined) return undefined; // most words start no phrase
    let best: { value: T; words: CompiledWord[] } | undefined; // the longest match, made into a result once
    for (const entry of entries) {
      if (best && entry.words.length <= best.words.length) continue;
      if (matchesAt(tokens, i, entry.words)) best = entry;
    }
    return best && { value: best.value, next: i + best.words.length };
  }

  /** The first keys of every phrase. */
  firstKeys(): IterableIterator<string> {
    return this.keys.values();
  }

  /** The trie numbers of the first keys of every phrase. */
  firstKeyIds(): IterableIterator<number> {
    return this.byKey.keys();
  }
}

function matchesAt(tokens: readonly Token[], at: number, words: readonly CompiledWord[]): boolean {
  for (let w = 0; w < words.length; w += 1) {
    const token = tokens[at + w];
    if (token === undefined || !wordMatches(token, words[w]!)) return false;
  }
  return true;
}
