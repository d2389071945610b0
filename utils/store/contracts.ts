import type { ChotDatabase } from './db';
import type { ContractRecord } from './records';
import { contractSchema } from './records';

export type ContractResult = { ok: true; id?: string } | { ok: false; error: string; issues?: { path: string; message: string }[] };

const newId = (now: number) => `contract:${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Adds a contract to a stream, or replaces one (`id`), checked field by field. */
export async function saveContract(db: ChotDatabase, streamId: string, input: unknown, id?: string, now = Date.now()): Promise<ContractResult> {
  const parsed = contractSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: 'invalid-contract', issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
  return db.transaction('rw', [db.streams, db.contracts, ...db.figureTables], async () => {
    if (!(await db.streams.get(streamId))) return { ok: false, error: 'not-found' } as const;
    const existing = id ? await db.contracts.get(id) : undefined;
    if (id && !existing) return { ok: false, error: 'not-found' } as const;
    const record: ContractRecord = {
      ...existing,
      ...parsed.data,
      id: existing?.id ?? newId(now),
      streamId: existing?.streamId ?? streamId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.contracts.put(record);
    return { ok: true, id: record.id } as const;
  });
}

/** Turns a large chat order into a contract draft; the order then counts through the contract, not twice. */
export async function promoteOrder(db: ChotDatabase, orderId: string, now = Date.now()): Promise<ContractResult> {
  return db.transaction('rw', [db.orders, db.contracts, db.products, ...db.figureTables], async () => {
    const order = await db.orders.get(orderId);
    if (!order || order.totalKg === null) return { ok: false, error: 'not-found' } as const;
    if (order.contractId) return { ok: false, error: 'already-a-contract' } as const;
    if (order.status === 'cancelled' || order.status === 'rejected' || order.status === 'withdrawn') return { ok: false, error: order.status } as const;
    const product = order.items[0]?.product ? await db.products.get(order.items[0].product) : undefined;
    const record: ContractRecord = {
      id: newId(now),
      streamId: order.streamId,
      fromOrderId: order.id,
      buyer: order.authorName,
      organisation: '',
      kg: order.totalKg,
      ...(product?.pricePerKg !== undefined ? { pricePerKg: product.pricePerKg } : {}),
      status: 'draft',
      note: order.text.slice(0, 2000),
      createdAt: now,
      updatedAt: now,
    };
    await db.contracts.add(record);
    await db.orders.update(order.id, { contractId: record.id, updatedAt: now });
    return { ok: true, id: record.id } as const;
  });
}

/** Removes a contract; an order it came from counts as an order again. */
export async function deleteContract(db: ChotDatabase, id: string): Promise<ContractResult> {
  return db.transaction('rw', [db.orders, db.contracts, ...db.figureTables], async () => {
    const contract = await db.contracts.get(id);
    if (!contract) return { ok: false, error: 'not-found' } as const;
    if (contract.fromOrderId) await db.orders.update(contract.fromOrderId, { contractId: undefined });
    await db.contracts.delete(id);
    return { ok: true } as const;
  });
}
