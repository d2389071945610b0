import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ContractRecord, OrderRecord } from './records';
import { platformSchema } from '../platforms/platform';
import { addContract, addOrder, emptyStreamTally, tidyStreamTally, type StreamTally } from './stream-tally';
import { bucketOf, type KeptBuyers } from './kept-buyers';

// Every write of an order or a contract, wherever it comes from (ingest, a decision, an undo, a restore),
// moves its stream's kept figures in the same transaction. Done once here, below the table API, so no
// write path can forget it; a transaction that writes orders must include db.figureTables.

type Watched = OrderRecord | ContractRecord;
type Change = { before?: Watched; after?: Watched };

const knownBefore = new WeakMap<object, Map<string, OrderRecord>>();

/**
 * The stored orders that a transaction's next put of orders replaces, as its writer read them in the same
 * transaction (Dexie's `tx.idbtrans`): that put needs no read first. Only for a put issued next, with
 * nothing written to those orders in between.
 */
export function putOverKnownOrders(trans: object, stored: readonly OrderRecord[]): void {
  knownBefore.set(trans, new Map(stored.map((order) => [order.id, order])));
}

/** The records a mutation replaces or removes, read in its transaction before it runs. */
function recordsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(Watched | undefined)[]> {
  // An add replaces nothing: where its key is taken it fails, and a failed write moves no figure.
  if (req.type === 'add') return Promise.resolve(req.values.map(() => undefined));
  const known = table.name === 'orders' ? knownBefore.get(req.trans) : undefined;
  if (known) {
    knownBefore.delete(req.trans);
    const ids = req.type === 'put' ? (req.values as Watched[]).map((value) => value.id) : [];
    if (req.type === 'put' && !req.keys && ids.every((id) => known.has(id))) return Promise.resolve(ids.map((id) => known.get(id)));
  }
  if (req.type === 'deleteRange') {
    return table
      .query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
      .then(({ result }) => result as Watched[]);
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value)));
  return table.getMany({ trans: req.trans, keys });
}

function recordsAfter(req: DBCoreMutateRequest, before: readonly (Watched | undefined)[]): (Watched | undefined)[] {
  return req.type === 'add' || req.type === 'put' ? (req.values as Watched[]) : before.map(() => undefined);
}

/**
 * A stream's kept buyer counts held in memory between chat batches (ingest-cache.ts), lent to one
 * transaction: read from it instead of the database, and told what the transaction writes.
 */
export interface KeptBuyersMemory {
  /** One record of a stream's kept buyers as this transaction sees it (null: none stored), when held. Never changed in place. */
  keptBuyers(streamId: string, bucket: number): KeptBuyers | null | undefined;
  /** Records just read in this transaction (undefined: none stored). */
  readKeptBuyers(read: readonly { streamId: string; bucket: number; record: KeptBuyers | undefined }[]): void;
  wroteKeptBuyers(puts: readonly KeptBuyers[], deletes: readonly (readonly [string, number])[]): void;
  /** The stream's kept figures as this transaction sees them (null: none stored), when held; a copy. */
  tallyOf(streamId: string): StreamTally | null | undefined;
  /** Figures just read in this transaction, or written by it. */
  readTally(streamId: string, tally: StreamTally | undefined): void;
  wroteTallies(tallies: readonly StreamTally[]): void;
}

const memories = new WeakMap<object, KeptBuyersMemory>();

/** Lends a memory of kept buyers to a transaction (Dexie's `tx.idbtrans`) for its writes of orders. */
export function lendKeptBuyers(trans: object, memory: KeptBuyersMemory): void {
  memories.set(trans, memory);
}

const platformOfStream = (streamId: string) => platformSchema.catch('youtube').parse(streamId.split(':')[0]);

