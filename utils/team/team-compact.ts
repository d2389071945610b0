import * as Y from 'yjs';
import { entriesOf, isNewer, LOCAL_ORIGIN } from './team-doc';
import { SHARED_TABLES, type SharedTable, type TeamEntry } from './team-records';

// Compaction of a shared document: Yjs keeps a small item for every value a key ever had, so a
// broadcast whose orders were decided and edited many times carries all those overwritten values'
// structure. Its current entries, copied into a fresh document, are all the team needs.

/**
 * A fresh document with exactly the current entry of every key (deleted records stay as their null
 * entry, so a desk whose store still has one deletes it rather than sending it back), each with the
 * stamps it had: which write is later compares the same in the copy as in the original.
 */
export function compactedCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  copy.transact(() => {
    for (const table of SHARED_TABLES) {
      const from = entriesOf(doc, table);
      if (from.size === 0) continue;
      const to = entriesOf(copy, table);
      // Keys in a stable order: two copies of one state encode alike.
      for (const key of [...from.keys()].sort()) to.set(key, from.get(key)!);
    }
  });
  return copy;
}

/** Every table's current entries, by key: what a document holds for the team, whatever its history. */
export function currentEntries(doc: Y.Doc): Record<string, Record<string, TeamEntry>> {
  const out: Record<string, Record<string, TeamEntry>> = {};
  for (const table of SHARED_TABLES) {
    const map = entriesOf(doc, table);
    if (map.size > 0) out[table] = Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

/**
 * What a desk's copy of a superseded generation has that the new one lacks: entries later than the new
 * document's (the desk's changes that never reached the server before the compaction). Written into the
 * new document with their own stamps, as this desk's writes. Returns how many were carried.
 */
export function carryOver(from: Y.Doc, to: Y.Doc): number {
  let carried = 0;
  to.transact(() => {
    for (const table of SHARED_TABLES) {
      const source = entriesOf(from, table);
      const target = entriesOf(to, table);
      for (const [key, entry] of source) {
        const current = target.get(key);
        if (current && !isNewer(entry, current)) continue;
        target.set(key, entry);
        carried += 1;
      }
    }
  }, LOCAL_ORIGIN);
  return carried;
}

/**
 * The keys whose entry in `to` is later than in `from` (or only in `to`): what other desks wrote that a
 * desk holding `from` has not applied yet (sent to the server just before it compacted).
 */
export function laterIn(to: Y.Doc, from: Y.Doc): Map<SharedTable, string[]> {
  const later = new Map<SharedTable, string[]>();
  for (const table of SHARED_TABLES) {
    const old = entriesOf(from, table);
    const keys = [...entriesOf(to, table)].flatMap(([key, entry]) => {
      const had = old.get(key);
      return !had || isNewer(entry, had) ? [key] : [];
    });
    if (keys.length > 0) later.set(table, keys);
  }
  return later;
}
