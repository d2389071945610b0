// Compaction of an ended broadcast, measured (`npx tsx scripts/bench/team-compaction.ts`; ORDERS=10000,
// AT_ONCE=1): two desks as the background runs them (Dexie store on fake-indexeddb, sync, Hocuspocus
// connection) against the real team server. One desk reads the orders, every order is decided on one
// desk and changed on the other (AT_ONCE decisions per commit: 1 is a desk deciding one order a key
// press), the broadcast ends, the host compacts it; then both desks must show the same figures and
// history on the new generation.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTeamServer } from '../../team-server/server';
import { ChotDatabase } from '../../utils/store/db';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrders } from '../../utils/store/orders';
import { updateStream } from '../../utils/store/broadcasts';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { nodeTeamDesk, until as waitUntil } from './node-team-desk';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const AT_ONCE = Number(process.env.AT_ONCE ?? 1);
const T0 = 1_780_000_000_000;
const stream = { platform: 'youtube' as const, key: 'compact01' };
const STREAM_ID = `youtube:${stream.key}`;
const catalog = indexCatalog(EMPTY_CATALOG);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const row = (i: number) => ({
  platform: 'youtube',
  messageId: `c${i}`,
  kind: 'chat',
  authorName: `Khách ${i % 700}`,
  authorId: `UC${i % 700}`,
  text: `chốt ${(i % 9) + 1}kg 09${String(10_000_000 + i).slice(-8)}`,
  observedAt: T0 + i * 10,
});

const until = (check: () => Promise<boolean>, what: string, limitMs = 1_800_000) => waitUntil(check, what, limitMs, 200);
const desk = (url: string, role: 'host' | 'assistant', name: string, key?: string) => nodeTeamDesk(url, role, name, key, 'team-compaction');

/** What a desk shows: every order's status, the figures, and the history without local numbering. */
async function shown(db: ChotDatabase): Promise<string> {
  const orders = (await db.orders.orderBy('id').toArray()).map((order) => `${order.id} ${order.status}`);
  const history = (await db.actions.toArray()).map((action) => `${action.orderId} ${action.after.status} ${action.by} ${action.at}`).sort();
  return JSON.stringify([orders, await db.tallies.toArray(), history]);
}

const dataDir = mkdtempSync(join(tmpdir(), 'chot-team-compaction-'));
const server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });
const url = `ws://127.0.0.1:${server.port}`;
const lan = await desk(url, 'host', 'Lan');
const key = lan.service.status(null).key!;
const minh = await desk(url, 'assistant', 'Minh', key);

for (let i = 0; i < ORDERS; i += 500)
  await ingestChat(
    lan.db,
    stream,
    Array.from({ length: Math.min(500, ORDERS - i) }, (_, j) => row(i + j)),
    catalog,
    T0,
  );
await until(async () => (await minh.db.orders.count()) === ORDERS, 'the orders on the second desk');
const ids = (await lan.db.orders.toCollection().primaryKeys()) as string[];
let start = Date.now();
for (const [who, status] of [
  [lan, 'confirmed'],
  [minh, 'rejected'],
] as const) {
  for (let i = 0; i < ids.length; i += AT_ONCE) await decideOrders(who.db, ids.slice(i, i + AT_ONCE), status);
  const other = who === lan ? minh : lan;
  await until(async () => (await other.db.orders.filter((order) => order.status === status).count()) === ORDERS, `every ${status} decision on the other desk`);
}
console.log(
  `compaction: ${ORDERS} orders read, each decided on one desk and changed on the other (${AT_ONCE} a commit) in ${((Date.now() - start) / 1000).toFixed(0)} s`,
);

await updateStream(lan.db, STREAM_ID, { ended: true });
await until(async () => Boolean((await minh.db.streams.get(STREAM_ID))?.endedAt), 'the end on the second desk');
await until(async () => lan.service.status(null).waiting === 0 && minh.service.status(null).waiting === 0, 'nothing waiting');
const before = await shown(lan.db);
if (before !== (await shown(minh.db))) throw new Error('the desks differ before the compaction');
start = Date.now();
const reply = await lan.service.command({ type: 'team-compact', broadcastId: STREAM_ID });
if (!reply.ok || !reply.compacted) throw new Error(`compaction failed: ${JSON.stringify(reply)}`);
const took = Date.now() - start;
console.log(
  `compaction: the broadcast's document ${mib(reply.compacted.before)} → ${mib(reply.compacted.after)} (${((1 - reply.compacted.after / reply.compacted.before) * 100).toFixed(1)}% smaller), the host's request answered in ${took} ms (the server loads, rebuilds and stores it)`,
);
// Both desks move to the new generation; what they show must not change, and one more decision must travel.
start = Date.now();
await ingestChat(lan.db, stream, [row(ORDERS + 1)], catalog, T0);
await until(async () => Boolean(await minh.db.orders.get(`youtube:c${ORDERS + 1}`)), 'a new order on the second desk after the move');
await decideOrders(minh.db, [`youtube:c${ORDERS + 1}`], 'confirmed');
await until(async () => (await lan.db.orders.get(`youtube:c${ORDERS + 1}`))?.status === 'confirmed', 'a decision on the host after the move');
console.log(`compaction: both desks moved and a new order and its decision went both ways ${((Date.now() - start) / 1000).toFixed(0)} s after the compaction`);
const [afterLan, afterMinh] = [await shown(lan.db), await shown(minh.db)];
console.log(
  `compaction: after the move both desks show ${afterLan === afterMinh ? 'the same' : 'DIFFERENT'} statuses, figures and history (${(await lan.db.actions.count()).toLocaleString('en-US')} actions)`,
);
for (const { service } of [lan, minh]) await service.command({ type: 'team-disable' });
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(afterLan === afterMinh ? 0 : 1);
