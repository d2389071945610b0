import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { SHARED_TABLES, type SharedTable } from './team-records';

// What this browser writes to a shared table, handed to the team sync once its transaction commits: each
// record as written, so the push need not read it back (a read waits behind every transaction then open on
// its tables, on a desk reading a busy chat the ingest's). Off (one map lookup per write) until team mode is
// turned on; writes that apply the team's own changes are marked and not sent back.

/** Each changed key's record as committed (null: deleted; undefined: read it from the store when pushed). */
export type LocalChanges = Map<SharedTable, Map<unknown, unknown>>;
type Sink = (changes: LocalChanges) => void;

const sinks = new Map<string, Sink>();
const remoteTransactions = new WeakSet<object>();
const pending = new WeakMap<object, LocalChanges>();
const shared = new Set<string>(SHARED_TABLES);

/** Starts (or, with null, stops) handing one database's local changes to the team sync. */
export function setTeamSink(databaseName: string, sink: Sink | null): void {
  if (sink) sinks.set(databaseName, sink);
  else sinks.delete(databaseName);
}

/** Marks a transaction as applying the team's changes (Dexie's `tx.idbtrans`). */
export function markRemoteTransaction(trans: object): void {
  remoteTransactions.add(trans);
}

/** The keys a request changed and each one's record as written (null: deleted). */
function writesOf(table: DBCoreTable, req: DBCoreMutateRequest, response: DBCoreMutateResponse, rangeKeys: unknown[]): [unknown, unknown][] {
  if (req.type === 'delete') return req.keys.map((key) => [key, null]);
  if (req.type === 'deleteRange') return rangeKeys.map((key) => [key, null]);
  const { keyPath, extractKey } = table.schema.primaryKey;
  const keys = req.keys ?? response.results ?? req.values.map((value) => extractKey!(value));
  return keys.flatMap((key, i) => {
    if (response.failures[i]) return [];
    // A copy: the caller's object may change after the commit. An added action gets its key here.
    const value = structuredClone(req.values[i]) as Record<string, unknown>;
    if (typeof keyPath === 'string' && value[keyPath] === undefined) value[keyPath] = key;
    return [[key, value]];
  });
}

function captured(databaseName: string, name: SharedTable, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (!sinks.has(databaseName) || remoteTransactions.has(req.trans)) return table.mutate(req);
      const before =
        req.type === 'deleteRange'
          ? table
              .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
              .then(({ result }) => result as unknown[])
          : Promise.resolve([]);
      return before.then((rangeKeys) =>
        table.mutate(req).then((response) => {
          let changes = pending.get(req.trans);
          if (!changes) {
            const fresh: LocalChanges = new Map();
            pending.set(req.trans, (changes = fresh));
            (req.trans as unknown as IDBTransaction).addEventListener('complete', () => sinks.get(databaseName)?.(fresh));
          }
          const written = changes.get(name) ?? new Map<unknown, unknown>();
          // The last write of a key in the transaction is what it commits.
          for (const [key, value] of writesOf(table, req, response, rangeKeys)) written.set(key, value);
          changes.set(name, written);
          return response;
        }),
      );
    },
  };
}

export const teamCaptureMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'chot-team-capture',
  create: (down) => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      return shared.has(name) ? captured(down.schema.name, name as SharedTable, table) : table;
    },
  }),
};
