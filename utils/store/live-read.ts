import { Dexie, RangeSet, cmp, rangesOverlap, type IndexableType, type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import { giveUp } from './give-up';

export interface LiveReadObserver<T> {
  next(value: T): void;
  error?(error: unknown): void;
}

export interface LiveReadSubscription {
  unsubscribe(): void;
}

export interface LiveRead<T> {
  subscribe(observer: LiveReadObserver<T>): LiveReadSubscription;
}

/** Whether a committed change touched any of the tables (Dexie names its parts `idb://db/table/index`). */
export function touchesTables(parts: ObservabilitySet, databaseName: string, tables: readonly string[]): boolean {
  if ('all' in parts) return true;
  const prefixes = tables.map((table) => `idb://${databaseName}/${table}/`);
  for (const part in parts) if (prefixes.some((prefix) => part.startsWith(prefix))) return true;
  return false;
}

/** Which records of one table a narrowed read depends on (see touchesRecords). */
export interface RecordsRead {
  table: string;
  /** The index the read selects by ('' for the primary key, `[a+b]` for a compound index) and its values. */
  index: string;
  keys: readonly IndexableType[];
  /** The primary keys of the records the read last answered with. */
  shown: readonly IndexableType[];
}

const overlaps = (tree: IntervalTree | undefined, keys: readonly IndexableType[]) =>
  tree !== undefined && keys.length > 0 && rangesOverlap(tree, new RangeSet().addKeys([...keys]));

/**
 * Whether a committed change can alter a read of the records whose `index` holds one of `keys`. Dexie names,
 * for each write, the index values that changed (a record joining or leaving the selection), the primary
 * key of every record written (a record shown, changed in place), and under `:dels` the records written
 * whose old values it did not know (which matter only if shown).
 */
export function touchesRecords(parts: ObservabilitySet, databaseName: string, read: RecordsRead): boolean {
  if ('all' in parts) return true;
  const prefix = `idb://${databaseName}/${read.table}/`;
  return overlaps(parts[`${prefix}${read.index}`], read.keys) || overlaps(parts[prefix], read.shown) || overlaps(parts[`${prefix}:dels`], read.shown);
}

/** Whether a committed change wrote or deleted a record of `table` whose `index` value lies in [from, to]. */
export function touchesRange(parts: ObservabilitySet, databaseName: string, table: string, index: string, from: IndexableType, to: IndexableType): boolean {
  if ('all' in parts) return true;
  const tree = parts[`idb://${databaseName}/${table}/${index}`];
  return tree !== undefined && rangesOverlap(tree, new RangeSet(from, to));
}

/**
 * The primary keys of `table` a committed change wrote or deleted; 'all' when it named a range instead
 * (Dexie does for a clear, a range delete, or a bulk write of 50 records or more); 'none' when the table
 * was not touched.
 */
export function changedKeys(parts: ObservabilitySet, databaseName: string, table: string): unknown[] | 'all' | 'none' {
  if ('all' in parts) return 'all';
  const tree = parts[`idb://${databaseName}/${table}/`];
  if (!tree) return 'none';
  const keys: unknown[] = [];
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (cmp(node.from, node.to) !== 0) return false;
    keys.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? keys : 'all';
}

/**
 * Narrower than "a table it reads changed", for a read of a few records: whether this change can alter its
 * answer, given its last answer (see touchesRecords). Every read woken opens a transaction, and a transaction open in a busy page
 * holds back the background's next chat batch (IndexedDB starts a write only after the reads begun before it).
 */
export type WakeTest<T> = (parts: ObservabilitySet, last: T) => boolean;

/**
 * What a read may build on instead of reading everything again: its last answer, and the changes committed
 * since the read that made it began (changedKeys names what each wrote). Undefined for a first read, and
 * after a failed one.
 */
export interface Since<T> {
  last: T;
  changes: readonly ObservabilitySet[];
}

/** The primary keys of `table` written or deleted by any of the changes, or 'all' when one names a range. */
export function changedKeysOf(changes: readonly ObservabilitySet[], databaseName: string, table: string): unknown[] | 'all' {
  const keys: unknown[] = [];
  for (const parts of changes) {
    const named = changedKeys(parts, databaseName, table);
    if (named === 'all') return 'all';
    if (named !== 'none') keys.push(...named);
  }
  return keys;
}

/** One page's live reads over one database: those under way, and the writes they are held back for. */
interface ReadGate {
  holds: number;
  waiting: (() => void)[];
  open: Set<{ abort(): void; givenUp: boolean }>;
}
const gates = new WeakMap<Dexie, ReadGate>();
function gateOf(db: Dexie): ReadGate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = { holds: 0, waiting: [], open: new Set() }));
  return gate;
}
const passed = (gate: ReadGate) => (gate.holds === 0 ? Promise.resolve() : new Promise<void>((resolve) => gate.waiting.push(resolve)));

