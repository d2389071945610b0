import type { Table } from 'dexie';
import type { ChotDatabase } from '../utils/store/db';
import { useLiveRead } from './use-live-read';

/**
 * A live read over a broadcast's streams that answers undefined until the answer is for these streams:
 * the previous answer stays while a new one loads, and another broadcast's figures shown for a moment
 * would mislead the host. `tables` are the tables the query reads (its transaction's scope).
 */
export function useStreamsQuery<T>(
  db: ChotDatabase,
  tables: readonly Table[],
  streamIds: readonly string[],
  query: (streamIds: string[]) => Promise<T>,
  extraDeps: readonly unknown[] = [],
): T | undefined {
  const key = streamIds.join('\n');
  const answer = useLiveRead(db, tables, async () => ({ key, value: await query(key.split('\n').filter(Boolean)) }), [key, ...extraDeps]);
  return answer?.key === key ? answer.value : undefined;
}
