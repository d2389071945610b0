import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { recountStreams } from '../../utils/store/stream-tally';
import { LAST_SEEN_STEP_MS } from '../../utils/store/customers';
import { KEPT_BUYER_BUCKETS, bucketBuyers, unbucketBuyers } from '../../utils/store/kept-buyers';
import { freshDatabase, chatRow, T0 } from './test-db';
import { IngestCache } from '../../utils/store/ingest-cache';
import { countChatMessages } from '../../utils/store/chat-log';
import { decideOrder, decideOrders } from '../../utils/store/orders';
import { applyRemote } from '../../utils/team/team-apply';
import type { OrderRecord } from '../../utils/store/records';

// The ingest reads and writes a batch table by table, not buyer by buyer: what it sends to the database per
// batch is counted here below the table API (IndexedDB requests), and what it stores must not change for it.

const stream = { platform: 'youtube' as const, key: 'abcdef1' };
const noCatalog = indexCatalog(EMPTY_CATALOG);
type Count = { queries: number; gets: number; writes: number };
let db = freshDatabase();
/** Requests per table since the last clear(): queries (range reads and counts) and records written. */
let counts = new Map<string, Count>();
beforeEach(() => {
  db = freshDatabase();
  counts = countRequests(db);
});
afterEach(() => db.close());

function countRequests(target: typeof db): Map<string, Count> {
  const counts = new Map<string, Count>();
  const of = (name: string) => counts.get(name) ?? (counts.set(name, { queries: 0, gets: 0, writes: 0 }), counts.get(name)!);
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-request-counter',
    level: -1,
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          query: (req) => ((of(name).queries += 1), table.query(req)),
          count: (req) => ((of(name).queries += 1), table.count(req)),
          getMany: (req) => ((of(name).gets += req.keys.length), table.getMany(req)),
          mutate: (req) => ((of(name).writes += req.type === 'add' || req.type === 'put' ? req.values.length : 0), table.mutate(req)),
        };
      },
    }),
  };
  target.use(counter);
  return counts;
}

const buyers = (n: number, text: (i: number) => string, at: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => chatRow(`${prefix}${i}`, text(i), { authorName: `Người mua ${i}`, observedAt: at + i }));

