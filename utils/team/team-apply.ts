import type { z } from 'zod';
import type { Table } from 'dexie';
import type { ChotDatabase } from '../store/db';
import type { ActionRecord, MessageRecord, OrderRecord } from '../store/records';
import { actionRecordSchema, contractRecordSchema, customerRecordSchema, orderRecordSchema, streamRecordSchema } from '../store/records';
import { productSchema } from '../parser/catalog';
import { questionRecordSchema, type QuestionRecord } from '../store/questions';
import { markRemoteTransaction } from './team-capture';
import { giveUp } from '../store/give-up';
import { forgetKeptFigures } from '../store/kept-buyers';
import { appendToLog, deleteStreamLog } from '../store/chat-log';
import { groupBy } from '../export/group-by';
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
  questions: questionRecordSchema,
};

export interface RemoteChange {
  table: SharedTable;
  key: string;
  entry: TeamEntry;
}

/** JSON with sorted keys and no undefined: the same record reads the same from the store and the document. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

type FromChat = Pick<OrderRecord, 'streamId' | 'platform' | 'authorName' | 'authorKey' | 'text' | 'observedAt'>;

/**
 * The chat message an order (or a question) came from, so this browser's own reader of the same chat adds
 * it no second time.
 */
function messageOf(record: FromChat, id: string, now: number): MessageRecord {
  const prefix = `${record.platform}:`;
  return {
    id,
    streamId: record.streamId,
    platform: record.platform,
    messageId: id.startsWith(prefix) ? id.slice(prefix.length) : id,
    kind: 'chat',
    authorName: record.authorName,
    ...(record.authorKey.startsWith('name:') ? {} : { authorId: record.authorKey }),
    text: record.text,
    observedAt: record.observedAt,
    receivedAt: now,
  };
}

/**
 * The stored records under these keys. A joining desk applies thousands of records to tables that hold
 * few: there one read of the whole table costs far less than a read per key.
 */
export async function readMany(store: Table, keys: readonly unknown[]): Promise<unknown[]> {
  if (keys.length >= 100 && (await store.count()) <= keys.length * 2) {
    const [stored, values] = await Promise.all([store.toCollection().primaryKeys(), store.toArray()]);
    const byKey = new Map<unknown, unknown>(stored.map((key, i) => [key, values[i]]));
    return keys.map((key) => byKey.get(key));
  }
  return store.bulkGet(keys as never[]);
}

/**
 * Orders and questions new to this browser: their chat messages join the stream's log, so this browser's
 * reader of the same chat does not apply them again. Added without reading the log first (an apply on a
 * desk beside a busy chat must stay small): where the log has the message already, its first row stays
 * the message (chat-log.ts).
 */
async function rememberMessages(db: ChotDatabase, records: readonly (readonly [string, FromChat])[], now: number): Promise<void> {
  const rows = records.map(([id, record]) => messageOf(record, id, now));
  for (const [streamId, ofStream] of groupBy(rows, (row) => row.streamId)) await appendToLog(db, streamId, ofStream);
}

/**
 * The tables an apply writes or reads, and no others: a desk reading a busy chat has the panel's live
 * queries and its ingest on many tables, and a transaction waits for every earlier one it shares a table with.
 */
function applyScope(db: ChotDatabase, tables: ReadonlySet<SharedTable>): Table[] {
  const scope = new Set<Table>([...tables].map((table) => db.table(table)));
  // Orders and contracts move the kept figures; an order or a question remembers its chat message.
  for (const table of db.figureTables) scope.add(table);
  if (tables.has('orders') || tables.has('questions')) scope.add(db.chatLog);
  // An action maps to this browser's sequence numbers, and its buyer's comment needs its order.
  if (tables.has('actions')) [db.teamActions, db.chatLog, db.orders].forEach((table) => scope.add(table));
  // A stream deleted takes its chat along.
  if (tables.has('streams')) scope.add(db.chatLog);
  return [...scope];
}

export interface ApplyResult {
  applied: number;
  productsChanged: boolean;
}

/** An apply given up for a local command (TeamSync.makeWayFor): nothing of it was written. */
export class ApplyGivenUp extends Error {
  constructor() {
    super('the apply made way for a command of this desk');
  }
}

/**
 * `signal`: when it aborts, the apply's transaction is aborted (nothing of it stays) and the promise rejects
 * with ApplyGivenUp; the caller applies the same changes again later.
 */
