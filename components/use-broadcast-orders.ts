import { useEffect, useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { OrderRecord } from '../utils/store/records';
import type { Broadcast } from '../utils/store/broadcasts';
import { liveBroadcastOrders } from '../utils/store/live-broadcast-orders';

/** Every order of the broadcast in chat order (the orders table shows them all); undefined while loading. */
export function useBroadcastOrders(db: ChotDatabase, broadcast: Broadcast | undefined): OrderRecord[] | undefined {
  const key =
    broadcast?.streams
      .map((stream) => stream.id)
      .sort()
      .join('\n') ?? '';
  const [answer, setAnswer] = useState<{ key: string; orders: OrderRecord[] }>();
  const [failure, setFailure] = useState<{ error: unknown }>();
  useEffect(() => {
    const subscription = liveBroadcastOrders(db, key.split('\n').filter(Boolean)).subscribe({
      next: (orders) => setAnswer({ key, orders }),
      error: (error) => setFailure({ error }),
    });
    return () => subscription.unsubscribe();
  }, [db, key]);
  if (failure) throw failure.error;
  // another broadcast's orders, shown for a moment, would mislead: nothing until these are read
  return answer?.key === key ? answer.orders : undefined;
}
