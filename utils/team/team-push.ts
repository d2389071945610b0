import type * as Y from 'yjs';
import { Dexie } from 'dexie';
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

type Outgoing = Map<string, Map<SharedTable, Map<string, [unknown, number?]>>>;

/**
 * A stream's records as this desk has them, keyed as in the documents: what a stream joined into another
 * broadcast takes along to that broadcast's document.
 */
async function streamRecords(db: ChotDatabase, streamId: string, deskId: string): Promise<[SharedTable, string, unknown][]> {
  const orders = await db.orders.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).toArray();
  const actions = await db.actions
    .where('orderId')
    .anyOf(orders.map((order) => order.id))
    .toArray();
  const uids = new Map(
    (
      await db.teamActions
        .where('seq')
        .anyOf(actions.map((action) => action.seq!))
        .toArray()
    ).map((team) => [team.seq, team.uid]),
  );
  return [
    ...orders.map((order): [SharedTable, string, unknown] => ['orders', order.id, order]),
    ...actions.map((action): [SharedTable, string, unknown] => ['actions', uids.get(action.seq!) ?? `${deskId}:${action.seq}`, sharedAction(action)]),
    ...(await db.contracts.where('streamId').equals(streamId).toArray()).map((contract): [SharedTable, string, unknown] => [
      'contracts',
      contract.id,
      contract,
    ]),
    ...(await db.questions.where('[streamId+status+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).toArray()).map(
      (question): [SharedTable, string, unknown] => ['questions', question.id, question],
    ),
  ];
}

/** The records a push has, by table: as committed, and those marked unread read from the store now. */
async function recordsOf(db: ChotDatabase, changes: LocalChanges): Promise<Map<SharedTable, Map<unknown, unknown>>> {
  const unread = [...changes].flatMap(([table, written]) => {
    const keys = [...written].flatMap(([key, value]) => (value === undefined ? [key] : []));
    return keys.length > 0 ? [[table, keys] as const] : [];
  });
  const records = new Map([...changes].map(([table, written]) => [table, new Map(written)]));
  if (unread.length === 0) return records;
  await db.transaction(
    'r',
    unread.map(([table]) => db.table(table)),
    async () => {
      for (const [table, keys] of unread) {
        const values: unknown[] = await db.table(table).bulkGet(keys as never[]);
        keys.forEach((key, i) => records.get(table)!.set(key, values[i] ?? null));
      }
    },
  );
  return records;
}

/**
 * Puts this desk's committed changes into the shared documents, each record as committed (null: deleted),
 * into its broadcast's document (buyers and products into the shop's). The store is read only for what the
 * records do not tell: an action's team id and order, a stream not seen yet, a record marked unread. A
 * stream that arrives in a broadcast's document while another document has it (joined, or split off) brings
 * its orders, history, contracts and questions along, so a desk that opens only the new document has them
 * all; the old document keeps its copies (the later write of a record still wins wherever it is).
 * `streamsSeen` keeps the streams (by id) between pushes; whoever writes streams otherwise drops them from it.
 */