/**
 * A write this page asked the background for (an assistant's decision), ahead of the page's live reads: a
 * read-only transaction open in a busy page holds every later write back until the page has handled its
 * answers, so the reads under way give their transactions up, and none starts until the write is done
 * (`maxMs` at most); then each reads again, with every change since its last answer.
 */
export function holdReadsFor<T>(db: Dexie, write: () => Promise<T>, maxMs = 1000): Promise<T> {
  const gate = gateOf(db);
  gate.holds += 1;
  for (const read of gate.open) read.abort();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    gate.holds -= 1;
    if (gate.holds === 0) gate.waiting.splice(0).forEach((resume) => resume());
  };
  const timer = setTimeout(release, maxMs);
  const done = write();
  void done.then(release, release).finally(() => clearTimeout(timer));
  return done;
}

/**
 * A read kept current like Dexie's liveQuery, with one difference that matters at chat speed: a change
 * committed while the read runs does not throw it away. Its answer is delivered, then it is read once
 * more for every change since. (liveQuery starts the read over on each change, so a view whose read takes
 * longer than the time between two chat batches would wait for a quiet moment to show anything.)
 *
 * The read runs in one read-only transaction over `tables`: the answer is consistent, its requests go out
 * together, and Dexie refuses a table outside the list, so the tables watched are exactly those read.
 */
export function liveRead<T>(db: Dexie, tables: readonly Table[], read: (since?: Since<T>) => Promise<T>, wakes?: WakeTest<T>): LiveRead<T> {
  const names = tables.map((table) => table.name);
  return {
    subscribe(observer) {
      let closed = false;
      let running = false;
      let stale = false;
      let answered: { value: T } | undefined;
      // changes to the tables read, committed since the read under way (or the last one) began
      let changes: ObservabilitySet[] = [];
      const gate = gateOf(db);
      let givenUpLast = false;
      const run = async () => {
        running = true;
        do {
          stale = false;
          await passed(gate);
          if (closed) break;
          const since = answered && { last: answered.value, changes };
          changes = [];
          const under = { givenUp: false, abort: () => {} };
          try {
            const value = await db.transaction('r', [...tables], (tx) => {
              under.abort = () => {
                under.givenUp = true;
                giveUp(tx);
              };
              // a read given up once runs its next time to the end (one as long as the orders table's whole
              // read could otherwise be given up at every key press and never answer)
              if (!givenUpLast) gate.open.add(under);
              return read(since);
            });
            gate.open.delete(under);
            givenUpLast = false;
            answered = { value };
            if (!closed) observer.next(value);
            // Changes that landed during the read, now that its answer is known: only one that can alter it
            // reads again (else a read slower than the chat would run without end, woken by every batch).
            if (stale && wakes && !changes.some((parts) => wakes(parts, value))) {
              stale = false;
              changes = [];
            }
          } catch (error) {
            gate.open.delete(under);
            if (under.givenUp) {
              // given up for a write of this page (holdReadsFor): read again after it, with the changes it had
              givenUpLast = true;
              changes = [...(since?.changes ?? []), ...changes];
              stale = true;
              continue;
            }
            answered = undefined;
            if (!closed) observer.error?.(error);
          }
        } while (stale && !closed);
        running = false;
      };
      const onChange = (parts: ObservabilitySet) => {
        if (closed || !touchesTables(parts, db.name, names)) return;
        changes.push(parts);
        // What a read under way will show is not known yet: the change is weighed once it has answered.
        if (running) stale = true;
        else if (!wakes || answered === undefined || wakes(parts, answered.value)) void run();
        else changes = []; // this change cannot alter the answer: the next read need not look at it
      };
      Dexie.on.storagemutated.subscribe(onChange);
      void run();
      return {
        unsubscribe() {
          closed = true;
          Dexie.on.storagemutated.unsubscribe(onChange);
        },
      };
    },
  };
}