/** What a batch of changes does to the figures of the streams it touches, and to their buyers. */
function applyChanges(
  byStream: Map<string, StreamTally>,
  kind: 'orders' | 'contracts',
  changes: readonly Change[],
): Map<string, { streamId: string; authorKey: string; by: number }> {
  const buyerMoves = new Map<string, { streamId: string; authorKey: string; by: number }>();
  const moveBuyer = (order: OrderRecord, by: number) => {
    if (by === 0) return;
    const key = `${order.streamId}\u0000${order.authorKey}`;
    const entry = buyerMoves.get(key) ?? { streamId: order.streamId, authorKey: order.authorKey, by: 0 };
    entry.by += by;
    buyerMoves.set(key, entry);
  };
  for (const { before, after } of changes) {
    if (kind === 'orders') {
      if (before) moveBuyer(before as OrderRecord, addOrder(byStream.get(before.streamId)!, before as OrderRecord, -1));
      if (after) moveBuyer(after as OrderRecord, addOrder(byStream.get(after.streamId)!, after as OrderRecord, 1));
    } else {
      if (before) addContract(byStream.get(before.streamId)!, before as ContractRecord, -1);
      if (after) addContract(byStream.get(after.streamId)!, after as ContractRecord, 1);
    }
  }
  return buyerMoves;
}

type BuyerMove = { streamId: string; authorKey: string; by: number };

/** A figure move whose writes are issued, with the promise of their completion (wrapped: a promise in a promise would be waited for). */
type Issued = { written: Promise<unknown> };

/** Per transaction, the last figure move: the next one reads the figures only once it has issued its writes. */
const turns = new WeakMap<object, Promise<unknown>>();

/**
 * Moves the figures in turn with the transaction's other moves, so writes of orders issued together (a
 * batch's new orders and its changed ones) each read the figures the one before left, and none waits for
 * the other's round trip to the database.
 */
function moveFiguresInTurn(down: DBCore, trans: DBCoreTransaction, kind: 'orders' | 'contracts', changes: readonly Change[]): Promise<unknown> {
  if (changes.length === 0) return Promise.resolve();
  const turn = (turns.get(trans) ?? Promise.resolve()).then(() => moveFigures(down, trans, kind, changes));
  turns.set(
    trans,
    turn.catch(() => undefined),
  );
  return turn.then(({ written }) => written);
}

/**
 * Applies the changes to the stored figures: resolves once their writes are issued. Written with then()
 * rather than await: Dexie keeps its transaction zone across its own promises, and the layers below read it.
 */
function moveFigures(down: DBCore, trans: DBCoreTransaction, kind: 'orders' | 'contracts', changes: readonly Change[]): Promise<Issued> {
  const tallies = down.table('tallies');
  const kept = down.table('keptBuyers');
  const memory = memories.get(trans);
  const streamIds = [...new Set(changes.flatMap(({ before, after }) => [before?.streamId, after?.streamId]).filter((id): id is string => id !== undefined))];
  let byStream: Map<string, StreamTally>;
  let moves: BuyerMove[];
  return readTallies(tallies, trans, streamIds)
    .then((stored: (StreamTally | undefined)[]) => {
      byStream = new Map(streamIds.map((id, i) => [id, stored[i] ?? emptyStreamTally(id, platformOfStream(id))]));
      moves = [...applyChanges(byStream, kind, changes).values()].filter((move) => move.by !== 0);
      return readKeptBuyers(kept, trans, moves);
    })
    .then((records: Map<string, KeptBuyers | undefined>) => {
      // new records, never the ones read: a memory may hold those
      const changed = new Map<string, KeptBuyers>();
      for (const move of moves) {
        const key = bucketKey(move.streamId, bucketOf(move.authorKey));
        let record = changed.get(key);
        if (!record) {
          const stored = records.get(key);
          record = { streamId: move.streamId, bucket: bucketOf(move.authorKey), counting: new Map(stored?.counting) };
          changed.set(key, record);
        }
        const was = record.counting.get(move.authorKey) ?? 0;
        const now = was + move.by;
        byStream.get(move.streamId)!.buyers += Number(now > 0) - Number(was > 0);
        if (now > 0) record.counting.set(move.authorKey, now);
        else record.counting.delete(move.authorKey);
      }
      const puts = [...changed.values()].filter((record) => record.counting.size > 0);
      const deletes = [...changed.entries()]
        .filter(([key, record]) => record.counting.size === 0 && records.get(key) !== undefined)
        .map(([, record]) => [record.streamId, record.bucket] as const);
      const values = [...byStream.values()].map(tidyStreamTally);
      memory?.wroteKeptBuyers(puts, deletes);
      memory?.wroteTallies(values);
      // issued together: IndexedDB runs them in turn without waiting for this side between them
      return {
        written: Promise.all([
          puts.length > 0 ? kept.mutate({ trans, type: 'put', values: puts }) : undefined,
          deletes.length > 0 ? kept.mutate({ trans, type: 'delete', keys: deletes }) : undefined,
          tallies.mutate({ trans, type: 'put', values }),
        ]),
      };
    });
}

