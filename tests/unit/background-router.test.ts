import { afterEach, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { createBackgroundRouter, type MessageSender, type RouterDeps } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { loadSettings } from '../../utils/store/settings';
import { exportCatalog } from '../../utils/store/catalog';
import { freshDatabase, chatRow } from './test-db';
import { readerHealth } from './reader-health';
import { DEMO_MESSAGE_PREFIX, DEMO_STREAM } from '../../utils/demo/demo-stream';
import { countChatMessages } from '../../utils/store/chat-log';

let db = freshDatabase();
let health = new HealthRegistry();
afterEach(() => {
  db.close();
  db = freshDatabase();
  health = new HealthRegistry();
});

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const YT_CHAT = 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345';
const route = (team?: RouterDeps['team']) =>
  createBackgroundRouter({ db, health, extensionId: ID, extensionOrigin: ORIGIN, catalog: new CatalogCache(db), watchers: new OnAirWatchers(), team });
const youtube = { platform: 'youtube', key: 'vid12345' } as const;
const batch = (messages: unknown[], stream: Record<string, string> = youtube) => ({ type: 'chat-batch', stream, messages });
const from = (url: string, tabId = 7): MessageSender => ({ id: ID, url, tab: { id: tabId, url }, frameId: 0 });
const panel = from(`${ORIGIN}sidepanel.html`);

describe('background router: chat', () => {
  it('stores chat from a live chat frame under the stream it claims', async () => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')], { ...youtube, title: 'Vải thiều' }), from(YT_CHAT));
    expect(reply).toEqual({ ok: true, stored: 1, duplicates: 0, invalid: 0 });
    expect(await db.streams.get('youtube:vid12345')).toMatchObject({ title: 'Vải thiều', broadcastId: 'youtube:vid12345' });
  });

  it.each([
    ['the host view on studio.youtube.com', 'https://studio.youtube.com/live_chat?v=vid12345', youtube, 'youtube'],
    ['a TikTok live', 'https://www.tiktok.com/@vuonvai/live', { platform: 'tiktok', key: '@vuonvai/2026-11-26' }, 'tiktok'],
    ['a Facebook live video', 'https://www.facebook.com/vuonvai/videos/1234567890', { platform: 'facebook', key: '1234567890' }, 'facebook'],
    ['Facebook Watch live', 'https://www.facebook.com/watch/live/?v=1234567890', { platform: 'facebook', key: '1234567890' }, 'facebook'],
  ])('accepts %s', async (_name, url, stream, platform) => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg', { platform })], stream), from(url));
    expect(reply).toMatchObject({ ok: true, stored: 1 });
  });

  it.each([
    ['a replay', 'https://www.youtube.com/live_chat_replay?v=vid12345'],
    ['a watch page', 'https://www.youtube.com/watch?v=vid12345'],
    ['another site', 'https://evil.example/live_chat?v=vid12345'],
    ['plain http', 'http://www.youtube.com/live_chat?v=vid12345'],
    ['no video id', 'https://www.youtube.com/live_chat'],
    ['a TikTok live claimed as YouTube', 'https://www.tiktok.com/@vuonvai/live'],
    ['a Facebook feed page', 'https://www.facebook.com/'],
    ['an extension page', `${ORIGIN}sidepanel.html`],
  ])('refuses chat from %s', async (_name, url) => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')]), from(url));
    expect(reply).toEqual({ ok: false, error: 'not a supported live chat page' });
    expect(await countChatMessages(db)).toBe(0);
  });

  it('refuses messages from other extensions', async () => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')]), { ...from(YT_CHAT), id: 'someone-else' });
    expect(reply).toMatchObject({ ok: false });
    expect(await countChatMessages(db)).toBe(0);
  });

  it('refuses oversized batches and malformed stream claims whole', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => chatRow(`m${i}`, 'chốt 1kg'));
    expect(await route()(batch(rows), from(YT_CHAT))).toMatchObject({ ok: false });
    expect(await route()(batch([chatRow('m1', 'chốt 1kg')], { platform: 'youtube', key: '<script>' }), from(YT_CHAT))).toMatchObject({ ok: false });
    expect(await countChatMessages(db)).toBe(0);
  });
});

