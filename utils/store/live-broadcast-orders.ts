import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import type { OrderRecord } from './records';
import { changedKeysOf, liveRead, type LiveRead, type Since } from './live-read';
import { readChangedOrders } from './broadcast-reads';

const inChatOrder = (a: OrderRecord, b: OrderRecord) => a.observedAt - b.observedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every order of a broadcast's streams in chat order, kept current by reading only the orders each change
 * names: a table of 50,000 orders open beside the chat reads the few a batch wrote, not all of them again
 * (a long read would also hold back the background's next write). A change Dexie names only as a range
 * (an import's bulk write, a clear) is followed by one whole read.
 */
export function liveBroadcastOrders(db: ChotDatabase, streamIds: readonly string[]): LiveRead<OrderRecord[]> {
  const wanted = new Set(streamIds);
  return {
    subscribe(observer) {
      // the last answer by id, kept beside it so that a change does not index 50,000 orders again
      let byId = new Map<string, OrderRecord>();
      let answered: readonly OrderRecord[] | undefined;
      const read = async (since?: Since<OrderRecord[]>) => {
        const named = since ? changedKeysOf(since.changes, db.name, db.orders.name) : 'all';
        if (!since || named === 'all') {
          const perStream = await Promise.all(
            [...wanted].map((id) => db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()),
          );
          byId = new Map(perStream.flat().map((order) => [order.id, order]));
        } else {
          if (since.last !== answered) byId = new Map(since.last.map((order) => [order.id, order]));
          await readChangedOrders(db, byId, named as string[], (order) => wanted.has(order.streamId));
        }
        const list = [...byId.values()].sort(inChatOrder);
        answered = list;
        return list;
      };
      return liveRead(db, [db.orders], read).subscribe(observer);
    },
  };
}
