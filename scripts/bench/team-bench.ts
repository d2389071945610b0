// Team mode on loopback (run by `npm run bench -- --only=team`, or alone with `npx tsx scripts/bench/team-bench.ts`):
// three desks as the background runs them (Dexie store, sync, Hocuspocus connection) against the real
// team server. Node stands in for the browsers: IndexedDB is fake-indexeddb (slower than Chromium's) and
// WebSocket the ws package, so the times are an upper bound for the sync and store work, not for a page.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startTeamServer } from '../../team-server/server';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { nodeTeamDesk, until as waitUntil } from './node-team-desk';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const T0 = 1_780_000_000_000;
const stream = { platform: 'youtube' as const, key: 'benchlive1' };
const catalog = indexCatalog(EMPTY_CATALOG);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const row = (i: number, text: string) => ({
  platform: 'youtube',
  messageId: `b${i}`,
  kind: 'chat',
  authorName: `Khách ${i % 700}`,
  authorId: `UC${i % 700}`,
  text,
  observedAt: T0 + i * 10,
});

const until = (check: () => Promise<boolean>, what: string, limitMs = 600_000) => waitUntil(check, what, limitMs, 5);
const desk = (url: string, role: 'host' | 'assistant', name: string, key?: string) => nodeTeamDesk(url, role, name, key, 'team-bench');

async function documentSize(url: string, key: string): Promise<number> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `broadcast:youtube:${stream.key}`, document: new Y.Doc(), token: key });
  provider.attach();
  await until(async () => provider.isSynced, 'the document');
  const size = Y.encodeStateAsUpdate(provider.document).byteLength;
  provider.destroy();
  socket.destroy();
  return size;
}

export async function runTeamBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chot-team-bench-'));
  const server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });
  const url = `ws://127.0.0.1:${server.port}`;
  const heapBefore = process.memoryUsage().heapUsed;
  const a = await desk(url, 'host', 'Lan');
  const key = a.service.status(null).key!;
  const b = await desk(url, 'assistant', 'Minh', key);
  const c = await desk(url, 'assistant', 'Hoa', key);

  let start = Date.now();
  for (let i = 0; i < ORDERS; i += 500)
    await ingestChat(
      a.db,
      stream,
      Array.from({ length: 500 }, (_, j) => row(i + j, `chốt ${((i + j) % 9) + 1}kg`)),
      catalog,
      T0,
    );
  await until(async () => (await b.db.orders.count()) === ORDERS && (await c.db.orders.count()) === ORDERS, 'the orders on every desk');
  console.log(`team: ${ORDERS.toLocaleString('en-US')} orders read on one desk reach two other desks in ${((Date.now() - start) / 1000).toFixed(1)} s`);

  // Decisions on desk B while desk A reads 200 chat rows a second (one in two an order); timed until desk C has them.
  const latencies: number[] = [];
  let reading = true;
  let next = ORDERS;
  const reader = (async () => {
    while (reading) {
      const batch = Array.from({ length: 20 }, (_, j) => row(next + j, j % 2 === 0 ? 'chốt 2kg' : 'ngon quá'));
      next += 20;
      await ingestChat(a.db, stream, batch, catalog, T0);
      await sleep(100);
    }
  })();
  for (let i = 0; i < 100; i += 1) {
    const id = `youtube:b${(i * 37) % ORDERS}`;
    const status = i % 2 === 0 ? 'confirmed' : 'rejected';
    const sent = Date.now();
    await decideOrder(b.db, id, status);
    await until(async () => (await c.db.orders.get(id))?.status === status, 'a decision on desk C', 60_000);
    latencies.push(Date.now() - sent);
  }
  reading = false;
  await reader;
  console.log(
    `team: a decision on one desk is on another in p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, max ${Math.max(...latencies)} ms (100 decisions, 200 chat rows/s read meanwhile, ${(await a.db.orders.count()).toLocaleString('en-US')} orders)`,
  );

  const size = await documentSize(url, key);
  const heap = process.memoryUsage().heapUsed - heapBefore;
  start = Date.now();
  const d = await desk(url, 'assistant', 'Tú', key);
  const total = await a.db.orders.count();
  await until(async () => (await d.db.orders.count()) === total, 'the fresh desk');
  console.log(
    `team: a fresh desk joining a ${total.toLocaleString('en-US')}-order broadcast has every order in its store after ${((Date.now() - start) / 1000).toFixed(1)} s`,
  );
  console.log(
    `team: the broadcast's shared document weighs ${(size / 2 ** 20).toFixed(1)} MiB (orders, history, buyers' streams); three desks in one Node process used ${(heap / 2 ** 20).toFixed(0)} MiB more heap (about ${(heap / 3 / 2 ** 20).toFixed(0)} MiB a desk, fake-indexeddb included)`,
  );

  for (const { service } of [a, b, c, d]) await service.command({ type: 'team-disable' });
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runTeamBench();
  process.exit(0);
}
