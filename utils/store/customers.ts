import type { ChotDatabase } from './db';
import type { CustomerRecord, MessageRecord } from './records';

export type CustomerResult = { ok: true } | { ok: false; error: 'not-found' | 'same-customer' | 'merged' };

export const customerIdOf = (message: Pick<MessageRecord, 'platform'>, authorKey: string) => `${message.platform}:${authorKey}`;

/** The record a customer has been merged into (following merges), or the customer itself. */
export async function rootCustomer(db: ChotDatabase, id: string): Promise<CustomerRecord | undefined> {
  let customer = await db.customers.get(id);
  for (let hops = 0; customer?.mergedInto && hops < 10; hops += 1) customer = await db.customers.get(customer.mergedInto);
  return customer;
}

/** Creates or refreshes the buyer of a comment: their latest name, when seen, and any phone they gave. */
export async function noteBuyer(db: ChotDatabase, message: MessageRecord, authorKey: string, phone: string | null, address: string | null = null): Promise<CustomerRecord> {
  const id = customerIdOf(message, authorKey);
  const current = await db.customers.get(id);
  const add = (list: string[], value: string | null) => (value && !list.includes(value) ? [...list, value].slice(-5) : list);
  const record: CustomerRecord = current
    ? { ...current, name: message.authorName, lastSeenAt: Math.max(current.lastSeenAt, message.observedAt), phones: add(current.phones, phone), addresses: add(current.addresses ?? [], address) }
    : { id, platform: message.platform, authorKey, name: message.authorName, phones: add([], phone), addresses: add([], address), notes: '', unpaid: false, firstSeenAt: message.observedAt, lastSeenAt: message.observedAt };
  await db.customers.put(record);
  return record;
}

export async function updateCustomer(db: ChotDatabase, id: string, changes: { notes?: string; unpaid?: boolean }): Promise<CustomerResult> {
  return db.transaction('rw', db.customers, async () => {
    if (!(await db.customers.get(id))) return { ok: false, error: 'not-found' } as const;
    await db.customers.update(id, changes);
    return { ok: true } as const;
  });
}

/** The same person on two platforms: `from` is kept and points at `into`; an unpaid mark carries over. */
export async function mergeCustomers(db: ChotDatabase, into: string, from: string): Promise<CustomerResult> {
  return db.transaction('rw', db.customers, async () => {
    const target = await rootCustomer(db, into);
    const source = await db.customers.get(from);
    if (!target || !source) return { ok: false, error: 'not-found' } as const;
    if (target.id === source.id || (await rootCustomer(db, from))?.id === target.id) return { ok: false, error: 'same-customer' } as const;
    if (source.mergedInto) return { ok: false, error: 'merged' } as const;
    await db.customers.update(source.id, { mergedInto: target.id });
    if (source.unpaid && !target.unpaid) await db.customers.update(target.id, { unpaid: true });
    return { ok: true } as const;
  });
}

/** Undoes a merge: the record stands on its own again. */
export async function unmergeCustomer(db: ChotDatabase, id: string): Promise<CustomerResult> {
  return db.transaction('rw', db.customers, async () => {
    const customer = await db.customers.get(id);
    if (!customer?.mergedInto) return { ok: false, error: 'not-found' } as const;
    await db.customers.update(id, { mergedInto: undefined });
    return { ok: true } as const;
  });
}