describe('a batch read and written table by table', () => {
  it('reads the orders of a batch of new buyers in one range, not one query per buyer', async () => {
    await ingestChat(
      db,
      stream,
      buyers(30, (i) => `chốt ${i + 1}kg`, T0, 'a'),
      noCatalog,
    );
    // a count and one range for the repeat check (one per buyer before)
    expect(counts.get('orders')?.queries).toBeLessThanOrEqual(2);
    expect(await db.orders.count()).toBe(30);
  });

  it('writes a buyer again only when the comment says something new about them', async () => {
    await ingestChat(
      db,
      stream,
      buyers(20, (i) => `chốt ${i + 1}kg`, T0, 'a'),
      noCatalog,
    );
    counts.clear();
    // seen again seconds later, nothing new: no write; a new phone is written at once
    await ingestChat(
      db,
      stream,
      [...buyers(19, () => 'cho em hỏi giá', T0 + 5_000, 'b'), chatRow('c1', 'sđt 0912345678', { authorName: 'Người mua 19', observedAt: T0 + 6_000 })],
      noCatalog,
    );
    expect(counts.get('customers')?.writes).toBe(1);
    expect((await db.customers.get('youtube:name:Người mua 3'))?.lastSeenAt).toBe(T0 + 3);
    expect((await db.customers.get('youtube:name:Người mua 19'))?.phones).toEqual(['0912345678']);
    // seen again after the step: lastSeenAt moves
    await ingestChat(db, stream, [chatRow('d1', 'chốt 1kg', { authorName: 'Người mua 3', observedAt: T0 + LAST_SEEN_STEP_MS + 10 })], noCatalog);
    expect((await db.customers.get('youtube:name:Người mua 3'))?.lastSeenAt).toBe(T0 + LAST_SEEN_STEP_MS + 10);
  });

  it("keeps a batch's buyer counts in a few records, and puts its changed orders without reading them again", async () => {
    await ingestChat(
      db,
      stream,
      buyers(60, (i) => `chốt ${i + 1}kg`, T0, 'a'),
      noCatalog,
    );
    counts.clear();
    // half of them cancel, sixty new buyers order
    await ingestChat(
      db,
      stream,
      [
        ...buyers(30, () => 'thôi em không lấy nữa', T0 + 5_000, 'b'),
        ...buyers(60, (i) => `chốt ${i + 1}kg`, T0 + 6_000, 'c').map((row, i) => ({ ...row, authorName: `Khách ${i}` })),
      ],
      noCatalog,
    );
    expect(counts.get('orders')?.writes).toBe(90);
    // 90 buyers' counts moved (one record each before), in at most one record per bucket for the new orders
    // and one for the changed ones
    expect(counts.get('keptBuyers')?.writes).toBeLessThanOrEqual(2 * KEPT_BUYER_BUCKETS);
    // the cancelled orders were read for the batch: the kept figures do not read them again
    expect(counts.get('orders')?.gets ?? 0).toBe(0);
    const recount = recountStreams(await db.orders.toArray());
    expect(unbucketBuyers(await db.keptBuyers.toArray())).toEqual(unbucketBuyers(bucketBuyers(recount.buyers)));
    expect(await db.tallies.toArray()).toEqual(recount.tallies);
  });

  it('spots a repeat and applies cancels whichever way the orders are read, with figures equal to a recount', async () => {
    // many recent orders of others: the repeat check reads buyer by buyer, the kept buyers one by one
    await ingestChat(db, stream, [...buyers(40, (i) => `chốt ${i + 1}kg`, T0, 'a'), chatRow('m1', 'chốt 2 thùng', { observedAt: T0 + 100 })], noCatalog);
    await ingestChat(
      db,
      stream,
      [
        chatRow('m2', 'Chốt 2 thùng!', { observedAt: T0 + 60_000 }),
        chatRow('m3', 'thôi không lấy nữa', { authorName: 'Người mua 5', observedAt: T0 + 60_001 }),
        chatRow('m4', 'chốt 6kg', { authorName: 'Người mua 5', observedAt: T0 + 60_002 }),
      ],
      noCatalog,
    );
    // few recent orders: one range read
    await ingestChat(
      db,
      stream,
      [chatRow('m5', 'chốt 2 thùng', { observedAt: T0 + 600_000 }), chatRow('m6', 'chốt 2 thùng', { observedAt: T0 + 600_001 })],
      noCatalog,
    );
    const orders = await db.orders.toArray();
    const byId = new Map(orders.map((order) => [order.id, order]));
    expect(byId.get('youtube:m2')?.possibleRepeatOf).toBe('youtube:m1');
    expect(byId.get('youtube:a5')?.status).toBe('cancelled');
    // the same words again after the first was cancelled: no repeat
    expect([byId.get('youtube:m4')?.status, byId.get('youtube:m4')?.possibleRepeatOf]).toEqual(['pending', undefined]);
    // m5 is beyond the window of m1 and m2; m6 repeats m5
    expect([byId.get('youtube:m5')?.possibleRepeatOf, byId.get('youtube:m6')?.possibleRepeatOf]).toEqual([undefined, 'youtube:m5']);
    const recount = recountStreams(orders);
    expect(await db.tallies.toArray()).toEqual(recount.tallies);
    const key = (b: { authorKey: string; counting: number }) => `${b.authorKey}|${b.counting}`;
    expect(
      unbucketBuyers(await db.keptBuyers.toArray())
        .map(key)
        .sort(),
    ).toEqual(recount.buyers.map(key).sort());
  });
});

describe("a batch's chat log", () => {
  it("is written as one record, and with the background's memory the duplicate check reads no page", async () => {
    const cache = new IngestCache(db);
    const chatter = (n: number, prefix: string, at: number) => buyers(n, (i) => (i % 3 === 0 ? `chốt ${i + 1}kg` : 'ngon quá'), at, prefix);
    const first = await ingestChat(db, stream, chatter(300, 'a', T0), noCatalog, { cache });
    expect(first).toMatchObject({ stored: 300, duplicates: 0 });
    expect(counts.get('chatLog')?.writes).toBe(1);
    counts.clear();
    // a rescan sends the last 50 rows again with 100 new ones: only the new ones are stored, in one record
    const again = await ingestChat(db, stream, [...chatter(300, 'a', T0).slice(250), ...chatter(100, 'b', T0 + 1_000)], noCatalog, { cache });
    expect(again).toMatchObject({ stored: 100, duplicates: 50 });
    expect(counts.get('chatLog')).toEqual({ queries: 0, gets: 0, writes: 1 });
    expect(await countChatMessages(db)).toBe(400);
  });
});

