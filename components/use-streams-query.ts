import type { Table } from 'dexie';
import type { ChotDatabase } from '../utils/store/db';
import { useLiveRead } from './use-live-read';
import type { Since } from '../utils/store/live-read';

/**
 * A live read over a broadcast's streams that answers undefined until the answer is for these streams:
 * the previous answer stays while a new one loads, and another broadcast's figures shown for a moment
 * would mislead the host. `tables` are the tables the query reads (its transaction's scope).
 */
export function useStreamsQuery<T>(
  db: ChotDatabase,
  tables: readonly Table[],
  streamIds: readonly string[],
  query: (streamIds: string[], since?: Since<T>) => Promise<T>,
  extraDeps: readonly unknown[] = [],
): T | undefined {
  const key = streamIds.join('\n');
  const answer = useLiveRead(
    db,
    tables,
    async (since?: Since<{ key: string; value: T }>) => ({
      key,
      // an answer for other streams is no base to build on
      value: await query(key.split('\n').filter(Boolean), since?.last.key === key ? { last: since.last.value, changes: since.changes } : undefined),
    }),
    [key, ...extraDeps],
  );
  return answer?.key === key ? answer.value : undefined;
}
