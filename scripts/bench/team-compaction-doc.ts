// The document alone (`npx tsx scripts/bench/team-compaction-doc.ts`; ORDERS=10000): the records a
// broadcast's document holds, as the store makes them (orders read from chat, each decided on one desk
// then changed on another, their actions), written as the sync writes them (writeEntries, one Yjs
// transaction per decision, two desks = two Yjs clients), then compacted as the server does.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { ChotDatabase } from '../../utils/store/db';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrders } from '../../utils/store/orders';
import { setAssistantName } from '../../utils/store/assistant-name';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { writeEntries } from '../../utils/team/team-doc';
import { compactedCopy, currentEntries } from '../../utils/team/team-compact';
import { sharedAction } from '../../utils/team/team-push';
import type { OrderRecord } from '../../utils/store/records';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const T0 = 1_780_000_000_000;
const stream = { platform: 'youtube' as const, key: 'compact01' };
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const lan = { desk: 'desk-aaaa', by: 'Lan' };
const minh = { desk: 'desk-bbbb', by: 'Minh' };

const db = new ChotDatabase(`chot-compaction-doc-${process.pid}`);
for (let i = 0; i < ORDERS; i += 500)
  await ingestChat(
    db,
    stream,
    Array.from({ length: Math.min(500, ORDERS - i) }, (_, j) => ({
      platform: 'youtube',
      messageId: `c${i + j}`,
      kind: 'chat',
      authorName: `Khách ${(i + j) % 700}`,
      authorId: `UC${(i + j) % 700}`,
      text: `chốt ${((i + j) % 9) + 1}kg 09${String(10_000_000 + i + j).slice(-8)}`,
      observedAt: T0 + (i + j) * 10,
    })),
    indexCatalog(EMPTY_CATALOG),
    T0,
  );
const read = await db.orders.toArray();
const ids = read.map((order) => order.id);

// Two desks' copies, linked as through the server.
const a = new Y.Doc();
const b = new Y.Doc();
a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
writeEntries(a, 'streams', [[(await db.streams.toArray())[0]!.id, (await db.streams.toArray())[0]]], lan, T0);
// The reader's desk writes what it reads in batches, as the sync pushes a chat batch.
for (let i = 0; i < read.length; i += 50)
  writeEntries(
    a,
    'orders',
    read.slice(i, i + 50).map((order) => [order.id, order, order.updatedAt] as const),
    lan,
    T0,
  );
let seq = 0;
for (const [doc, who, status, at] of [
  [a, lan, 'confirmed', T0 + 3_600_000],
  [b, minh, 'rejected', T0 + 7_200_000],
] as const) {
  setAssistantName(who.by);
  await decideOrders(db, ids, status, at);
  const orders = new Map((await db.orders.toArray()).map((order) => [order.id, order]));
  const actions = (await db.actions.toArray()).filter((action) => action.after.status === status);
  // One decision a key press: the order and its action, one transaction each.
  for (const action of actions) {
    const order = orders.get(action.orderId) as OrderRecord;
    doc.transact(() => {
      writeEntries(doc, 'orders', [[order.id, order, order.updatedAt]], who, at);
      writeEntries(doc, 'actions', [[`${who.desk}:${(seq += 1)}`, sharedAction(action)]], who, at);
    });
  }
}
const before = Y.encodeStateAsUpdate(a).byteLength;
const started = performance.now();
const copy = compactedCopy(a);
const after = Y.encodeStateAsUpdate(copy).byteLength;
const took = performance.now() - started;
const same = JSON.stringify(currentEntries(copy)) === JSON.stringify(currentEntries(a));
console.log(
  `compaction (document only): ${ORDERS} orders read, decided on one desk and changed on another (${seq} actions): ${mib(before)} → ${mib(after)} (${((1 - after / before) * 100).toFixed(1)}% smaller) in ${took.toFixed(0)} ms; records ${same ? 'identical' : 'DIFFERENT'}`,
);
db.close();
process.exit(same ? 0 : 1);