describe('background router: the built-in demo stream', () => {
  const demoPage = (url = `${ORIGIN}demo.html`): MessageSender => ({ id: ID, url, tab: { id: 9, url }, frameId: 0 });
  const demoRow = (n: number, text: string) => chatRow(`${DEMO_MESSAGE_PREFIX}${n}`, text);

  it("takes chat from the extension's own demo page into the demo stream, always labelled as the demo", async () => {
    const reply = await route()(batch([demoRow(1, 'chốt 5kg')], { ...DEMO_STREAM, title: 'Vải thiều thật' }), demoPage(`${ORIGIN}demo.html?speed=10#chat`));
    expect(reply).toEqual({ ok: true, stored: 1, duplicates: 0, invalid: 0 });
    expect(await db.streams.get(`youtube:${DEMO_STREAM.key}`)).toMatchObject({ title: DEMO_STREAM.title, host: DEMO_STREAM.host });
    expect(await db.orders.get(`youtube:${DEMO_MESSAGE_PREFIX}1`)).toMatchObject({ streamId: `youtube:${DEMO_STREAM.key}`, totalKg: 5 });
  });

  it('refuses the demo page writing to any other stream', async () => {
    for (const stream of [youtube, { platform: 'tiktok', key: DEMO_STREAM.key }, { platform: 'youtube', key: 'chot-demo:other' }]) {
      expect(await route()(batch([demoRow(1, 'chốt 5kg')], stream), demoPage())).toMatchObject({ ok: false });
    }
    expect(await countChatMessages(db)).toBe(0);
  });

  it.each([
    ['a web page at the same path', 'https://evil.example/demo.html'],
    ['a YouTube page at the same path', 'https://www.youtube.com/demo.html'],
    ['a YouTube live chat frame', YT_CHAT],
    ["another extension's demo page", 'chrome-extension://someoneelse/demo.html'],
    ['a host that only starts like the extension', `chrome-extension://${ID}.evil.example/demo.html`],
    ['another page of the extension', `${ORIGIN}sidepanel.html`],
    ['a page whose path only starts like the demo', `${ORIGIN}demo.html.evil`],
    ['a page in a folder named like it', `${ORIGIN}x/demo.html`],
  ])('refuses the demo stream from %s', async (_name, url) => {
    const reply = await route()(batch([demoRow(1, 'chốt 5kg')], DEMO_STREAM), demoPage(url));
    expect(reply).toMatchObject({ ok: false });
    expect(await countChatMessages(db)).toBe(0);
  });

  it("refuses the demo page's chat when it is sent by another extension", async () => {
    expect(await route()(batch([demoRow(1, 'chốt 5kg')], DEMO_STREAM), { ...demoPage(), id: 'someone-else' })).toMatchObject({ ok: false });
    expect(await countChatMessages(db)).toBe(0);
  });

  it('gives the demo page no other right of a chat page (health reports, badge decisions)', async () => {
    const report = readerHealth({ streamKey: DEMO_STREAM.key });
    expect(await route()({ type: 'reader-health', health: report }, demoPage())).toMatchObject({ ok: false });
    expect(await route()({ type: 'frame-page' }, demoPage())).toMatchObject({ ok: false });
    expect(health.list()).toEqual([]);
  });
});

