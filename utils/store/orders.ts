import type { ChotDatabase } from './db';
import type { OrderStatus } from './records';

/** Statuses an assistant can set; cancelled comes only from the buyer's own cancel comment. */
export const DECISIONS = ['pending', 'confirmed', 'rejected'] as const satisfies readonly OrderStatus[];
export type Decision = (typeof DECISIONS)[number];

export type DecisionResult = { ok: true } | { ok: false; error: 'not-found' | 'cancelled' };

/** Confirms, rejects or reopens an order inside a transaction, so two panels cannot interleave. */
export async function decideOrder(db: ChotDatabase, orderId: string, status: Decision, now = Date.now()): Promise<DecisionResult> {
  return db.transaction('rw', db.orders, async () => {
    const order = await db.orders.get(orderId);
    if (!order) return { ok: false, error: 'not-found' } as const;
    if (order.status === 'cancelled') return { ok: false, error: 'cancelled' } as const;
    await db.orders.update(orderId, { status, updatedAt: now });
    return { ok: true } as const;
  });
}
