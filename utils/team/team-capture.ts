import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { SHARED_TABLES, type SharedTable } from './team-records';

// What this browser writes to a shared table, handed to the team sync once its transaction commits.
// Off (one map lookup per write) until team mode is turned on; writes that apply the team's own
// changes are marked and not sent back.

export type LocalChanges = Map<SharedTable, Set<unknown>>;
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

function keysOf(table: DBCoreTable, req: DBCoreMutateRequest, response: DBCoreMutateResponse, rangeKeys: unknown[]): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return rangeKeys;
  const keys = req.keys ?? response.results ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value));
  return keys.filter((_, i) => !response.failures[i]);
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
          const keys = changes.get(name) ?? new Set();
          for (const key of keysOf(table, req, response, rangeKeys)) keys.add(key);
          changes.set(name, keys);
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
