import { z } from 'zod';
import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import type { StreamBuyer } from './stream-tally';

// The buyers behind a stream's buyer count (each with their number of counting orders), kept in a few
// records per stream instead of one per buyer: a chat batch moves hundreds of buyers, and a record written
// per buyer cost about as much as the batch's messages. A buyer's record is one of KEPT_BUYER_BUCKETS, by a
// hash of their key, so a live batch of a few orders writes a few small records, and a stream's buyers are
// still read in one range.

/**
 * Records per stream at most. 256, not 16: with 10,000 buyers a live batch of 20 orders read and rewrote
 * nearly all of 16 records of 600 buyers each (a fifth of a team desk's background time); now about 20 of
 * 40 buyers each. Part of the stored layout: changing it needs an upgrade (db.ts, version 15).
 */
export const KEPT_BUYER_BUCKETS = 256;

export const keptBuyersSchema = z.object({
  streamId: z.string(),
  bucket: z.number().int().min(0),
  /** Author key → counting orders (> 0). A Map: keys are page text, and "__proto__" must stay a key. */
  counting: z.map(z.string(), z.number().int()),
});
export type KeptBuyers = z.infer<typeof keptBuyersSchema>;

/** The bucket of a buyer's count: FNV-1a of the key's UTF-16 units, stable across versions and contexts. */
export function bucketOf(authorKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < authorKey.length; i += 1) hash = Math.imul(hash ^ authorKey.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % KEPT_BUYER_BUCKETS;
}

/** Per-buyer counts as the records that keep them, in key order. */
export function bucketBuyers(buyers: readonly StreamBuyer[]): KeptBuyers[] {
  const records = new Map<string, KeptBuyers>();
  for (const { streamId, authorKey, counting } of buyers) {
    if (counting <= 0) continue;
    const bucket = bucketOf(authorKey);
    const key = `${streamId}\u0000${bucket}`;
    let record = records.get(key);
    if (!record) records.set(key, (record = { streamId, bucket, counting: new Map() }));
    record.counting.set(authorKey, counting);
  }
  return [...records.values()].sort((a, b) => (a.streamId === b.streamId ? a.bucket - b.bucket : a.streamId < b.streamId ? -1 : 1));
}

/** The per-buyer counts the records keep, ordered by stream and buyer (as IndexedDB orders strings). */
export function unbucketBuyers(records: readonly KeptBuyers[]): StreamBuyer[] {
  return records
    .flatMap(({ streamId, counting }) => [...counting].map(([authorKey, count]) => ({ streamId, authorKey, counting: count })))
    .sort((a, b) => (a.streamId === b.streamId ? (a.authorKey < b.authorKey ? -1 : 1) : a.streamId < b.streamId ? -1 : 1));
}

const streamRange = (db: ChotDatabase, streamId: string) =>
  db.keptBuyers.where('[streamId+bucket]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]);

/** A stream's kept buyer counts, one line per buyer. */
export async function readKeptBuyers(db: ChotDatabase, streamId: string): Promise<StreamBuyer[]> {
  return unbucketBuyers(await streamRange(db, streamId).toArray());
}

/** Forgets a stream's kept figures (its tally and buyer counts), with the stream. In a transaction over db.figureTables. */
export async function forgetKeptFigures(db: ChotDatabase, streamId: string): Promise<void> {
  await db.tallies.delete(streamId);
  await streamRange(db, streamId).delete();
}

/** Puts a stream's kept buyer counts right: those given, and no others. In a transaction over db.figureTables. */
export async function replaceKeptBuyers(db: ChotDatabase, streamId: string, buyers: readonly StreamBuyer[]): Promise<void> {
  await streamRange(db, streamId).delete();
  await db.keptBuyers.bulkPut(bucketBuyers(buyers.filter((buyer) => buyer.streamId === streamId)));
}