export async function applyRemote(
  db: ChotDatabase,
  changes: readonly RemoteChange[],
  deskId: string,
  now = Date.now(),
  signal?: AbortSignal,
): Promise<ApplyResult> {
  // Checked before the transaction opens; then one bulk read and one bulk write per table, in the order given.
  type Checked = RemoteChange & { value: Record<string, unknown> | null };
  const valid = changes.flatMap((change): Checked[] => {
    if (change.entry.v === null) return [{ ...change, value: null }];
    const parsed = SCHEMAS[change.table].safeParse(change.entry.v);
    return parsed.success ? [{ ...change, value: parsed.data as Record<string, unknown> }] : [];
  });
  const runs: Checked[][] = [];
  for (const change of valid) {
    const last = runs.at(-1);
    if (last && last[0]!.table === change.table && (last[0]!.value === null) === (change.value === null)) last.push(change);
    else runs.push([change]);
  }
  if (signal?.aborted) throw new ApplyGivenUp();
  let stop: (() => void) | undefined;
  const applying = db.transaction('rw', applyScope(db, new Set(runs.map((run) => run[0]!.table))), async (tx) => {
    markRemoteTransaction(tx.idbtrans);
    if (signal) {
      // aborted while waiting for its turn in IndexedDB or while writing: the transaction is rolled back whole
      stop = () => giveUp(tx);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    }
    let applied = 0;
    let productsChanged = false;
    for (const run of runs) {
      const table = run[0]!.table;
      if (table === 'actions') {
        applied += await applyActions(
          db,
          run.map(({ key, value }) => [key, value as ActionRecord | null] as const),
          deskId,
        );
        continue;
      }
      const store = db.table(table);
      const keys = run.map((change) => change.key);
      const current = await readMany(store, keys);
      if (run[0]!.value === null) {
        const gone = keys.filter((_, i) => current[i] !== undefined);
        await store.bulkDelete(gone);
        if (table === 'streams') for (const id of gone) await forgetStream(db, id);
        applied += gone.length;
      } else {
        // Records new here are added: an add replaces nothing, so the figures' middleware reads nothing before it.
        const adds = run.filter((_, i) => current[i] === undefined).map((change) => change.value!);
        const changed = run.filter((change, i) => current[i] !== undefined && canonical(current[i]) !== canonical(change.value)).map((change) => change.value!);
        await store.bulkAdd(adds);
        await store.bulkPut(changed);
        const puts = [...adds, ...changed];
        // only records new here: a changed one's message was remembered when it came
        const fromChat =
          table === 'orders'
            ? (adds as OrderRecord[]).map((order) => [order.messageId, order] as const)
            : table === 'questions'
              ? (adds as QuestionRecord[]).map((question) => [question.id, question] as const)
              : [];
        if (fromChat.length > 0) await rememberMessages(db, fromChat, now);
        applied += puts.length;
        productsChanged ||= table === 'products' && puts.length > 0;
      }
      productsChanged ||= table === 'products' && run[0]!.value === null;
    }
    return { applied, productsChanged };
  });
  try {
    return await applying;
  } catch (error) {
    if (signal?.aborted) throw new ApplyGivenUp();
    throw error;
  } finally {
    if (stop) signal?.removeEventListener('abort', stop);
  }
}

/** A stream deleted on another desk goes here as it went there: with its chat and its figures. */
async function forgetStream(db: ChotDatabase, streamId: string): Promise<void> {
  await deleteStreamLog(db, streamId);
  await forgetKeptFigures(db, streamId);
}

/** Other desks' actions join this browser's log under sequence numbers of its own (and are never undone here). */
async function applyActions(db: ChotDatabase, run: readonly (readonly [string, ActionRecord | null])[], deskId: string): Promise<number> {
  const own = (uid: string) => (uid.startsWith(`${deskId}:`) ? Number(uid.slice(deskId.length + 1)) : undefined);
  const mapped = (await readMany(
    db.teamActions,
    run.map(([uid]) => uid),
  )) as ({ seq: number } | undefined)[];
  const seqs = run.map(([uid], i) => own(uid) ?? mapped[i]?.seq);
  const current = (await readMany(
    db.actions,
    seqs.map((seq) => seq ?? -1),
  )) as (ActionRecord | undefined)[];
  let applied = 0;
  const fresh: { uid: string; record: ActionRecord }[] = [];
  const puts: ActionRecord[] = [];
  for (const [i, [uid, value]] of run.entries()) {
    const seq = seqs[i];
    if (value === null) {
      if (seq === undefined) continue;
      await db.actions.delete(seq);
      await db.teamActions.delete(uid);
      applied += Number(current[i] !== undefined);
      continue;
    }
    const record = own(uid) === undefined ? { ...value, remote: true } : value;
    if (current[i] && canonical({ ...current[i], seq: undefined }) === canonical(record)) continue;
    if (seq !== undefined) puts.push({ ...record, seq });
    else fresh.push({ uid, record });
    applied += 1;
  }
  await db.actions.bulkPut(puts);
  const added = (await db.actions.bulkAdd(
    fresh.map(({ record }) => record),
    { allKeys: true },
  )) as number[];
  await db.teamActions.bulkPut(fresh.map(({ uid }, i) => ({ uid, seq: added[i]! })));
  // The buyer's comment behind an action (a cancel, a change) is known here too, so this browser's reader does not apply it again.
  // Added without reading the log first, as rememberMessages does: a comment the log has already keeps its row.
  const withComment = run.flatMap(([uid, value]) => (value?.messageId && own(uid) === undefined ? [value] : []));
  if (withComment.length > 0) {
    const orders = await db.orders.bulkGet(withComment.map((action) => action.orderId));
    const rows = withComment.flatMap((action, i) => (orders[i] ? [{ ...messageOf(orders[i], action.messageId!, action.at), text: '…' }] : []));
    for (const [streamId, ofStream] of groupBy(rows, (row) => row.streamId)) await appendToLog(db, streamId, ofStream);
  }
  return applied;
}
