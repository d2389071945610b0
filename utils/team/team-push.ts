import type * as Y from 'yjs';
import type { ChotDatabase } from '../store/db';
import type { ActionRecord, OrderRecord, StreamRecord } from '../store/records';
import type { LocalChanges } from './team-capture';
import { broadcastDocName, SHOP_DOC, SHOP_TABLES, type SharedTable } from './team-records';
import { entriesOf, writeEntries } from './team-doc';

export interface DocRoom {
  /** The document of that name, opened (and its broadcast listed for the team) if it was not. */
  docFor(name: string): Y.Doc;
  /** The documents open now, by name. */
  openDocs(): ReadonlyMap<string, Y.Doc>;
}

export interface Desk {
  desk: string;
  by: string;
}

/** An action's id for the whole team: "desk:seq" of the desk that made it. */
export async function actionUid(db: ChotDatabase, deskId: string, seq: number): Promise<string> {
  return (await db.teamActions.where('seq').equals(seq).first())?.uid ?? `${deskId}:${seq}`;
}

/** What goes into the document for an action: everything but this browser's own sequence number. */
export const sharedAction = ({ seq: _seq, remote: _remote, ...action }: ActionRecord & { remote?: boolean }) => action;

type Outgoing = Map<string, Map<SharedTable, [string, unknown, number?][]>>;

/**
 * Puts this desk's committed changes into the shared documents: each record read as it is now (a record
 * gone is written as deleted), into its broadcast's document (buyers and products into the shop's).
 */
export async function pushChanges(db: ChotDatabase, changes: LocalChanges, room: DocRoom, who: Desk, now = Date.now()): Promise<number> {
  const outgoing: Outgoing = new Map();
  const add = (doc: string, table: SharedTable, key: string, value: unknown) => {
    const tables = outgoing.get(doc) ?? new Map<SharedTable, [string, unknown, number?][]>();
    // A decision counts from when it was taken: the later of two desks' decisions wins, whichever is sent last.
    const when = table === 'orders' && value ? (value as OrderRecord).updatedAt : undefined;
    tables.set(table, [...(tables.get(table) ?? []), [key, value, when]]);
    outgoing.set(doc, tables);
  };
  // A deleted record is marked deleted wherever the team has it.
  const deleted = (table: SharedTable, key: string) => {
    for (const [name, doc] of room.openDocs()) if (entriesOf(doc, table).get(key)?.v) add(name, table, key, null);
  };
  await db.transaction('r', [db.streams, db.orders, db.actions, db.contracts, db.customers, db.products, db.questions, db.teamActions], async () => {
    const streams = new Map<string, StreamRecord | undefined>();
    const broadcastOf = async (streamId: string) => {
      if (!streams.has(streamId)) streams.set(streamId, await db.streams.get(streamId));
      return broadcastDocName(streams.get(streamId)?.broadcastId ?? streamId);
    };
    for (const [table, keys] of changes) {
      for (const key of keys) {
        if (SHOP_TABLES.has(table)) {
          add(SHOP_DOC, table, String(key), (await db.table(table).get(key as string)) ?? null);
        } else if (table === 'actions') {
          const action = await db.actions.get(key as number);
          const uid = await actionUid(db, who.desk, key as number);
          const order = action && (await db.orders.get(action.orderId));
          if (!action) deleted(table, uid);
          else if (order) add(await broadcastOf(order.streamId), table, uid, sharedAction(action));
        } else {
          const record = (await db.table(table).get(key as string)) as StreamRecord | OrderRecord | undefined;
          if (!record) deleted(table, String(key));
          else add(table === 'streams' ? broadcastDocName((record as StreamRecord).broadcastId) : await broadcastOf((record as OrderRecord).streamId), table, String(key), record);
        }
      }
    }
  });
  let written = 0;
  for (const [name, tables] of outgoing) {
    const doc = room.docFor(name);
    for (const [table, records] of tables) {
      writeEntries(doc, table, records, who, now);
      written += records.length;
    }
  }
  return written;
}
