import { Dexie } from 'dexie';
import type { ChotDatabase } from '../utils/store/db';
import type { OrderRecord } from '../utils/store/records';
import type { Broadcast } from '../utils/store/broadcasts';
import { useStreamsQuery } from './use-streams-query';

/** Every order of the broadcast in chat order (the orders table shows them all); undefined while loading. */
export function useBroadcastOrders(db: ChotDatabase, broadcast: Broadcast | undefined): OrderRecord[] | undefined {
  const streamIds = broadcast?.streams.map((stream) => stream.id).sort() ?? [];
  return useStreamsQuery(db, [db.orders], streamIds, async (ids) => {
    const perStream = await Promise.all(ids.map((id) => db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()));
    return perStream.flat().sort((a, b) => a.observedAt - b.observedAt);
  });
}