export async function pushChanges(
  db: ChotDatabase,
  changes: LocalChanges,
  room: DocRoom,
  who: Desk,
  now = Date.now(),
  streamsSeen = new Map<string, StreamRecord | null>(),
): Promise<number> {
  const outgoing: Outgoing = new Map();
  const add = (doc: string, table: SharedTable, key: string, value: unknown) => {
    const tables = outgoing.get(doc) ?? new Map<SharedTable, Map<string, [unknown, number?]>>();
    // A decision counts from when it was taken: the later of two desks' decisions wins, whichever is sent last.
    const when = table === 'orders' && value ? (value as OrderRecord).updatedAt : undefined;
    tables.set(table, (tables.get(table) ?? new Map()).set(key, [value, when]));
    outgoing.set(doc, tables);
  };
  // A deleted record is marked deleted wherever the team has it.
  const deleted = (table: SharedTable, key: string) => {
    for (const [name, doc] of room.openDocs()) if (entriesOf(doc, table).get(key)?.v) add(name, table, key, null);
  };
  const moved = (stream: StreamRecord) => {
    const target = broadcastDocName(stream.broadcastId);
    const docs = room.openDocs();
    const has = (name: string) => Boolean(docs.get(name) && entriesOf(docs.get(name)!, 'streams').get(stream.id)?.v);
    return !has(target) && [...docs.keys()].some((name) => name !== target && has(name));
  };
  const read = await recordsOf(db, changes);
  for (const [id, stream] of read.get('streams') ?? []) streamsSeen.set(String(id), stream as StreamRecord | null);
  const actions = [...(read.get('actions') ?? new Map<unknown, unknown>())] as [number, ActionRecord | null][];
  const orderOf = new Map<string, OrderRecord | null>(read.get('orders') as Map<string, OrderRecord | null> | undefined);
  const missing = [...new Set(actions.flatMap(([, action]) => (action && !orderOf.has(action.orderId) ? [action.orderId] : [])))];
  const unknownStreams = () => [
    ...new Set(
      [...orderOf.values(), ...(['contracts', 'questions'] as const).flatMap((table) => [...(read.get(table)?.values() ?? [])])].flatMap((record) => {
        const streamId = (record as { streamId?: string } | null)?.streamId;
        return streamId !== undefined && !streamsSeen.has(streamId) ? [streamId] : [];
      }),
    ),
  ];
  const movedStreams = [...(read.get('streams')?.values() ?? [])].filter((stream): stream is StreamRecord => Boolean(stream && moved(stream as StreamRecord)));
  const uids = new Map<number, string>();
  // A moved stream's records, for its new broadcast's document.
  const carried: [string, SharedTable, string, unknown][] = [];
  // Only the tables the lookups need: a read waits behind every transaction writing them.
  const scope = new Set<string>();
  if (actions.length > 0) scope.add('teamActions');
  if (missing.length > 0) ['orders', 'streams'].forEach((table) => scope.add(table));
  if (unknownStreams().length > 0) scope.add('streams');
  if (movedStreams.length > 0) ['orders', 'actions', 'teamActions', 'contracts', 'questions'].forEach((table) => scope.add(table));
  if (scope.size > 0)
    await db.transaction(
      'r',
      [...scope].map((table) => db.table(table)),
      async () => {
        if (actions.length > 0)
          for (const team of await db.teamActions
            .where('seq')
            .anyOf(actions.map(([seq]) => seq))
            .toArray())
            uids.set(team.seq, team.uid);
        if (missing.length > 0) (await db.orders.bulkGet(missing)).forEach((order, i) => orderOf.set(missing[i]!, order ?? null));
        const streamIds = unknownStreams();
        if (streamIds.length > 0) (await db.streams.bulkGet(streamIds)).forEach((stream, i) => streamsSeen.set(streamIds[i]!, stream ?? null));
        for (const stream of movedStreams)
          for (const [kind, id, value] of await streamRecords(db, stream.id, who.desk)) carried.push([broadcastDocName(stream.broadcastId), kind, id, value]);
      },
    );
  const broadcastOf = (streamId: string) => broadcastDocName(streamsSeen.get(streamId)?.broadcastId ?? streamId);
  for (const [doc, kind, id, value] of carried) add(doc, kind, id, value);
  for (const [table, records] of read) {
    for (const [key, value] of records) {
      if (SHOP_TABLES.has(table)) {
        add(SHOP_DOC, table, String(key), value ?? null);
      } else if (table === 'actions') {
        const action = value as ActionRecord | null;
        const uid = uids.get(key as number) ?? `${who.desk}:${key as number}`;
        const order = action && orderOf.get(action.orderId);
        if (!action) deleted(table, uid);
        else if (order) add(broadcastOf(order.streamId), table, uid, sharedAction(action));
      } else {
        const record = value as StreamRecord | OrderRecord | null;
        if (!record) deleted(table, String(key));
        else if (table === 'streams') add(broadcastDocName((record as StreamRecord).broadcastId), table, String(key), record);
        else add(broadcastOf((record as OrderRecord).streamId), table, String(key), record);
      }
    }
  }
  let written = 0;
  for (const [name, tables] of outgoing) {
    const doc = room.docFor(name);
    for (const [table, records] of tables) {
      writeEntries(
        doc,
        table,
        [...records].map(([key, [value, when]]) => [key, value, when] as const),
        who,
        now,
      );
      written += records.size;
    }
  }
  return written;
}
