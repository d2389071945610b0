import type { Token } from './tokenize';
import { compileWords, type CompiledWord } from './lexicon';
import { wordMatches } from './match';

/** Phrases of one or more words mapped to values (units, package words, product names), longest match wins. */
export class PhraseTable<T> {
  private readonly byKey = new Map<string, { value: T; words: CompiledWord[] }[]>();

  add(phrase: string | readonly string[], value: T): void {
    const words = compileWords(typeof phrase === 'string' ? phrase.split(' ') : phrase);
    if (words.length === 0) return;
    const key = words[0]!.key;
    const list = this.byKey.get(key) ?? [];
    list.push({ value, words });
    this.byKey.set(key, list);
  }

  /** The phrase written at tokens[i], with the index after it. */
  at(tokens: readonly Token[], i: number): { value: T; next: number } | undefined {
    const token = tokens[i];
    if (!token || token.kind === 'symbol') return undefined;
    let best: { value: T; next: number } | undefined;
    for (const entry of this.byKey.get(token.key) ?? []) {
      const next = i + entry.words.length;
      if (best && next <= best.next) continue;
      if (entry.words.every((word, w) => tokens[i + w] !== undefined && wordMatches(tokens[i + w]!, word))) best = { value: entry.value, next };
    }
    return best;
  }

  /** Whether some phrase starts with this key: a cheap test before `at`. */
  startsWith(key: string): boolean {
    return this.byKey.has(key);
  }
}