/** The streams' kept figures, from a memory lent to the transaction where it holds them. */
function readTallies(tallies: DBCoreTable, trans: DBCoreTransaction, streamIds: readonly string[]): Promise<(StreamTally | undefined)[]> {
  const memory = memories.get(trans);
  const held = memory ? streamIds.map((streamId) => memory.tallyOf(streamId)) : [];
  if (memory && held.every((tally) => tally !== undefined)) return Promise.resolve(held.map((tally) => tally ?? undefined));
  return tallies.getMany({ trans, keys: [...streamIds] }).then((stored: (StreamTally | undefined)[]) => {
    streamIds.forEach((streamId, i) => memory?.readTally(streamId, stored[i]));
    return stored;
  });
}

const bucketKey = (streamId: string, bucket: number) => `${streamId}\u0000${bucket}`;

/** The kept buyer records the moves fall in (by bucketKey), from a memory lent to the transaction where it holds them. */
function readKeptBuyers(kept: DBCoreTable, trans: DBCoreTransaction, moves: readonly BuyerMove[]): Promise<Map<string, KeptBuyers | undefined>> {
  const memory = memories.get(trans);
  const found = new Map<string, KeptBuyers | undefined>();
  const reading = new Map<string, { streamId: string; bucket: number }>();
  for (const { streamId, authorKey } of moves) {
    const bucket = bucketOf(authorKey);
    const key = bucketKey(streamId, bucket);
    if (found.has(key) || reading.has(key)) continue;
    const held = memory?.keptBuyers(streamId, bucket);
    if (held === undefined) reading.set(key, { streamId, bucket });
    else found.set(key, held ?? undefined);
  }
  if (reading.size === 0) return Promise.resolve(found);
  const wanted = [...reading.values()];
  return kept.getMany({ trans, keys: wanted.map(({ streamId, bucket }) => [streamId, bucket]) }).then((records: (KeptBuyers | undefined)[]) => {
    memory?.readKeptBuyers(wanted.map((read, i) => ({ ...read, record: records[i] })));
    wanted.forEach(({ streamId, bucket }, i) => found.set(bucketKey(streamId, bucket), records[i]));
    return found;
  });
}

function watchedTable(down: DBCore, table: DBCoreTable, kind: 'orders' | 'contracts'): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      return recordsBefore(table, req).then((before) => {
        const after = recordsAfter(req, before);
        return table.mutate(req).then((response) => {
          const changes = before.flatMap((old, i) => (response.failures[i] || (!old && !after[i]) ? [] : [{ before: old, after: after[i] }]));
          return moveFiguresInTurn(down, req.trans, kind, changes).then(() => response);
        });
      });
    },
  };
}

export const tallyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'chot-tally',
  create: (down) => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      return name === 'orders' || name === 'contracts' ? watchedTable(down, table, name) : table;
    },
  }),
};
