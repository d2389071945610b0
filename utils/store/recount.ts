import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import { emptyStreamTally, recountStreams } from './stream-tally';
import { platformSchema } from '../platforms/platform';
import { bucketBuyers, readKeptBuyers, replaceKeptBuyers, unbucketBuyers } from './kept-buyers';

export type RecountResult = { ok: true; orders: number; agreed: boolean } | { ok: false; error: 'not-found' };

/** Records compared by content, whatever order their keys were written in. */
const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/**
 * Counts one stream's figures afresh from its orders and contracts and puts them right where the kept ones
 * differ: the check behind "Check the figures", one stream per call so the page can show progress.
 */
export async function recountStream(db: ChotDatabase, streamId: string): Promise<RecountResult> {
  return db.transaction('rw', [db.streams, db.orders, db.contracts, ...db.figureTables], async () => {
    const stream = await db.streams.get(streamId);
    if (!stream) return { ok: false, error: 'not-found' } as const;
    const orders = await db.orders.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).toArray();
    const contracts = await db.contracts.where('streamId').equals(streamId).toArray();
    const fresh = recountStreams(orders, contracts);
    const tally = fresh.tallies[0] ?? emptyStreamTally(streamId, platformSchema.parse(stream.platform));
    // both in buyer order (as IndexedDB orders strings, by code unit)
    const agreed = same(await db.tallies.get(streamId), tally) && same(await readKeptBuyers(db, streamId), unbucketBuyers(bucketBuyers(fresh.buyers)));
    if (!agreed) {
      await db.tallies.put(tally);
      await replaceKeptBuyers(db, streamId, fresh.buyers);
    }
    return { ok: true, orders: orders.length, agreed } as const;
  });
}
