import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { LeveldbPersistence } from 'y-leveldb';
import { TeamKey } from './key-check';

export interface TeamServerOptions {
  port: number;
  /** 127.0.0.1 for a server behind a TLS proxy on the same machine; 0.0.0.0 for a shop's own network. */
  host: string;
  dataDir: string;
  /** The team key; without it the first desk to connect claims the server. */
  key?: string;
  log?: (line: string) => void;
}

/** "shop" holds the buyers, products and the list of broadcasts; "broadcast:<id>" one broadcast each. */
const DOCUMENT_NAME = /^(shop|broadcast:[^\u0000-\u001f]{1,300})$/;

export interface RunningTeamServer {
  port: number;
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
    },
    async onLoadDocument({ documentName }) {
      await writes;
      return store.getYDoc(documentName);
    },
    async onChange({ documentName, update }) {
      await write(() => store.storeUpdate(documentName, update));
    },
  });
  await server.listen();
  const port = server.address.port;
  log(
    `Chốt team server on ws://${options.host}:${port} · data in ${options.dataDir}${key.claimed ? '' : ' · waiting for the host to connect with the team key'}`,
  );
  return {
    port,
    async stop() {
      // A stopped process drops its sockets; in one process (tests, a restart) they are ended by hand.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await server.destroy();
      await writes;
      await store.destroy();
    },
  };
}
