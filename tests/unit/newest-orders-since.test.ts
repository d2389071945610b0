import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNewestOrders, readNewestOrdersSince } from '../../utils/store/broadcast-reads';
import { liveRead, type LiveReadSubscription } from '../../utils/store/live-read';
import { deleteStream } from '../../utils/store/broadcasts';
import { isCounting } from '../../utils/store/tally';
import type { ChotDatabase } from '../../utils/store/db';
import type { OrderRecord } from '../../utils/store/records';
import { eventually } from './eventually';
import { freshDatabase } from './test-db';
import { STREAMS, run, step } from './store-steps';

// The panel's newest orders and the ticker's badges are read once, then only the orders each change names:
// after anything the store's writers do, that list must equal a whole read.

const WATCHED = [STREAMS[0]!, STREAMS[1]!].map((stream) => `${stream.platform}:${stream.key}`);
const idsOf = (orders: readonly (OrderRecord | undefined)[]) => orders.map((order) => `${order!.id} ${order!.status} ${order!.totalKg}`);

let subscriptions: LiveReadSubscription[] = [];
afterEach(() => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  subscriptions = [];
});

/** The list kept current from its last answer, beside what a whole read gives. */
function watchNewest(db: ChotDatabase, limit: number, keep?: (order: OrderRecord) => boolean) {
  const answers: OrderRecord[][] = [];
  subscriptions.push(
    liveRead<OrderRecord[]>(db, [db.orders], (since) => readNewestOrdersSince(db, WATCHED, limit, since, keep)).subscribe({
      next: (orders) => answers.push(orders),
    }),
  );
  return {
    answers,
    settled: () => eventually(async () => expect(idsOf(answers.at(-1) ?? [])).toEqual(idsOf(await readNewestOrders(db, WATCHED, limit, keep)))),
  };
}

/** Counts the reads of orders by views (read-only transactions; the writers read too): range queries, records by key. */
function countReads(db: ChotDatabase) {
  const counts = { ranges: 0, byKey: 0 };
  const viewing = (trans: unknown) => (trans as IDBTransaction).mode === 'readonly';
  db.use({
    stack: 'dbcore',
    name: 'count-order-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'orders') return table;
        return {
          ...table,
          query: (request) => ((counts.ranges += viewing(request.trans) ? 1 : 0), table.query(request)),
          getMany: (request) => ((counts.byKey += viewing(request.trans) ? request.keys.length : 0), table.getMany(request)),
        };
      },
    }),
  });
  return counts;
}

describe('the newest orders, kept from the last answer', () => {
  it('equal a whole read after any sequence of chat, decisions, edits, undo, contracts and joins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const db = freshDatabase();
        try {
          // small lists, so that they fill, lose orders and must be read whole again
          const all = watchNewest(db, 3);
          const counting = watchNewest(db, 2, isCounting);
          for (const each of steps) {
            await run(db, [each]);
            await all.settled();
            await counting.settled();
          }
          await deleteStream(db, WATCHED[0]!);
          await all.settled();
          await counting.settled();
        } finally {
          for (const subscription of subscriptions) subscription.unsubscribe();
          subscriptions = [];
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('fills a full list again from older orders when one of it leaves (rejected, so no longer counting)', async () => {
    const db = freshDatabase();
    await run(
      db,
      [0, 1, 2].map((buyer) => ({ kind: 'chat' as const, stream: 0, buyer, comment: 0 })),
    );
    const counting = watchNewest(db, 2, isCounting);
    await counting.settled();
    const newest = counting.answers.at(-1)![0]!;
    await run(db, [{ kind: 'decide', pick: (await db.orders.toCollection().primaryKeys()).indexOf(newest.id), status: 'rejected' }]);
    await eventually(() => expect(counting.answers.at(-1)!.map((order) => order.id)).not.toContain(newest.id));
    expect(counting.answers.at(-1)).toHaveLength(2); // the oldest order moved up into the list
    await counting.settled();
    db.close();
  });

  it('reads only the orders a chat batch wrote, not the list again', async () => {
    const db = freshDatabase();
    const counts = countReads(db);
    await run(
      db,
      [0, 1, 2, 3].map((buyer) => ({ kind: 'chat' as const, stream: 0, buyer, comment: 0 })),
    );
    const newest = watchNewest(db, 100);
    await newest.settled();
    const before = { ...counts };
    await run(db, [{ kind: 'chat', stream: 1, buyer: 2, comment: 1 }]);
    await eventually(() => expect(newest.answers.at(-1)).toHaveLength(5));
    expect(counts.ranges).toBe(before.ranges); // no range read of the orders since
    expect(counts.byKey - before.byKey).toBe(1); // the one order the batch wrote, by its key
    db.close();
  });
});
