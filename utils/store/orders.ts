import { z } from 'zod';
import type { ChotDatabase } from './db';
import type { ActionRecord, OrderChange, OrderRecord, OrderStatus } from './records';
import { massUnitByName } from '../parser/units';
import { toNationalPhone } from '../parser/phone';
import { MAX_LINE_QUANTITY } from '../parser/review';
import { assistantStamp } from './assistant-name';

/** Statuses an assistant can set; cancelled comes only from the buyer's own cancel comment. */
export const DECISIONS = ['pending', 'confirmed', 'rejected'] as const satisfies readonly OrderStatus[];
export type Decision = (typeof DECISIONS)[number];

// The parser flags a line above the same limit; one constant for both.
export { MAX_LINE_QUANTITY };

/** An assistant's correction of one line of an order, and of the phone. */
export const orderEditSchema = z.object({
  item: z.number().int().min(0).max(50),
  quantity: z.number().positive().max(MAX_LINE_QUANTITY).optional(),
  /** A mass unit (kg, yến, tạ, tấn…) or the line's own package word. */
  unit: z.string().trim().min(1).max(40).optional(),
  /** A phone in any usual spelling, or "" to remove it. */
  phone: z.string().max(40).optional(),
});

export type OrderEdit = z.infer<typeof orderEditSchema>;

export type OrderError = 'not-found' | 'cancelled' | 'no-such-item' | 'unknown-unit' | 'invalid-phone' | 'nothing-to-undo';
export type OrderResult = { ok: true } | { ok: false; error: OrderError };

const round = (value: number) => Math.round(value * 1000) / 1000;
const changeOf = (order: OrderRecord): Required<OrderChange> => ({ status: order.status, items: order.items, totalKg: order.totalKg, phone: order.phone });

/** Applies a change and records it, in one transaction, so two panels acting at once cannot interleave. */
async function change(
  db: ChotDatabase,
  orderId: string,
  kind: ActionRecord['kind'],
  now: number,
  compute: (order: OrderRecord) => OrderChange | OrderError,
): Promise<OrderResult> {
  return db.transaction('rw', [db.orders, db.actions, ...db.figureTables], async () => {
    const order = await db.orders.get(orderId);
    if (!order) return { ok: false, error: 'not-found' } as const;
    if (order.status === 'cancelled') return { ok: false, error: 'cancelled' } as const;
    const after = compute(order);
    if (typeof after === 'string') return { ok: false, error: after } as const;
    const before = Object.fromEntries(Object.keys(after).map((key) => [key, changeOf(order)[key as keyof OrderChange]])) as OrderChange;
    await db.orders.update(orderId, { ...after, updatedAt: now });
    await db.actions.add({ at: now, orderId, kind, source: 'assistant', before, after, ...assistantStamp() });
    return { ok: true } as const;
  });
}

/** Confirms, rejects or reopens an order. */
export function decideOrder(db: ChotDatabase, orderId: string, status: Decision, now = Date.now()): Promise<OrderResult> {
  return change(db, orderId, 'decide', now, () => ({ status }));
}

/** Corrects a line's quantity or unit (its weight follows) and the phone. */
export function editOrder(db: ChotDatabase, orderId: string, edit: OrderEdit, now = Date.now()): Promise<OrderResult> {
  return change(db, orderId, 'edit', now, (order) => {
    const line = order.items[edit.item];
    if (!line) return 'no-such-item';
    const result: OrderChange = {};
    if (edit.quantity !== undefined || edit.unit !== undefined) {
      const quantity = edit.quantity ?? line.quantity;
      const unit = edit.unit ?? line.unit;
      const mass = unit ? massUnitByName(unit) : undefined;
      if (unit && !mass && unit !== line.unit) return 'unknown-unit';
      // A package keeps its weight per package; a mass unit is its own weight.
      const perUnit = mass ? mass.kg : line.kg !== null && line.quantity > 0 ? line.kg / line.quantity : null;
      const items = order.items.map((item, index) =>
        index === edit.item ? { ...item, quantity, unit: mass?.name ?? unit, kg: perUnit === null ? null : round(quantity * perUnit) } : item,
      );
      const weights = items.map((item) => item.kg);
      result.items = items;
      result.totalKg = weights.every((kg) => kg !== null) ? round(weights.reduce<number>((sum, kg) => sum + (kg ?? 0), 0)) : null;
    }
    if (edit.phone !== undefined) {
      const phone = edit.phone.trim() === '' ? null : toNationalPhone(edit.phone.replace(/[\s.-]/g, '').replace(/^o/i, '0'));
      if (phone === undefined) return 'invalid-phone';
      result.phone = phone;
    }
    return result;
  });
}

const UNDO_PAGE = 20;

export type UndoResult = (OrderResult & { orderId?: string }) & { skipped?: number };

/**
 * Undoes the assistant's latest action that can still be undone (a buyer's cancel or change, a moderator's
 * deletion are the chat's to make), and records the undo; a withdrawn order is put back by deciding it again. Later actions on orders the buyer has since cancelled, or that are gone, can
 * no longer be undone: they are passed over (and counted in `skipped`), never blocking the earlier ones.
 */
export async function undoLastAction(db: ChotDatabase, now = Date.now()): Promise<UndoResult> {
  return db.transaction('rw', [db.orders, db.actions, ...db.figureTables], async () => {
    let skipped = 0;
    // newest first, a few at a time: the action log of a long stream is long
    for (let offset = 0; ; offset += UNDO_PAGE) {
      const page = await db.actions
        .orderBy('seq')
        .reverse()
        .filter((action) => action.kind !== 'undo' && !action.undone && !action.remote && (action.source ?? 'assistant') === 'assistant')
        .offset(offset)
        .limit(UNDO_PAGE)
        .toArray();
      if (page.length === 0) return { ok: false, error: 'nothing-to-undo', ...(skipped > 0 ? { skipped } : {}) } as const;
      for (const last of page) {
        const order = await db.orders.get(last.orderId);
        if (!order || order.status === 'cancelled' || order.status === 'withdrawn' || last.seq === undefined) {
          skipped += 1; // the buyer's cancel and the moderator's deletion stand; an order deleted with its stream is gone
          continue;
        }
        await db.orders.update(order.id, { ...last.before, updatedAt: now });
        await db.actions.update(last.seq, { undone: true });
        await db.actions.add({
          at: now,
          orderId: order.id,
          kind: 'undo',
          source: 'assistant',
          before: last.after,
          after: last.before,
          undoes: last.seq,
          ...assistantStamp(),
        });
        return { ok: true, orderId: order.id, ...(skipped > 0 ? { skipped } : {}) } as const;
      }
    }
  });
}

/** Confirms or rejects many orders at once (the dashboard's bulk action), each recorded; cancelled ones are left. */
export async function decideOrders(db: ChotDatabase, orderIds: readonly string[], status: Decision, now = Date.now()): Promise<{ ok: true; changed: number }> {
  return db.transaction('rw', [db.orders, db.actions, ...db.figureTables], async () => {
    const orders = (await db.orders.bulkGet([...orderIds])).filter(
      (order): order is OrderRecord => order !== undefined && order.status !== 'cancelled' && order.status !== status,
    );
    await db.orders.bulkUpdate(orders.map((order) => ({ key: order.id, changes: { status, updatedAt: now } })));
    await db.actions.bulkAdd(
      orders.map((order) => ({
        at: now,
        orderId: order.id,
        kind: 'decide' as const,
        source: 'assistant' as const,
        before: { status: order.status },
        after: { status },
        ...assistantStamp(),
      })),
    );
    return { ok: true, changed: orders.length } as const;
  });
}
