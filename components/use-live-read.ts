import { startTransition, useEffect, useState } from 'react';
import type { Dexie, Table } from 'dexie';
import { liveRead, type Since, type WakeTest } from '../utils/store/live-read';

/**
 * useLiveQuery's shape over liveRead: the answer of `read` over `tables`, kept current; the previous
 * answer stays while the read for new `deps` loads (undefined only before the first). A failed read is
 * thrown where the component renders, as useLiveQuery does.
 *
 * `read` null: nothing to read now (a closed section, no order looked at): no transaction is opened on any
 * change, and the answer is undefined. `wakes` narrows which changes read again (see WakeTest).
 */
export function useLiveRead<T>(
  db: Dexie,
  tables: readonly Table[],
  read: ((since?: Since<T>) => Promise<T>) | null,
  deps: readonly unknown[],
  wakes?: WakeTest<T>,
): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>();
  const [failure, setFailure] = useState<{ error: unknown } | undefined>();
  const idle = read === null;
  useEffect(() => {
    if (read === null) {
      setAnswer(undefined);
      setFailure(undefined);
      return;
    }
    const subscription = liveRead(db, tables, read, wakes).subscribe({
      next: (value) => {
        // A new answer is drawn as a transition: React draws it in slices and lets the page take its events
        // between them, among them the answers of the reads still open. (Drawn in one piece, a busy page held
        // each read's transaction open, and the background's next write waited for it.) A key press still
        // draws at once.
        startTransition(() => {
          setFailure(undefined);
          setAnswer({ value });
        });
      },
      error: (error) => setFailure({ error }),
    });
    return () => subscription.unsubscribe();
    // `read` and `wakes` are new functions each render; what they read is named by deps, as with useLiveQuery
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, tables.map((table) => table.name).join('\n'), idle, ...deps]);
  if (failure) throw failure.error;
  return idle ? undefined : answer?.value;
}
