import type { ChotDatabase } from './db';
import type { CustomerRecord, MessageRecord } from './records';
import type { IngestSession } from './ingest-cache';

export type CustomerResult = { ok: true } | { ok: false; error: 'not-found' | 'same-customer' | 'merged' };

export const customerIdOf = (message: Pick<MessageRecord, 'platform'>, authorKey: string) => `${message.platform}:${authorKey}`;

/** Where a loaded customer's merges lead: the record kept, or the customer itself (at most 10 hops). */
export function followMerges(customer: CustomerRecord, get: (id: string) => CustomerRecord | undefined): CustomerRecord {
  let root = customer;
  for (let hops = 0; root.mergedInto && hops < 10; hops += 1) root = get(root.mergedInto) ?? root;
  return root;
}

/** The record a customer has been merged into (following merges), or the customer itself. */
export async function rootCustomer(db: ChotDatabase, id: string): Promise<CustomerRecord | undefined> {
  let customer = await db.customers.get(id);
  for (let hops = 0; customer?.mergedInto && hops < 10; hops += 1) customer = await db.customers.get(customer.mergedInto);
  return customer;
}

/** The buyer of a comment, created or refreshed: their latest name, when seen, and any phone or address they gave. */
export function withComment(
  current: CustomerRecord | undefined,
  message: MessageRecord,
  authorKey: string,
  phone: string | null,
  address: string | null = null,
): CustomerRecord {
  const add = (list: string[], value: string | null) => (value && !list.includes(value) ? [...list, value].slice(-5) : list);
  return current
    ? {
        ...current,
        name: message.authorName,
        lastSeenAt: Math.max(current.lastSeenAt, message.observedAt),
        phones: add(current.phones, phone),
        addresses: add(current.addresses ?? [], address),
      }
    : {
        id: customerIdOf(message, authorKey),
        platform: message.platform,
        authorKey,
        name: message.authorName,
        phones: add([], phone),
        addresses: add([], address),
        notes: '',
        unpaid: false,
        firstSeenAt: message.observedAt,
        lastSeenAt: message.observedAt,
      };
}

/**
 * How stale a kept customer's lastSeenAt may be: a buyer seen again within this time of it is not written
 * again for that alone (a buyer comes back every minute or two on a busy stream, and a write each time was
 * a large part of the ingest's time; nothing needs the last sighting closer than this).
 */
export const LAST_SEEN_STEP_MS = 10 * 60_000;

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((value, i) => value === b?.[i]);

/** Whether the batch's record of a buyer says more than the stored one. */
function worthWriting(stored: CustomerRecord | undefined, record: CustomerRecord): boolean {
  return (
    !stored ||
    stored.name !== record.name ||
    !sameList(stored.phones, record.phones) ||
    !sameList(stored.addresses, record.addresses) ||
    record.lastSeenAt - stored.lastSeenAt >= LAST_SEEN_STEP_MS
  );
}

/**
 * A batch's buyers, read with one bulk read and written with one bulk write, only those the batch changed:
 * a busy stream's batch has hundreds of buyers, and a read and a write each would be most of the batch's time.
 */
export class BatchCustomers {
  private readonly records = new Map<string, CustomerRecord | undefined>();
  private readonly loaded = new Map<string, CustomerRecord | undefined>();
  private readonly noted = new Set<string>();

  /** `held`: the background's memory of buyers (ingest-cache.ts), read before the database and told what is saved. */
  constructor(
    private readonly db: ChotDatabase,
    private readonly held?: IngestSession,
  ) {}

  /** Reads the buyers, and the records they were merged into, before the batch is applied. */
  async load(ids: readonly string[]): Promise<void> {
    let wanted = [...new Set(ids)].filter((id) => !this.records.has(id));
    for (let hops = 0; wanted.length > 0 && hops < 10; hops += 1) {
      const known = wanted.map((id) => this.held?.customer(id));
      const reading = wanted.filter((_, i) => known[i] === undefined);
      const read = reading.length > 0 ? await this.db.customers.bulkGet(reading) : [];
      reading.forEach((id, i) => this.held?.readCustomer(id, read[i]));
      const fromDb = new Map(reading.map((id, i) => [id, read[i]]));
      const found = wanted.map((id, i) => (known[i] === undefined ? fromDb.get(id) : (known[i] ?? undefined)));
      wanted.forEach((id, i) => {
        this.records.set(id, found[i]);
        this.loaded.set(id, found[i]);
      });
      wanted = [...new Set(found.flatMap((record) => (record?.mergedInto && !this.records.has(record.mergedInto) ? [record.mergedInto] : [])))];
    }
  }

  /**
   * Notes the comment on its (loaded) buyer; returns whether the buyer, or whoever they were merged into, is
   * marked unpaid. Synchronous: the batch is applied without waiting, inside one transaction.
   */
  note(message: MessageRecord, authorKey: string, phone: string | null, address: string | null): boolean {
    const id = customerIdOf(message, authorKey);
    const record = withComment(this.records.get(id), message, authorKey, phone, address);
    this.records.set(id, record);
    this.noted.add(id);
    return followMerges(record, (merged) => this.records.get(merged)).unpaid;
  }

  async save(): Promise<void> {
    const changed = [...this.noted].flatMap((id) => {
      const record = this.records.get(id)!;
      return worthWriting(this.loaded.get(id), record) ? [record] : [];
    });
    if (changed.length === 0) return;
    await this.db.customers.bulkPut(changed);
    this.held?.savedCustomers(changed);
  }
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