describe('background router: YouTube chat frames name their stream by their tab', () => {
  const TOKEN = '0ofMyANpGhhVQ2xpdmVfY2hhdF9jb250aW51YXRpb24yAggE';
  const inTab = (frameUrl: string, tabUrl: string | undefined): MessageSender => ({
    id: ID,
    url: frameUrl,
    tab: { id: 7, ...(tabUrl ? { url: tabUrl } : {}) },
    frameId: 3,
  });

  it.each([
    ['the chat beside the video', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/watch?v=vid12345&t=30s'],
    ['a /live/ page', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/live/vid12345'],
    ['Studio, same origin', `https://studio.youtube.com/live_chat?continuation=${TOKEN}`, 'https://studio.youtube.com/video/vid12345/livestreaming'],
    [
      'Studio around a www.youtube.com frame',
      `https://www.youtube.com/live_chat?continuation=${TOKEN}&authuser=0`,
      'https://studio.youtube.com/video/vid12345/livestreaming',
    ],
    ['a popout, by its own v=', 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345', 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345'],
  ])('accepts %s', async (_name, frameUrl, tabUrl) => {
    expect(await route()(batch([chatRow('m1', 'chốt 2kg')]), inTab(frameUrl, tabUrl))).toMatchObject({ ok: true, stored: 1 });
  });

  it.each([
    ['a video the tab does not show', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/watch?v=other9999'],
    ['a chat frame embedded on another site', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://evil.example/watch?v=vid12345'],
    ['a popout-style frame (its own v=) hidden on another site', 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345', 'https://evil.example/'],
    ['a popout-style frame on another site that names the video', 'https://www.youtube.com/live_chat?v=vid12345', 'https://evil.example/watch?v=vid12345'],
    ['a popout-style frame whose tab is unknown', 'https://www.youtube.com/live_chat?v=vid12345', undefined],
    ['a chat frame whose tab is unknown', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, undefined],
    ['a replay beside the video', `https://www.youtube.com/live_chat_replay?continuation=${TOKEN}`, 'https://www.youtube.com/watch?v=vid12345'],
    ['a chat frame without a token', 'https://www.youtube.com/live_chat', 'https://www.youtube.com/watch?v=vid12345'],
    ['the watch page itself', 'https://www.youtube.com/watch?v=vid12345', 'https://www.youtube.com/watch?v=vid12345'],
  ])('refuses %s', async (_name, frameUrl, tabUrl) => {
    expect(await route()(batch([chatRow('m1', 'chốt 2kg')]), inTab(frameUrl, tabUrl))).toMatchObject({ ok: false });
    expect(await countChatMessages(db)).toBe(0);
  });

  it('tells a chat frame its page, and no one else', async () => {
    const frame = `https://www.youtube.com/live_chat?continuation=${TOKEN}`;
    const studio = 'https://studio.youtube.com/video/vid12345/livestreaming';
    expect(await route()({ type: 'frame-page' }, inTab(frame, studio))).toEqual({ ok: true, pageUrl: studio });
    expect(await route()({ type: 'frame-page' }, inTab(frame, 'https://evil.example/'))).toMatchObject({ ok: false });
    expect(
      await route()({ type: 'frame-page' }, inTab('https://www.facebook.com/vuonvai/videos/1234567890', 'https://www.facebook.com/vuonvai/videos/1234567890')),
    ).toMatchObject({ ok: false });
    expect(await route()({ type: 'frame-page' }, { ...inTab(frame, studio), id: 'someone-else' })).toMatchObject({ ok: false });
  });

  it('withdraws an order only for the stream the frame belongs to', async () => {
    const frame = inTab(`https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/watch?v=vid12345');
    await route()(batch([chatRow('m1', 'chốt 2kg')]), frame);
    const withdraw = { platform: 'youtube', messageId: 'm1', kind: 'withdrawn', observedAt: 1_780_000_000_000 };
    expect(await route()(batch([withdraw], { platform: 'youtube', key: 'other9999' }), frame)).toMatchObject({ ok: false });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'pending' });
    expect(await route()(batch([withdraw]), frame)).toMatchObject({ ok: true });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'withdrawn' });
  });
});

describe('background router: health', () => {
  const report = readerHealth({
    rowsSeen: 4,
    rowsSent: 4,
    rowsStored: 4,
    skipped: { 'empty-text': 1 },
    lastRowAt: 1_780_000_000_000,
    warnings: [{ kind: 'filtered-chat', detail: 'Top chat' }],
  });

  it('keeps what each reading tab reports and gives it to the panel', async () => {
    expect(await route()({ type: 'reader-health', health: report }, from(YT_CHAT, 3))).toEqual({ ok: true });
    const reply = await route()({ type: 'get-health' }, panel);
    expect(reply).toMatchObject({ ok: true, tabs: [{ tabId: 3, frameId: 0, url: YT_CHAT, rowsSeen: 4, warnings: [{ kind: 'filtered-chat' }] }] });
  });

  it('refuses reports from pages that are not live chats, and malformed ones', async () => {
    expect(await route()({ type: 'reader-health', health: report }, from('https://www.youtube.com/watch?v=vid12345'))).toMatchObject({ ok: false });
    expect(await route()({ type: 'reader-health', health: { ...report, rowsSeen: -1 } }, from(YT_CHAT))).toMatchObject({ ok: false });
    expect(health.list()).toEqual([]);
  });
});

describe('background router: panel commands', () => {
  it('takes them only from extension pages', async () => {
    await route()(batch([chatRow('m1', 'chốt 2kg')]), from(YT_CHAT));
    expect(await route()({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' }, from(YT_CHAT))).toMatchObject({ ok: false });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('pending');
    expect(await route()({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' }, panel)).toEqual({ ok: true });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('confirmed');
  });

  it("runs an assistant's decisions, edits and undo ahead of the team's changes waiting to be applied", async () => {
    await route()(batch([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg', { authorName: 'Minh' })]), from(YT_CHAT));
    const madeWay: string[] = [];
    const team = {
      command: async () => ({ ok: true as const }),
      // notes which command it was handed, and whether the store had the decision before or after it ran
      makeWayFor: async <T>(command: () => Promise<T>) => {
        const before = (await db.orders.get('youtube:m1'))?.status;
        const result = await command();
        madeWay.push(`${before} → ${(await db.orders.get('youtube:m1'))?.status}`);
        return result;
      },
    };
    const router = route(team);
    expect(await router({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' }, panel)).toEqual({ ok: true });
    expect(await router({ type: 'undo' }, panel)).toMatchObject({ ok: true });
    expect(await router({ type: 'decide-orders', orderIds: ['youtube:m1', 'youtube:m2'], status: 'rejected' }, panel)).toMatchObject({ ok: true });
    expect(await router({ type: 'edit-order', orderId: 'youtube:m2', edit: { item: 0, quantity: 4 } }, panel)).toMatchObject({ ok: true });
    // settings are no decision: they wait their turn
    expect(await router({ type: 'set-language', language: 'en' }, panel)).toEqual({ ok: true });
    expect(madeWay).toEqual(['pending → confirmed', 'confirmed → pending', 'pending → rejected', 'rejected → rejected']);
  });

  it('validates them', async () => {
    expect(await route()({ type: 'decide-order', orderId: 'x', status: 'cancelled' }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'set-language', language: 'fr' }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'set-language', language: 'en' }, panel)).toEqual({ ok: true });
    expect(await loadSettings(db)).toMatchObject({ language: 'en', repeatWindowSeconds: 120, pinnedProduct: null, contractThresholdKg: 1000 });
  });

  it('joins and separates streams of one broadcast', async () => {
    await route()(batch([chatRow('m1', 'chốt 2kg')]), from(YT_CHAT));
    await route()(
      batch([chatRow('f1', 'chốt 3kg', { platform: 'facebook' })], { platform: 'facebook', key: '1234567890' }),
      from('https://www.facebook.com/watch/live/?v=1234567890'),
    );
    expect(await route()({ type: 'join-stream', broadcastId: 'youtube:vid12345', streamId: 'facebook:1234567890' }, panel)).toEqual({ ok: true });
    expect((await db.streams.get('facebook:1234567890'))?.broadcastId).toBe('youtube:vid12345');
    expect(await route()({ type: 'join-stream', broadcastId: 'youtube:vid12345', streamId: 'facebook:1234567890' }, panel)).toEqual({
      ok: false,
      error: 'same-broadcast',
    });
    expect(await route()({ type: 'split-stream', streamId: 'facebook:1234567890' }, panel)).toEqual({ ok: true });
    expect((await db.streams.get('facebook:1234567890'))?.broadcastId).toBe('facebook:1234567890');
  });
});

describe('background router: the product catalog', () => {
  const v1 = { code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10 }, stockKg: 500 };

  it('reads new chat with the catalog once a product is saved and pinned', async () => {
    expect(await route()({ type: 'save-product', product: v1 }, panel)).toEqual({ ok: true });
    expect(await route()({ type: 'pin-product', code: 'V1' }, panel)).toEqual({ ok: true });
    const router = route();
    await router(batch([chatRow('m1', 'chốt 2 thùng'), chatRow('m2', 'chốt 3', { authorName: 'Minh' })]), from(YT_CHAT));
    expect((await db.orders.toArray()).map((o) => [o.items[0]?.product, o.totalKg])).toEqual([
      ['V1', 20],
      ['V1', 3],
    ]);
  });

  it('names each problem of a bad product at its field and saves nothing', async () => {
    const reply = await route()({ type: 'save-product', product: { ...v1, code: 'V 1!', packages: { thùng: -5 } } }, panel);
    expect(reply).toMatchObject({ ok: false, error: 'invalid-product' });
    expect((reply as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual(['code', 'packages.thùng']);
    await route()({ type: 'save-product', product: v1 }, panel);
    const duplicate = await route()({ type: 'save-product', product: { ...v1, code: 'v1', name: 'Khác' } }, panel);
    expect(duplicate).toMatchObject({ ok: false, issues: [{ path: 'code', message: 'duplicate product code "v1"' }] });
    const unit = await route()({ type: 'save-product', product: { ...v1, code: 'V2', defaultUnit: 'sọt' } }, panel);
    expect(unit).toMatchObject({ ok: false, issues: [{ path: 'defaultUnit' }] });
    expect((await db.products.toArray()).map((p) => p.code)).toEqual(['V1']);
  });

  it('imports a catalog file all or nothing', async () => {
    await route()({ type: 'save-product', product: v1 }, panel);
    const bad = await route()({ type: 'import-catalog', json: '{"products": [{"code": "X"}' }, panel);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
    const invalid = await route()(
      {
        type: 'import-catalog',
        json: JSON.stringify({
          products: [
            { code: 'A', name: 'A' },
            { code: 'a', name: 'B' },
          ],
        }),
      },
      panel,
    );
    expect(invalid).toMatchObject({ ok: false, error: expect.stringContaining('duplicate product code') });
    expect((await db.products.toArray()).map((p) => p.code)).toEqual(['V1']);
    const good = { products: [{ code: 'UH', name: 'Vải u hồng', defaultUnit: 'kg', aliases: ['u hồng'], packages: { box: 5 } }], defaultProduct: 'UH' };
    expect(await route()({ type: 'import-catalog', json: JSON.stringify(good) }, panel)).toEqual({ ok: true });
    expect((await db.products.toArray()).map((p) => p.code)).toEqual(['UH']);
    expect((await loadSettings(db)).pinnedProduct).toBe('UH');
  });

  it('exports what it imports', async () => {
    const file = {
      products: [{ code: 'UH', name: 'Vải u hồng', defaultUnit: 'kg', aliases: ['u hồng'], packages: { box: 5 }, stockKg: 100 }],
      defaultProduct: 'UH',
    };
    await route()({ type: 'import-catalog', json: JSON.stringify(file) }, panel);
    expect(JSON.parse(await exportCatalog(db))).toEqual(file);
  });
});

describe('background router: goals', () => {
  it('sets and clears a broadcast goal, and refuses a bad one', async () => {
    await route()(batch([chatRow('m1', 'chốt 2kg')]), from(YT_CHAT));
    expect(await route()({ type: 'set-goal', broadcastId: 'youtube:vid12345', goalKg: 54_000 }, panel)).toEqual({ ok: true });
    expect((await db.streams.get('youtube:vid12345'))?.goalKg).toBe(54_000);
    expect(await route()({ type: 'set-goal', broadcastId: 'youtube:vid12345', goalKg: -5 }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'set-goal', broadcastId: 'youtube:vid12345', goalKg: null }, panel)).toEqual({ ok: true });
    expect((await db.streams.get('youtube:vid12345'))?.goalKg).toBeUndefined();
  });
});

describe('background router: settings', () => {
  it('saves the repeat window and contract threshold, refusing values out of range', async () => {
    expect(await route()({ type: 'save-settings', changes: { repeatWindowSeconds: 300, contractThresholdKg: 500 } }, panel)).toEqual({ ok: true });
    expect(await loadSettings(db)).toMatchObject({ repeatWindowSeconds: 300, contractThresholdKg: 500 });
    expect(await route()({ type: 'save-settings', changes: { repeatWindowSeconds: 99_999 } }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'save-settings', changes: { contractThresholdKg: 0 } }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await loadSettings(db)).toMatchObject({ repeatWindowSeconds: 300, contractThresholdKg: 500 });
  });
});
