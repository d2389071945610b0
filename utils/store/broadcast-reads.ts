import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import type { OrderRecord, OrderStatus } from './records';
import type { Product } from '../parser/catalog';
import { tallyOf, type Tally } from './tally';
import type { StreamTally } from './stream-tally';
import { changedKeysOf, type Since } from './live-read';

// What views read of a broadcast, through indexes and kept figures: nothing here walks all its orders.

/** The broadcast's tally from its streams' kept figures. */
export async function readBroadcastTally(
  db: ChotDatabase,
  streamIds: readonly string[],
  products?: readonly Product[],
  /** The streams' kept figures, when the caller read them already. */
  tallies?: readonly (StreamTally | undefined)[],
): Promise<Tally> {
  const kept = (tallies ?? (await db.tallies.bulkGet([...streamIds]))).filter((tally) => tally !== undefined);
  return tallyOf(kept, products ?? (await db.products.toArray()));
}

const byNewest = (a: OrderRecord, b: OrderRecord) => b.observedAt - a.observedAt || (a.id < b.id ? 1 : -1);

/** The newest `limit` orders of the streams (newest first), optionally only those `keep` accepts. */
export async function readNewestOrders(
  db: ChotDatabase,
  streamIds: readonly string[],
  limit: number,
  keep?: (order: OrderRecord) => boolean,
): Promise<OrderRecord[]> {
  const perStream = await Promise.all(
    streamIds.map((id) => {
      const newest = db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse();
      return (keep ? newest.filter(keep) : newest).limit(limit).toArray();
    }),
  );
  return perStream.flat().sort(byNewest).slice(0, limit);
}

/**
 * Reads the orders named by `ids` into `byId` (a list kept by id): those `belongs` accepts are put, the
 * others taken out. Whether any order left the list.
 */
export async function readChangedOrders(
  db: ChotDatabase,
  byId: Map<string, OrderRecord>,
  ids: readonly string[],
  belongs: (order: OrderRecord) => boolean,
): Promise<boolean> {
  const unique = [...new Set(ids)];
  const orders = await db.orders.bulkGet(unique);
  let left = false;
  unique.forEach((id, i) => {
    const order = orders[i];
    if (order && belongs(order)) byId.set(id, order);
    else if (byId.delete(id)) left = true;
  });
  return left;
}

/**
 * readNewestOrders kept current from its last answer: only the orders the changes since then name are read
 * (a chat batch's few, not the whole list again), and merged in by the same order. A change named only as a
 * range, or an order gone from a full list (older orders may fill its place), is read whole again.
 */
export async function readNewestOrdersSince(
  db: ChotDatabase,
  streamIds: readonly string[],
  limit: number,
  since: Since<readonly OrderRecord[]> | undefined,
  keep?: (order: OrderRecord) => boolean,
): Promise<OrderRecord[]> {
  const named = since ? changedKeysOf(since.changes, db.name, db.orders.name) : 'all';
  if (!since || named === 'all') return readNewestOrders(db, streamIds, limit, keep);
  if (named.length === 0) return [...since.last];
  const wanted = new Set(streamIds);
  const byId = new Map(since.last.map((order) => [order.id, order]));
  const left = await readChangedOrders(db, byId, named as string[], (order) => wanted.has(order.streamId) && (!keep || keep(order)));
  if (left && since.last.length >= limit) return readNewestOrders(db, streamIds, limit, keep);
  return [...byId.values()].sort(byNewest).slice(0, limit);
}

/**
 * Orders of one status in chat order, from `from` (a chat time) on, or before it with `direction: 'back'`
 * (nearest first): the review queue's window onto its waiting orders.
 */
export async function readOrdersByStatus(
  db: ChotDatabase,
  streamIds: readonly string[],
  status: OrderStatus,
  from: number,
  limit: number,
  direction: 'on' | 'back' = 'on',
): Promise<OrderRecord[]> {
  const perStream = await Promise.all(
    streamIds.map((id) => {
      const range =
        direction === 'on'
          ? db.orders.where('[streamId+status+observedAt]').between([id, status, from], [id, status, Dexie.maxKey], true, true)
          : db.orders.where('[streamId+status+observedAt]').between([id, status, Dexie.minKey], [id, status, from], true, false).reverse();
      // an order made a contract is counted there and decided there, not in the queue
      return range
        .filter((order) => !order.contractId)
        .limit(limit)
        .toArray();
    }),
  );
  const merged = perStream.flat().sort((a, b) => (direction === 'on' ? a.observedAt - b.observedAt : b.observedAt - a.observedAt));
  return merged.slice(0, limit);
}

/** How many orders of one status come before a chat time: a position in the queue, counted on the index. */
export async function countOrdersBefore(db: ChotDatabase, streamIds: readonly string[], status: OrderStatus, before: number): Promise<number> {
  const counts = await Promise.all(
    streamIds.map((id) =>
      db.orders
        .where('[streamId+status+observedAt]')
        .between([id, status, Dexie.minKey], [id, status, before], true, false)
        .filter((order) => !order.contractId)
        .count(),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
