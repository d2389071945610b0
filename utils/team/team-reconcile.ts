import type * as Y from 'yjs';
import { Dexie } from 'dexie';
import type { ChotDatabase } from '../store/db';
import type { ActionRecord, OrderRecord } from '../store/records';
import type { LocalChanges } from './team-capture';
import { entriesOf } from './team-doc';
import { canonical, type RemoteChange } from './team-apply';
import { sharedAction } from './team-push';
import { SHOP_DOC, SHOP_TABLES, SHARED_TABLES, type SharedTable } from './team-records';

type Keyed = Map<string, unknown>;

/** This browser's records that belong in one document, by the key they have there. */
async function localRecords(db: ChotDatabase, name: string, deskId: string): Promise<Map<SharedTable, Keyed>> {
  const out = new Map<SharedTable, Keyed>(SHARED_TABLES.map((table) => [table, new Map()]));
  const keyed = (table: SharedTable, records: readonly object[], key: (record: never) => string) =>
    records.forEach((record) => out.get(table)!.set(key(record as never), record));
  return db.transaction('r', [db.streams, db.orders, db.actions, db.contracts, db.customers, db.products, db.questions, db.teamActions], async () => {
    if (name === SHOP_DOC) {
      keyed('customers', await db.customers.toArray(), (c: { id: string }) => c.id);
      keyed('products', await db.products.toArray(), (p: { code: string }) => p.code);
      return out;
    }
    const broadcastId = name.slice('broadcast:'.length);
    const streams = await db.streams.where('broadcastId').equals(broadcastId).toArray();
    const streamIds = streams.map((stream) => stream.id);
    keyed('streams', streams, (s: { id: string }) => s.id);
    const orders: OrderRecord[] = [];
    for (const id of streamIds) orders.push(...(await db.orders.where('[streamId+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()));
    keyed('orders', orders, (o: OrderRecord) => o.id);
    keyed('contracts', await db.contracts.where('streamId').anyOf(streamIds).toArray(), (c: { id: string }) => c.id);
    for (const id of streamIds)
      keyed(
        'questions',
        await db.questions.where('[streamId+status+observedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
        (q: { id: string }) => q.id,
      );
    const actions = await db.actions
      .where('orderId')
      .anyOf(orders.map((order) => order.id))
      .toArray();
    const uids = new Map(
      (
        await db.teamActions
          .where('seq')
          .anyOf(actions.map((a) => a.seq!))
          .toArray()
      ).map((t) => [t.seq, t.uid]),
    );
    for (const action of actions) out.get('actions')!.set(uids.get(action.seq!) ?? `${deskId}:${action.seq}`, action);
    return out;
  });
}

/**
 * When a document is first in sync (and after the service worker was stopped), compares it with the
 * store: what only the document has, or has differently, is applied here; what only this browser has
 * (made before team mode, or while the document was away) is written to it. An order both have
 * differently goes by its own updatedAt.
 */
export async function reconcile(db: ChotDatabase, name: string, doc: Y.Doc, deskId: string): Promise<{ apply: RemoteChange[]; push: LocalChanges }> {
  const local = await localRecords(db, name, deskId);
  const apply: RemoteChange[] = [];
  const push: LocalChanges = new Map();
  // Pushed as read here: a local commit after this read is pushed after it.
  const pushRecord = (table: SharedTable, key: unknown, record: unknown) => push.set(table, (push.get(table) ?? new Map()).set(key, record));
  for (const table of SHARED_TABLES) {
    if (SHOP_TABLES.has(table) !== (name === SHOP_DOC)) continue;
    const mine = local.get(table)!;
    const entries = entriesOf(doc, table);
    for (const [key, entry] of entries) {
      const record = mine.get(key);
      if (entry.v === null) {
        if (record !== undefined) apply.push({ table, key, entry });
        continue;
      }
      if (record === undefined) {
        apply.push({ table, key, entry });
        continue;
      }
      const ours = table === 'actions' ? sharedAction(record as ActionRecord) : record;
      if (canonical(ours) === canonical(entry.v)) continue;
      if (table === 'orders' && (record as OrderRecord).updatedAt > (entry.v as OrderRecord).updatedAt) pushRecord(table, key, record);
      else apply.push({ table, key, entry });
    }
    for (const [key, record] of mine) {
      if (entries.has(key)) continue;
      if (table === 'actions') {
        if (!(record as ActionRecord & { remote?: boolean }).remote) pushRecord(table, (record as ActionRecord).seq, record);
      } else pushRecord(table, key, record);
    }
  }
  return { apply, push };
}
