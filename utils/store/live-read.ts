import { Dexie, cmp, type IntervalTree, type ObservabilitySet, type Table } from 'dexie';

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
 * A read kept current like Dexie's liveQuery, with one difference that matters at chat speed: a change
 * committed while the read runs does not throw it away. Its answer is delivered, then it is read once
 * more for every change since. (liveQuery starts the read over on each change, so a view whose read takes
 * longer than the time between two chat batches would wait for a quiet moment to show anything.)
 *
 * The read runs in one read-only transaction over `tables`: the answer is consistent, its requests go out
 * together, and Dexie refuses a table outside the list, so the tables watched are exactly those read.
 */
export function liveRead<T>(db: Dexie, tables: readonly Table[], read: () => Promise<T>): LiveRead<T> {
  const names = tables.map((table) => table.name);
  return {
    subscribe(observer) {
      let closed = false;
      let running = false;
      let stale = false;
      const run = async () => {
        running = true;
        do {
          stale = false;
          try {
            const value = await db.transaction('r', [...tables], read);
            if (!closed) observer.next(value);
          } catch (error) {
            if (!closed) observer.error?.(error);
          }
        } while (stale && !closed);
        running = false;
      };
      const onChange = (parts: ObservabilitySet) => {
        if (closed || !touchesTables(parts, db.name, names)) return;
        if (running) stale = true;
        else void run();
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
