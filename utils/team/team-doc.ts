import * as Y from 'yjs';
import { SHARED_TABLES, type SharedTable, type TeamEntry } from './team-records';

/** The origin of this desk's own writes to a shared document (they are not applied back to the store). */
export const LOCAL_ORIGIN = Symbol('chot-team-local');

/** Whether entry a was written after entry b (ties broken by desk id, the same way on every desk). */
export const isNewer = (a: TeamEntry, b: TeamEntry) => a.at > b.at || (a.at === b.at && a.desk > b.desk);

export const entriesOf = (doc: Y.Doc, table: SharedTable) => doc.getMap<TeamEntry>(table);

/**
 * Writes records (null: deleted) as this desk, stamped with when they changed (an order's updatedAt, else
 * now). Each is stamped later than what the desk has seen for
 * that key, so a change made after seeing another always wins over it, even with the clocks apart.
 */
export function writeEntries(
  doc: Y.Doc,
  table: SharedTable,
  records: readonly (readonly [string, unknown, number?])[],
  who: { desk: string; by: string },
  now: number,
): void {
  if (records.length === 0) return;
  const map = entriesOf(doc, table);
  doc.transact(() => {
    for (const [key, value, when = now] of records) {
      const current = map.get(key);
      map.set(key, { v: value ?? null, at: current ? Math.max(when, current.at + 1) : when, desk: who.desk, by: who.by });
    }
  }, LOCAL_ORIGIN);
}

/**
 * Yjs settles two desks' writes to one key by its own rule, not by time. When that leaves the earlier
 * write in place, any desk that sees it puts the later one back; what reaches the store is only ever the
 * later one. Calls onRemote with the keys other desks changed, per table.
 */
export function watchEntries(doc: Y.Doc, onRemote: (table: SharedTable, keys: string[]) => void): () => void {
  const stops = SHARED_TABLES.map((table) => {
    const map = entriesOf(doc, table);
    const observer = (event: Y.YMapEvent<TeamEntry>, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_ORIGIN) return;
      const changed: string[] = [];
      const restore: [string, TeamEntry][] = [];
      for (const [key, change] of event.changes.keys) {
        const now = map.get(key);
        const old = change.oldValue as TeamEntry | undefined;
        if (old && now && isNewer(old, now)) restore.push([key, old]);
        else changed.push(key);
      }
      if (restore.length > 0) doc.transact(() => restore.forEach(([key, entry]) => map.set(key, entry)), LOCAL_ORIGIN);
      if (changed.length > 0) onRemote(table, changed);
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  });
  return () => stops.forEach((stop) => stop());
}