describe("another writer's changes and the background's memory", () => {
  const ordering = (n: number, prefix: string, at: number) => buyers(n, (i) => `chốt ${i + 1}kg`, at, prefix);
  const warm = async (cache: IngestCache) => {
    await ingestChat(db, stream, ordering(30, 'a', T0), noCatalog, { cache, now: T0 });
    await ingestChat(db, stream, ordering(30, 'b', T0 + 1_000), noCatalog, { cache, now: T0 + 1_000 });
  };

  it('after a decision, the next batch reads the decided order alone, not the stream again', async () => {
    const cache = new IngestCache(db);
    await warm(cache);
    expect(await decideOrder(db, 'youtube:b3', 'confirmed', T0 + 1_500)).toMatchObject({ ok: true });
    counts.clear();
    // the buyer whose order was confirmed orders the same again: a repeat of it
    await ingestChat(
      db,
      stream,
      [chatRow('c0', 'chốt 4kg', { authorName: 'Người mua 3', observedAt: T0 + 2_000 }), ...ordering(20, 'd', T0 + 2_001)],
      noCatalog,
      {
        cache,
        now: T0 + 2_000,
      },
    );
    expect(counts.get('orders')?.queries ?? 0).toBe(0);
    expect(counts.get('orders')?.gets ?? 0).toBe(1);
    expect(counts.get('chatLog')).toMatchObject({ queries: 0, gets: 0 });
    expect((await db.orders.get('youtube:c0'))?.possibleRepeatOf).toBe('youtube:b3');
  });

  it('reads nothing again for a decision committed while the batch waited to start', async () => {
    const cache = new IngestCache(db);
    await warm(cache);
    counts.clear();
    // the decision's transaction opens first; the batch's opens behind it and joins the memory before that
    // commit (the dashboard's decision: it reads and writes by key, so every query counted is the batch's)
    const [decided] = await Promise.all([
      decideOrders(db, ['youtube:b5'], 'rejected', T0 + 1_500),
      ingestChat(db, stream, ordering(20, 'c', T0 + 2_000), noCatalog, { cache, now: T0 + 2_000 }),
    ]);
    expect(decided).toMatchObject({ ok: true, changed: 1 });
    expect(counts.get('orders')?.queries ?? 0).toBe(0);
    expect(counts.get('chatLog')).toMatchObject({ queries: 0, gets: 0 });
    counts.clear();
    // and the batch after it takes the memory as the decision left it
    await ingestChat(db, stream, [chatRow('e0', 'thôi em không lấy nữa', { authorName: 'Người mua 5', observedAt: T0 + 3_000 })], noCatalog, {
      cache,
      now: T0 + 3_000,
    });
    expect(counts.get('orders')?.queries ?? 0).toBeLessThanOrEqual(1);
    expect(await db.orders.get('youtube:b5')).toMatchObject({ status: 'rejected' });
    expect(await db.orders.get('youtube:c5')).toMatchObject({ status: 'cancelled' });
  });

  it("reads another desk's order and its chat page by key, and the buyer's next comment finds it", async () => {
    const cache = new IngestCache(db);
    await warm(cache);
    const [sample] = (await db.orders.bulkGet(['youtube:b7'])) as OrderRecord[];
    const theirs: OrderRecord = { ...sample!, id: 'youtube:r1', messageId: 'youtube:r1', observedAt: T0 + 1_800, updatedAt: T0 + 1_800, text: 'chốt 9kg' };
    await applyRemote(db, [{ table: 'orders', key: theirs.id, entry: { v: theirs, at: T0 + 1_800, desk: 'otherdesk1', by: 'Hoa' } }], 'thisdesk01');
    counts.clear();
    const result = await ingestChat(
      db,
      stream,
      [
        chatRow('r1', 'chốt 9kg', { authorName: 'Người mua 7', observedAt: T0 + 1_800 }),
        chatRow('f0', 'chốt 9kg', { authorName: 'Người mua 7', observedAt: T0 + 2_500 }),
      ],
      noCatalog,
      { cache, now: T0 + 2_500 },
    );
    expect(counts.get('orders')?.queries ?? 0).toBe(0);
    expect(counts.get('chatLog')?.queries ?? 0).toBe(0);
    // the other desk's order is the buyer's latest: the same words again repeat it, and its chat row is not stored twice
    // (the log's pages keep a message once whatever is appended, so the batch's own count is what tells)
    expect(result).toMatchObject({ stored: 1, duplicates: 1 });
    expect((await db.orders.get('youtube:f0'))?.possibleRepeatOf).toBe('youtube:r1');
    expect(await countChatMessages(db)).toBe(62);
  });
});
