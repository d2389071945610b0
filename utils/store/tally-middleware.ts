import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ContractRecord, OrderRecord } from './records';
import { platformSchema } from '../platforms/platform';
import { addContract, addOrder, emptyStreamTally, tidyStreamTally, type StreamBuyer, type StreamTally } from './stream-tally';

// Every write of an order or a contract, wherever it comes from (ingest, a decision, an undo, a restore),
// moves its stream's kept figures in the same transaction. Done once here, below the table API, so no
// write path can forget it; a transaction that writes orders must include db.figureTables.

type Watched = OrderRecord | ContractRecord;
type Change = { before?: Watched; after?: Watched };

/** The records a mutation replaces or removes, read in its transaction before it runs. */
function recordsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(Watched | undefined)[]> {
  // An add replaces nothing: where its key is taken it fails, and a failed write moves no figure.
  if (req.type === 'add') return Promise.resolve(req.values.map(() => undefined));
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
  /** The stream's kept buyers as this transaction sees them, when all of them are held; else undefined. */
  buyersOf(streamId: string): ((authorKey: string) => StreamBuyer | undefined) | undefined;
  /** Every kept buyer of the stream, just read in this transaction; returns them as buyersOf would. */
  read(streamId: string, buyers: readonly StreamBuyer[]): (authorKey: string) => StreamBuyer | undefined;
  wrote(puts: readonly StreamBuyer[], deletes: readonly (readonly [string, string])[]): void;
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

/**
 * Applies the changes to the stored figures. Written with then() rather than await: Dexie keeps its
 * transaction zone across its own promises, and the layers below read it.
 */
function moveFigures(down: DBCore, trans: DBCoreTransaction, kind: 'orders' | 'contracts', changes: readonly Change[]): Promise<unknown> {
  if (changes.length === 0) return Promise.resolve();
  const tallies = down.table('tallies');
  const buyers = down.table('streamBuyers');
  const streamIds = [...new Set(changes.flatMap(({ before, after }) => [before?.streamId, after?.streamId]).filter((id): id is string => id !== undefined))];
  let byStream: Map<string, StreamTally>;
  let moves: { streamId: string; authorKey: string; by: number }[];
  return readTallies(tallies, trans, streamIds)
    .then((stored: (StreamTally | undefined)[]) => {
      byStream = new Map(streamIds.map((id, i) => [id, stored[i] ?? emptyStreamTally(id, platformOfStream(id))]));
      moves = [...applyChanges(byStream, kind, changes).values()].filter((move) => move.by !== 0);
      return readBuyers(buyers, trans, moves, (streamId) => stored[streamIds.indexOf(streamId)]?.buyers ?? 0);
    })
    .then((current: (StreamBuyer | undefined)[]) => {
      const puts: StreamBuyer[] = [];
      const deletes: unknown[] = [];
      moves.forEach((move, i) => {
        const was = current[i]?.counting ?? 0;
        const now = was + move.by;
        byStream.get(move.streamId)!.buyers += Number(now > 0) - Number(was > 0);
        if (now > 0) puts.push({ streamId: move.streamId, authorKey: move.authorKey, counting: now });
        else if (current[i]) deletes.push([move.streamId, move.authorKey]);
      });
      memories.get(trans)?.wrote(puts, deletes as [string, string][]);
      return (puts.length > 0 ? buyers.mutate({ trans, type: 'put', values: puts }) : Promise.resolve())
        .then(() => (deletes.length > 0 ? buyers.mutate({ trans, type: 'delete', keys: deletes }) : undefined))
        .then(() => {
          const values = [...byStream.values()].map(tidyStreamTally);
          memories.get(trans)?.wroteTallies(values);
          return tallies.mutate({ trans, type: 'put', values });
        });
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

/**
 * A stream's kept buyers read in one request when there are not many more of them than the batch moves
 * (a chat batch moves hundreds: one read per buyer cost more than reading them all); otherwise one by one,
 * so a batch's cost does not grow with a long stream's buyers.
 */
const WHOLE_STREAM_READ = 4;

const streamRange = (streamId: string): DBCoreKeyRange => ({
  type: 2 as DBCoreRangeType,
  lower: [streamId, -Infinity],
  upper: [streamId, [[]]],
  lowerOpen: false,
  upperOpen: false,
});

const readStream = (buyers: DBCoreTable, trans: DBCoreTransaction, streamId: string): Promise<StreamBuyer[]> =>
  buyers.query({ trans, values: true, query: { index: buyers.schema.primaryKey, range: streamRange(streamId) } }).then(({ result }) => result as StreamBuyer[]);

/** With a memory lent: a stream's kept buyers are read whole once, then answered from memory. */
function readHeldBuyers(
  buyers: DBCoreTable,
  trans: DBCoreTransaction,
  moves: readonly { streamId: string; authorKey: string }[],
  memory: KeptBuyersMemory,
): Promise<(StreamBuyer | undefined)[]> {
  const streamIds = [...new Set(moves.map((move) => move.streamId))];
  return Promise.all(
    streamIds.map((streamId) => memory.buyersOf(streamId) ?? readStream(buyers, trans, streamId).then((found) => memory.read(streamId, found))),
  ).then((lookups) => {
    const byStream = new Map(streamIds.map((streamId, i) => [streamId, lookups[i]!]));
    return moves.map((move) => byStream.get(move.streamId)!(move.authorKey));
  });
}

function readBuyers(
  buyers: DBCoreTable,
  trans: DBCoreTransaction,
  moves: readonly { streamId: string; authorKey: string }[],
  keptBuyers: (streamId: string) => number,
): Promise<(StreamBuyer | undefined)[]> {
  if (moves.length === 0) return Promise.resolve([]);
  const memory = memories.get(trans);
  if (memory) return readHeldBuyers(buyers, trans, moves, memory);
  const byStream = new Map<string, number>();
  for (const move of moves) byStream.set(move.streamId, (byStream.get(move.streamId) ?? 0) + 1);
  const whole = [...byStream].filter(([streamId, count]) => keptBuyers(streamId) <= count * WHOLE_STREAM_READ).map(([streamId]) => streamId);
  const single = moves.filter((move) => !whole.includes(move.streamId));
  return Promise.all([
    Promise.all(whole.map((streamId) => readStream(buyers, trans, streamId))),
    single.length === 0 ? [] : buyers.getMany({ trans, keys: single.map((move) => [move.streamId, move.authorKey]) }),
  ]).then(([streams, found]: [StreamBuyer[][], (StreamBuyer | undefined)[]]) => {
    const kept = new Map<string, StreamBuyer | undefined>(streams.flat().map((buyer) => [`${buyer.streamId}\u0000${buyer.authorKey}`, buyer]));
    single.forEach((move, i) => kept.set(`${move.streamId}\u0000${move.authorKey}`, found[i]));
    return moves.map((move) => kept.get(`${move.streamId}\u0000${move.authorKey}`));
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
          return moveFigures(down, req.trans, kind, changes).then(() => response);
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
