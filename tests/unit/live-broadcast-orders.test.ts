import { afterEach, describe, expect, it } from 'vitest';
import { RangeSet } from 'dexie';
import type { DBCore } from 'dexie';
import type { ChotDatabase } from '../../utils/store/db';
import type { OrderRecord } from '../../utils/store/records';
import { changedKeys, type LiveReadSubscription } from '../../utils/store/live-read';
import { liveBroadcastOrders } from '../../utils/store/live-broadcast-orders';
import { eventually } from './eventually';
import { freshDatabase, T0 } from './test-db';

const order = (n: number, streamId = 'youtube:a', status: OrderRecord['status'] = 'pending'): OrderRecord => ({
  id: `${streamId}-${n}`,
  streamId,
  messageId: `youtube:m${n}`,
  platform: 'youtube',
  authorName: `Buyer ${n}`,
  authorKey: `k${n}`,
  text: 'chốt 2kg',
  phone: null,
  confidence: 1,
  reasons: [],
  status,
  observedAt: T0 + n,
  updatedAt: T0 + n,
  totalKg: 2,
  items: [{ product: null, quantity: 2, unit: 'kg', kg: 2 }],
});

/** A database that counts the reads of the orders in chat order (how a whole broadcast is read). */
async function countingDatabase() {
  const db = freshDatabase();
  const counts = { queries: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-order-queries',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        // the whole-broadcast read goes through the chat-order index; key look-ups do not
        return name === 'orders'
          ? {
              ...table,
              query: (request) => {
                if (request.query.index.name === '[streamId+observedAt]') counts.queries += 1;
                return table.query(request);
              },
            }
          : table;
      },
    }),
  });
  await db.open();
  return { db, counts };
}

const write = (db: ChotDatabase, work: () => Promise<unknown>) => db.transaction('rw', [db.orders, ...db.figureTables], work);

let subscriptions: LiveReadSubscription[] = [];
afterEach(() => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  subscriptions = [];
});

describe('liveBroadcastOrders', () => {
  it('reads the broadcast once, then only the orders each change names', async () => {
    const { db, counts } = await countingDatabase();
    await write(db, () => db.orders.bulkAdd([order(3), order(1), order(2, 'youtube:b'), order(9, 'tiktok:other')]));
    const answers: OrderRecord[][] = [];
    subscriptions.push(liveBroadcastOrders(db, ['youtube:a', 'youtube:b']).subscribe({ next: (orders) => answers.push(orders) }));
    await eventually(() => expect(answers.at(-1)?.map((each) => each.id)).toEqual(['youtube:a-1', 'youtube:b-2', 'youtube:a-3']));
    const wholeReads = counts.queries;

    await write(db, () => db.orders.update('youtube:a-1', { status: 'confirmed' }));
    await eventually(() => expect(answers.at(-1)?.[0]?.status).toBe('confirmed'));
    await write(db, () => db.orders.add(order(4)));
    await write(db, () => db.orders.add(order(5, 'tiktok:other'))); // another broadcast's: not listed
    await write(db, () => db.orders.delete('youtube:b-2'));
    await eventually(() => expect(answers.at(-1)?.map((each) => each.id)).toEqual(['youtube:a-1', 'youtube:a-3', 'youtube:a-4']));
    expect(counts.queries).toBe(wholeReads); // no range read of the orders after the first
  });

  it('reads everything again after a change named only as a range (a bulk write of 50 or more)', async () => {
    const { db, counts } = await countingDatabase();
    const answers: OrderRecord[][] = [];
    subscriptions.push(liveBroadcastOrders(db, ['youtube:a']).subscribe({ next: (orders) => answers.push(orders) }));
    await eventually(() => expect(answers).toEqual([[]]));
    const before = counts.queries;
    await write(db, () => db.orders.bulkAdd(Array.from({ length: 60 }, (_, i) => order(i))));
    await eventually(() => expect(answers.at(-1)).toHaveLength(60));
    expect(counts.queries).toBeGreaterThan(before);
  });
});

describe('changedKeys', () => {
  it('lists single keys, and says "all" for a range', () => {
    const part = 'idb://chot/orders/';
    expect(changedKeys({ [part]: new RangeSet().addKeys(['b', 'a', 'c']) }, 'chot', 'orders')).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect(changedKeys({ [part]: new RangeSet('a', 'z') }, 'chot', 'orders')).toBe('all');
    expect(changedKeys({ 'idb://chot/customers/': new RangeSet().addKeys(['x']) }, 'chot', 'orders')).toBe('none');
    // as it arrives from another page: a plain object, not a RangeSet
    expect(changedKeys(JSON.parse(JSON.stringify({ [part]: new RangeSet().addKeys(['k']) })), 'chot', 'orders')).toEqual(['k']);
  });
});
