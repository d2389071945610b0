import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChotDatabase } from '../utils/store/db';
import type { OrderRecord } from '../utils/store/records';
import type { Broadcast } from '../utils/store/broadcasts';

/** The broadcast's orders in chat order; undefined while loading (useLiveQuery keeps the previous result until then). */
export function useBroadcastOrders(db: ChotDatabase, broadcast: Broadcast | undefined): OrderRecord[] | undefined {
  const streamIds = broadcast?.streams.map((stream) => stream.id).sort().join('\n') ?? '';
  const loaded = useLiveQuery(async () => {
    const perStream = await Promise.all(
      streamIds.split('\n').filter(Boolean).map((id) => db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()),
    );
    return { streamIds, orders: perStream.flat().sort((a, b) => a.observedAt - b.observedAt) };
  }, [db, streamIds]);
  return loaded && loaded.streamIds === streamIds ? loaded.orders : undefined;
}
