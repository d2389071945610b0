import type { z } from 'zod';
import { Dexie } from 'dexie';
import type { ChotDatabase } from '../store/db';
import type { ActionRecord, MessageRecord, OrderRecord } from '../store/records';
import { actionRecordSchema, contractRecordSchema, customerRecordSchema, orderRecordSchema, streamRecordSchema } from '../store/records';
import { productSchema } from '../parser/catalog';
import { markRemoteTransaction } from './team-capture';
import type { SharedTable, TeamEntry } from './team-records';

// The team's changes, applied to this browser's store in one transaction (its figures move with it).
// Every value is checked like any data from outside; one that does not validate is left out.

const SCHEMAS: Record<SharedTable, z.ZodType> = {
  streams: streamRecordSchema,
  orders: orderRecordSchema,
  actions: actionRecordSchema,
  contracts: contractRecordSchema,
  customers: customerRecordSchema,
  products: productSchema,
};

export interface RemoteChange {
  table: SharedTable;
  key: string;
  entry: TeamEntry;
}

/** JSON with sorted keys and no undefined: the same record reads the same from the store and the document. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** The chat message an order came from, so this browser's own reader of the same chat adds it no second time. */
function messageOf(order: OrderRecord, now: number): MessageRecord {
  const prefix = `${order.platform}:`;
  return {
    id: order.messageId,
    streamId: order.streamId,
    platform: order.platform,
    messageId: order.messageId.startsWith(prefix) ? order.messageId.slice(prefix.length) : order.messageId,
    kind: 'chat',
    authorName: order.authorName,
    ...(order.authorKey.startsWith('name:') ? {} : { authorId: order.authorKey }),
    text: order.text,
    observedAt: order.observedAt,
    receivedAt: now,
  };
}

export interface ApplyResult {
  applied: number;
  productsChanged: boolean;
}

export async function applyRemote(db: ChotDatabase, changes: readonly RemoteChange[], deskId: string, now = Date.now()): Promise<ApplyResult> {
  const tables = [db.streams, db.messages, db.orders, db.actions, db.contracts, db.customers, db.products, db.teamActions, ...db.figureTables];
  return db.transaction('rw', tables, async (tx) => {
    markRemoteTransaction(tx.idbtrans);
    let applied = 0;
    let productsChanged = false;
    for (const { table, key, entry } of changes) {
      const parsed = entry.v === null ? null : SCHEMAS[table].safeParse(entry.v);
      if (parsed && !parsed.success) continue;
      const value = parsed === null ? null : (parsed.data as Record<string, unknown>);
      if (table === 'actions') {
        applied += Number(await applyAction(db, key, value as ActionRecord | null, deskId));
        continue;
      }
      const store = db.table(table);
      const current: unknown = await store.get(key);
      if (value === null) {
        if (current === undefined) continue;
        await store.delete(key);
        if (table === 'streams') await forgetStream(db, key);
      } else {
        if (current !== undefined && canonical(current) === canonical(value)) continue;
        await store.put(value);
        if (table === 'orders') {
          const order = value as OrderRecord;
          if (!(await db.messages.get(order.messageId))) await db.messages.put(messageOf(order, now));
        }
      }
      applied += 1;
      productsChanged ||= table === 'products';
    }
    return { applied, productsChanged };
  });
}

/** A stream deleted on another desk goes here as it went there: with its chat and its figures. */
async function forgetStream(db: ChotDatabase, streamId: string): Promise<void> {
  await db.messages.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).delete();
  await db.tallies.delete(streamId);
  await db.streamBuyers.where('[streamId+authorKey]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).delete();
}

/** Another desk's action joins this browser's log under a sequence number of its own (and is never undone here). */
async function applyAction(db: ChotDatabase, uid: string, value: ActionRecord | null, deskId: string): Promise<boolean> {
  const own = uid.startsWith(`${deskId}:`) ? Number(uid.slice(deskId.length + 1)) : undefined;
  const seq = own ?? (await db.teamActions.get(uid))?.seq;
  const current = seq === undefined ? undefined : await db.actions.get(seq);
  if (value === null) {
    if (seq === undefined) return false;
    await db.actions.delete(seq);
    await db.teamActions.delete(uid);
    return current !== undefined;
  }
  const record = own === undefined ? { ...value, remote: true } : value;
  // The buyer's comment behind it (a cancel, a change) is known here too, so this browser's reader does not apply it again.
  if (value.messageId && !(await db.messages.get(value.messageId))) {
    const order = await db.orders.get(value.orderId);
    if (order) await db.messages.put({ ...messageOf(order, value.at), id: value.messageId, messageId: value.messageId.slice(order.platform.length + 1), text: '…' });
  }
  if (current && canonical({ ...current, seq: undefined }) === canonical(record)) return false;
  if (seq !== undefined) await db.actions.put({ ...record, seq });
  else await db.teamActions.put({ uid, seq: (await db.actions.add(record)) as number });
  return true;
}
