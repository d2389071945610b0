import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live query over a broadcast's streams that answers undefined until the answer is for these streams:
 * useLiveQuery keeps the previous answer while a new one loads, and another broadcast's figures shown for a
 * moment would mislead the host.
 */
export function useStreamsQuery<T>(streamIds: readonly string[], query: (streamIds: string[]) => Promise<T>, extraDeps: readonly unknown[] = []): T | undefined {
  const key = streamIds.join('\n');
  const answer = useLiveQuery(async () => ({ key, value: await query(key.split('\n').filter(Boolean)) }), [key, ...extraDeps]);
  return answer?.key === key ? answer.value : undefined;
}
