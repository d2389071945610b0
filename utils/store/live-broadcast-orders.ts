import { Dexie, type ObservabilitySet } from 'dexie';
import type { ChotDatabase } from './db';
import type { OrderRecord } from './records';
import { changedKeys, type LiveRead } from './live-read';

const inChatOrder = (a: OrderRecord, b: OrderRecord) => a.observedAt - b.observedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every order of a broadcast's streams in chat order, kept current by reading only the orders each change
 * names: a table of 50,000 orders open beside the chat reads the few a batch wrote, not all of them again
 * (a long read would also hold back the background's next write). A change Dexie names only as a range
 * (an import's bulk write, a clear) is followed by one whole read.
 */
export function liveBroadcastOrders(db: ChotDatabase, streamIds: readonly string[]): LiveRead<OrderRecord[]> {
  return {
    subscribe(observer) {
      const wanted = new Set(streamIds);
      const byId = new Map<string, OrderRecord>();
      let closed = false;
      let running = false;
      let pending: Set<string> | 'all' | null = 'all';
      const readAll = async () => {
        const perStream = await db.transaction('r', db.orders, () =>
          Promise.all([...wanted].map((id) => db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())),
        );
        byId.clear();
        for (const order of perStream.flat()) byId.set(order.id, order);
      };
      const readSome = async (ids: string[]) => {
        const orders = await db.orders.bulkGet(ids);
        ids.forEach((id, i) => {
          const order = orders[i];
          if (order && wanted.has(order.streamId)) byId.set(id, order);
          else byId.delete(id);
        });
      };
      const run = async () => {
        running = true;
        while (pending !== null && !closed) {
          const now = pending;
          pending = null;
          try {
            if (now === 'all') await readAll();
            else await readSome([...now]);
            if (pending === null && !closed) observer.next([...byId.values()].sort(inChatOrder));
          } catch (error) {
            if (!closed) observer.error?.(error);
          }
        }
        running = false;
      };
      const onChange = (parts: ObservabilitySet) => {
        if (closed) return;
        const keys = changedKeys(parts, db.name, db.orders.name);
        if (keys === 'none') return;
        if (keys === 'all' || pending === 'all') pending = 'all';
        else pending = new Set([...(pending ?? []), ...(keys as string[])]);
        if (!running) void run();
      };
      Dexie.on.storagemutated.subscribe(onChange);
      void run();
      return {
        unsubscribe() {
          closed = true;
          Dexie.on.storagemutated.unsubscribe(onChange);
        },
      };
    },
  };
}
