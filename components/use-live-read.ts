import { useEffect, useState } from 'react';
import type { Dexie, Table } from 'dexie';
import { liveRead } from '../utils/store/live-read';

/**
 * useLiveQuery's shape over liveRead: the answer of `read` over `tables`, kept current; the previous
 * answer stays while the read for new `deps` loads (undefined only before the first). A failed read is
 * thrown where the component renders, as useLiveQuery does.
 */
export function useLiveRead<T>(db: Dexie, tables: readonly Table[], read: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>();
  const [failure, setFailure] = useState<{ error: unknown } | undefined>();
  useEffect(() => {
    const subscription = liveRead(db, tables, read).subscribe({
      next: (value) => {
        setFailure(undefined);
        setAnswer({ value });
      },
      error: (error) => setFailure({ error }),
    });
    return () => subscription.unsubscribe();
    // `read` is a new function each render; what it reads is named by deps, as with useLiveQuery
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, tables.map((table) => table.name).join('\n'), ...deps]);
  if (failure) throw failure.error;
  return answer?.value;
}
