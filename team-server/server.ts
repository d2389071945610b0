import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import { TeamKey } from './key-check';
import { compactedCopy } from '../utils/team/team-compact';
import {
  broadcastDocName,
  compactRequestSchema,
  generationName,
  GENERATIONS_MAP,
  INDEX_DOC,
  parseGenerationName,
  SHOP_DOC,
  SUPERSEDED,
  type CompactReply,
} from '../utils/team/team-records';

export interface TeamServerOptions {
  port: number;
  /** 127.0.0.1 for a server behind a TLS proxy on the same machine; 0.0.0.0 for a shop's own network. */
  host: string;
  dataDir: string;
  /** The team key; without it the first desk to connect claims the server. */
  key?: string;
  log?: (line: string) => void;
}

/**
 * "shop" holds the buyers, products and the list of broadcasts; "index" the list alone (what a joining desk
 * needs first); "broadcast:<id>" one broadcast each ("#n" once compacted).
 */
const DOCUMENT_NAME = /^(shop|index|broadcast:[^\u0000-\u001f]{1,300})$/;
/** Where the current generation of each compacted document is kept (y-leveldb metadata; no desk can open this name). */
const GENERATIONS_META = 'chot:generations';

/** A refusal whose reason reaches the desk (Hocuspocus sends `reason`, else "permission-denied"). */
const refusal = (reason: string) => Object.assign(new Error(reason), { reason });

export interface RunningTeamServer {
  port: number;
  /** Rebuilds a broadcast's document as a new generation holding only its current records. */
  compact(broadcastId: string): Promise<CompactReply>;
  stop(): Promise<void>;
}

/**
 * Hocuspocus with its documents kept in LevelDB (y-leveldb): every update is appended as it arrives, one
 * document at a time in order, so a stop or a crash loses at most the update being written.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(options.dataDir, { recursive: true });
  const key = new TeamKey(options.dataDir, options.key);
  const store = new LeveldbPersistence(join(options.dataDir, 'documents'));
  let writes: Promise<unknown> = Promise.resolve();
  const write = (task: () => Promise<unknown>) => (writes = writes.then(task, task));
  // The current generation of each document a desk asked for (read from the disk once, at its first connection).
  const generations = new Map<string, number>();
  const generationOf = async (name: string) => {
    if (!generations.has(name)) generations.set(name, Number((await store.getMeta(GENERATIONS_META, name)) ?? 1));
    return generations.get(name)!;
  };
  /** An old generation's name: refused, and nothing sent to it is kept. */
  const superseded = (documentName: string) => {
    const { name, generation } = parseGenerationName(documentName);
    return generation < (generations.get(name) ?? 1);
  };

  const server = new Server({
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, documentName }) {
      if (!DOCUMENT_NAME.test(documentName)) throw new Error('unknown document');
      const verdict = key.check(token);
      if (verdict === 'refused') throw new Error('wrong team key');
      if (verdict === 'claimed') log('team key set by the first desk that connected (kept as its SHA-256 in the data folder)');
      const { name, generation } = parseGenerationName(documentName);
      if (generationName(name, generation) !== documentName || (!name.startsWith('broadcast:') && generation > 1)) throw refusal('unknown document');
      const current = await generationOf(name);
      // A desk still on an old generation is told which is current; it then opens that one.
      if (generation < current) throw refusal(`${SUPERSEDED} ${generationName(name, current)}`);
      if (generation > current) throw refusal('unknown document');
    },
    async beforeHandleMessage({ documentName }) {
      if (superseded(documentName)) throw refusal(SUPERSEDED);
    },
    async onLoadDocument({ documentName }) {
      await writes;
      return store.getYDoc(documentName);
    },
    async onChange({ documentName, update }) {
      if (superseded(documentName)) return;
      await write(() => store.storeUpdate(documentName, update));
    },
    async onStateless({ connection, documentName, payload }) {
      if (documentName !== SHOP_DOC) return;
      let request;
      try {
        request = compactRequestSchema.safeParse(JSON.parse(payload));
      } catch {
        return;
      }
      if (!request.success) return;
      const reply = await compact(request.data.broadcastId);
      connection.sendStateless(JSON.stringify(reply));
    },
  });

  let compactions: Promise<unknown> = Promise.resolve();
  /**
   * The broadcast's current records, copied into a fresh document stored under the next generation's
   * name. The old name is refused from the first step, so no update reaches it while it is copied; the
   * index and the shop's document then tell every desk, and each moves over (carrying what it had not sent).
   */
  const compactNow = async (broadcastId: string): Promise<CompactReply> => {
    const name = broadcastDocName(broadcastId);
    const failed = (error: string): CompactReply => ({ type: 'compacted', broadcastId, ok: false, error });
    if (!DOCUMENT_NAME.test(name)) return failed('unknown document');
    const current = await generationOf(name);
    const oldName = generationName(name, current);
    const newName = generationName(name, current + 1);
    generations.set(name, current + 1);
    try {
      server.hocuspocus.closeConnections(oldName);
      await writes;
      const old = await store.getYDoc(oldName);
      const loaded = server.hocuspocus.documents.get(oldName);
      if (loaded) Y.applyUpdate(old, Y.encodeStateAsUpdate(loaded));
      if (old.share.size === 0) throw new Error('unknown broadcast');
      const update = Y.encodeStateAsUpdate(compactedCopy(old));
      const before = Y.encodeStateAsUpdate(old).byteLength;
      await write(() => store.storeUpdate(newName, update));
      await writes;
      await store.setMeta(GENERATIONS_META, name, current + 1);
      // In the index (read first by desks) and in the shop's document (all that older desks read).
      for (const listing of [INDEX_DOC, SHOP_DOC]) {
        const connection = await server.hocuspocus.openDirectConnection(listing);
        await connection.transact((doc) => doc.getMap<number>(GENERATIONS_MAP).set(broadcastId, current + 1));
        await connection.disconnect();
      }
      await write(() => store.clearDocument(oldName));
      log(`compacted ${oldName} into ${newName}: ${before} → ${update.byteLength} bytes`);
      return { type: 'compacted', broadcastId, ok: true, generation: current + 1, before, after: update.byteLength };
    } catch (error) {
      generations.set(name, current);
      return failed(error instanceof Error ? error.message : String(error));
    }
  };
  const compact = (broadcastId: string) => {
    const run = compactions.then(() => compactNow(broadcastId));
    compactions = run.catch(() => undefined);
    return run;
  };
  await server.listen();
  const port = server.address.port;
  log(
    `Chốt team server on ws://${options.host}:${port} · data in ${options.dataDir}${key.claimed ? '' : ' · waiting for the host to connect with the team key'}`,
  );
  return {
    port,
    compact,
    async stop() {
      // A stopped process drops its sockets; in one process (tests, a restart) they are ended by hand.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await server.destroy();
      await writes;
      await store.destroy();
    },
  };
}
