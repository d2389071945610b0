// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoReader } from '../../utils/demo/demo-reader';
import { DEMO_STREAM } from '../../utils/demo/demo-stream';
import { DEMO_ROWS } from '../../utils/demo/demo-chat';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { readIngestReply } from '../../utils/messaging/ingest-reply';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import type { ChatReader } from '../../utils/chat-reader/chat-reader';
import { BatchRefusedError } from '../../utils/chat-reader/outbox';
import { loadYoutubeChatFixture } from './dom-fixture';
import { freshDatabase } from './test-db';
import { eventually } from './eventually';
import { countChatMessages } from '../../utils/store/chat-log';

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
let db = freshDatabase();
let reader: ChatReader | undefined;
afterEach(() => {
  reader?.stop();
  db.close();
  db = freshDatabase();
});

/** The demo page's reader wired to the real background router, as the demo page is in the extension. */
function readDemoPage(senderUrl: string) {
  const route = createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: ID,
    extensionOrigin: ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  });
  reader = startDemoReader(document, async (stream, messages) => {
    const reply = readIngestReply(
      await route({ type: 'chat-batch', stream, messages }, { id: ID, url: senderUrl, tab: { id: 4, url: senderUrl }, frameId: 0 }),
    );
    if (!reply.ok) throw reply.refused ? new BatchRefusedError(reply.reason) : new Error(reply.reason);
    return reply.ack;
  });
  return reader;
}

describe('the demo stream inside the extension', () => {
  it('the YouTube reader reads the simulated lychee chat into the demo stream, labelled as the demo', async () => {
    const chat = loadYoutubeChatFixture();
    readDemoPage(`${ORIGIN}demo.html`);
    // "Chào cả nhà…" (the host), "chốt 5kg", a question, "lấy 10 ký 0912 345 678"
    chat.add(DEMO_ROWS.slice(0, 4));
    await eventually(async () => expect(await countChatMessages(db)).toBe(4));
    expect(await db.streams.toArray()).toMatchObject([{ id: `youtube:${DEMO_STREAM.key}`, title: 'Demo — vải thiều Lục Ngạn' }]);
    const orders = await db.orders.toArray();
    expect(orders.map((order) => [order.messageId, order.totalKg]).sort()).toEqual([
      ['youtube:chot-demo-002', 5],
      ['youtube:chot-demo-004', 10],
    ]);
  });

  it('the same reader on any other extension page writes nothing', async () => {
    const chat = loadYoutubeChatFixture();
    const other = readDemoPage(`${ORIGIN}sidepanel.html`);
    chat.add(DEMO_ROWS.slice(0, 4));
    await eventually(() => expect(other.health().refused).toBeGreaterThan(0));
    expect(await countChatMessages(db)).toBe(0);
  });
});
