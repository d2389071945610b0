import { afterEach, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { createBackgroundRouter, type MessageSender } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrders } from '../../utils/store/orders';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { loadSettings, saveSettings } from '../../utils/store/settings';
import { setGoal } from '../../utils/store/broadcasts';
import { buildOnAirSnapshot } from '../../utils/on-air/snapshot';
import { onAirName } from '../../utils/on-air/on-air-name';
import { keepBadges, type OrderBadge } from '../../utils/on-air/kept-badges';
import { publishOnAir, type OnAirPort } from '../../utils/on-air/on-air-publisher';
import { BADGES_SENT, onAirSnapshotSchema, type OnAirSnapshot } from '../../utils/on-air/snapshot-schema';
import { freshDatabase, chatRow } from './test-db';
import { eventually } from './eventually';

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const ID = 'chotextensionid';
const YT_CHAT = 'https://www.youtube.com/live_chat?is_popout=1&v=air12345';
let watchers = new OnAirWatchers();
const route = () =>
  createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    catalog: new CatalogCache(db),
    watchers,
  });
const from = (url: string): MessageSender => ({ id: ID, url, tab: { id: 3, url }, frameId: 0 });
const stream = { platform: 'youtube', key: 'air12345' } as const;
const catalog = indexCatalog(EMPTY_CATALOG);

async function seed() {
  await ingestChat(
    db,
    stream,
    [
      chatRow('m1', 'chốt 5kg 0912345678 địa chỉ 12 Lê Lợi, Hà Nội', { authorName: 'Nguyễn Thị Lan' }),
      chatRow('m2', 'lấy 2 tạ', { authorName: 'John Smith' }),
      chatRow('m3', 'lấy 2 tạ', { authorName: 'John Smith' }),
    ],
    catalog,
  );
}

describe('names on air', () => {
  it.each([
    ['Nguyễn Thị Lan', 'Lan'],
    ['Tran Van Hung', 'Hung'],
    ['John Smith', 'John'],
    ['vuonvai_lucngan', 'vuonvai_lucngan'],
    ['  Lê   Minh  ', 'Minh'],
    ['Phí Long', 'Long'],
    ['Tổng Thị Hằng', 'Hằng'],
    ['Maria José García', 'Maria'],
  ])('%s → %s', (name, shown) => {
    expect(onAirName(name, false)).toBe(shown);
  });

  it('shows the full name only when chosen', () => {
    expect(onAirName('Nguyễn Thị Lan', true)).toBe('Nguyễn Thị Lan');
  });
});

describe('on-air snapshot', () => {
  it('has the tally, the goal and badges by row id, and never a phone, an address or a full name', async () => {
    await seed();
    await setGoal(db, 'youtube:air12345', 1000);
    const snapshot = await buildOnAirSnapshot(db, 'youtube:air12345');
    expect(onAirSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({ enabled: true, badges: true, pendingKg: 405, confirmedKg: 0, goalKg: 1000, orders: 3 });
    expect(snapshot.latest.map((order) => order.name)).toEqual(['John', 'John', 'Lan']);
    expect(snapshot.orderBadges.map((badge) => [badge.messageId, badge.kg, badge.possibleRepeat])).toEqual([
      ['m3', 200, true],
      ['m2', 200, false],
      ['m1', 5, false],
    ]);
    const text = JSON.stringify(snapshot);
    for (const secret of ['0912345678', '345678', 'Lê Lợi', 'Nguyễn', 'Smith', 'chốt 5kg']) expect(text).not.toContain(secret);
  });

  it('follows the settings: a site turned off, full names turned on', async () => {
    await seed();
    const { onAir } = await loadSettings(db);
    await saveSettings(db, { onAir: { ...onAir, fullNames: true, sites: { ...onAir.sites, youtube: false } } });
    const snapshot = await buildOnAirSnapshot(db, 'youtube:air12345');
    expect(snapshot.enabled).toBe(false);
    expect(snapshot.latest.at(-1)!.name).toBe('Nguyễn Thị Lan');
    expect(JSON.stringify(snapshot)).not.toContain('0912345678');
  });
});

describe('on-air messages from chat pages', () => {
  it('lets a badge on a chat page decide an order of its own platform only', async () => {
    await seed();
    watchers = new OnAirWatchers();
    watchers.watch(3, 0, 'youtube:air12345'); // the overlay of tab 3 shows this stream
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m1', status: 'confirmed' }, from(YT_CHAT))).toEqual({ ok: true });
    expect((await db.orders.get('youtube:m1'))!.status).toBe('confirmed');
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m2', status: 'confirmed' }, from('https://www.tiktok.com/@shop/live'))).toMatchObject({
      ok: false,
    });
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m2', status: 'confirmed' }, from('https://evil.example/'))).toMatchObject({ ok: false });
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m2', status: 'cancelled' }, from(YT_CHAT))).toMatchObject({ ok: false });
    expect((await db.orders.get('youtube:m2'))!.status).toBe('pending');
  });

  it('refuses a badge decision for an order of another stream than the one the page shows', async () => {
    await seed();
    await ingestChat(db, { platform: 'youtube', key: 'other999' }, [chatRow('x1', 'chốt 9kg')], catalog);
    watchers = new OnAirWatchers();
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m1', status: 'confirmed' }, from(YT_CHAT))).toMatchObject({ ok: false }); // no overlay known
    watchers.watch(3, 0, 'youtube:air12345');
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:x1', status: 'confirmed' }, from(YT_CHAT))).toEqual({
      ok: false,
      error: "the order is not of this page's stream",
    });
    expect((await db.orders.get('youtube:x1'))!.status).toBe('pending');
    expect(await route()({ type: 'on-air-decide', orderId: 'youtube:m1', status: 'confirmed' }, { ...from(YT_CHAT), frameId: 7 })).toMatchObject({ ok: false }); // another frame
  });

  it('remembers where the ticker was left, per site', async () => {
    const placement = { x: 0.7, y: 0.2, collapsed: true, hidden: false };
    expect(await route()({ type: 'on-air-place', platform: 'youtube', placement }, from(YT_CHAT))).toEqual({ ok: true });
    expect(await route()({ type: 'on-air-place', platform: 'tiktok', placement }, from(YT_CHAT))).toMatchObject({ ok: false });
    expect((await loadSettings(db)).onAir.tickers).toEqual({ youtube: placement });
    // a panel saving its (older) copy of the on-air settings does not move the ticker back
    const panel = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
    const { onAir } = await loadSettings(db);
    expect(await route()({ type: 'save-settings', changes: { onAir: { ...onAir, badges: false, tickers: {} } } }, panel)).toEqual({ ok: true });
    expect((await loadSettings(db)).onAir).toMatchObject({ badges: false, tickers: { youtube: placement } });
  });
});

describe('on-air publisher', () => {
  function fakePort(url: string, tabUrl = url) {
    const received: OnAirSnapshot[] = [];
    let onMessage: (message: unknown) => void = () => undefined;
    let onDisconnect: () => void = () => undefined;
    const port: OnAirPort & { disconnected: boolean } = {
      sender: { id: ID, url, tab: { id: 3, url: tabUrl }, frameId: tabUrl === url ? 0 : 5 },
      disconnected: false,
      postMessage: (message) => received.push(message as OnAirSnapshot),
      onMessage: {
        addListener: (listener) => {
          onMessage = listener;
        },
      },
      onDisconnect: {
        addListener: (listener) => {
          onDisconnect = listener;
        },
      },
      disconnect() {
        this.disconnected = true;
      },
    };
    return { port, received, say: (message: unknown) => onMessage(message), close: () => onDisconnect() };
  }

  it('pushes the snapshot on watch and again when an order comes in', async () => {
    await seed();
    const page = fakePort(YT_CHAT);
    publishOnAir(db, page.port, ID);
    page.say({ type: 'on-air-watch', streamId: 'youtube:air12345' });
    await eventually(() => expect(page.received.at(-1)?.orders).toBe(3));
    await ingestChat(db, stream, [chatRow('m4', 'chốt 1kg', { authorName: 'Mai' })], catalog);
    await eventually(() => expect(page.received.at(-1)?.orders).toBe(4));
    page.close();
  });

  it('sends every badge first, then only those that change, and the page keeps the same badges as a whole snapshot', async () => {
    await seed();
    const page = fakePort(YT_CHAT);
    publishOnAir(db, page.port, ID);
    page.say({ type: 'on-air-watch', streamId: 'youtube:air12345' });
    await eventually(() => expect(page.received.at(-1)?.orders).toBe(3));
    expect(page.received.at(-1)).toMatchObject({ badgesAre: 'all', badgesGone: [] });
    expect(page.received.at(-1)!.orderBadges).toHaveLength(3);
    await ingestChat(db, stream, [chatRow('m4', 'chốt 1kg', { authorName: 'Mai' })], catalog);
    await eventually(() => expect(page.received.at(-1)?.orders).toBe(4));
    expect(page.received.at(-1)).toMatchObject({ badgesAre: 'changes', badgesGone: [] });
    expect(page.received.at(-1)!.orderBadges.map((badge) => badge.messageId)).toEqual(['m4']);
    await decideOrders(db, ['youtube:m1'], 'confirmed');
    await eventually(() => expect(page.received.at(-1)!.orderBadges.map((badge) => [badge.messageId, badge.status])).toEqual([['m1', 'confirmed']]));
    await db.transaction('rw', [db.orders, ...db.figureTables], () => db.orders.delete('youtube:m2'));
    await eventually(() => expect(page.received.at(-1)).toMatchObject({ badgesGone: ['m2'], orderBadges: [] }));
    // what a page makes of them (the overlay keeps the badges by row) equals one whole snapshot
    const kept = new Map<string, OrderBadge>();
    for (const message of page.received) keepBadges(kept, message);
    const whole = await buildOnAirSnapshot(db, 'youtube:air12345');
    const byRow = (badges: Iterable<OrderBadge>) => [...badges].sort((a, b) => a.messageId.localeCompare(b.messageId));
    expect(byRow(kept.values())).toEqual(byRow(whole.orderBadges));
    page.close();
  });

  it('refuses pages that are not chat pages, and streams of another platform', async () => {
    const stranger = fakePort('https://evil.example/');
    publishOnAir(db, stranger.port, ID);
    expect(stranger.port.disconnected).toBe(true);
    const page = fakePort(YT_CHAT);
    publishOnAir(db, page.port, ID);
    page.say({ type: 'on-air-watch', streamId: 'tiktok:@shop/2026-11-26' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.received).toEqual([]);
  });

  it('tells a YouTube chat only of its own video, and nothing to a chat frame hidden on another site', async () => {
    await seed();
    watchers = new OnAirWatchers();
    const pages = [fakePort(YT_CHAT), fakePort(YT_CHAT, 'https://evil.example/shop')];
    for (const page of pages) publishOnAir(db, page.port, ID, watchers);
    pages[0]!.say({ type: 'on-air-watch', streamId: 'youtube:other9999' });
    pages[1]!.say({ type: 'on-air-watch', streamId: 'youtube:air12345' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pages.map((page) => page.received)).toEqual([[], []]);
    // nor can a badge there decide anything: neither frame watches a stream
    expect(watchers.streamOf(3, 0)).toBeUndefined();
    expect(watchers.streamOf(3, 5)).toBeUndefined();
    pages[0]!.say({ type: 'on-air-watch', streamId: 'youtube:air12345' });
    await eventually(() => expect(pages[0]!.received.at(-1)?.orders).toBe(3));
  });
});

describe('the badges a chat page keeps', () => {
  const badge = (row: string, status: OrderBadge['status'] = 'pending'): OrderBadge => ({
    messageId: row,
    orderId: `youtube:${row}`,
    items: [],
    kg: 1,
    status,
    possibleRepeat: false,
  });
  it('start over with every snapshot that has them all, take changes in place, and keep the newest BADGES_SENT', () => {
    const known = new Map<string, OrderBadge>();
    keepBadges(known, { badgesAre: 'all', badgesGone: [], orderBadges: [badge('a'), badge('b')] });
    keepBadges(known, { badgesAre: 'changes', badgesGone: ['a'], orderBadges: [badge('b', 'confirmed'), badge('c')] });
    expect([...known.values()].map((each) => `${each.messageId} ${each.status}`)).toEqual(['b confirmed', 'c pending']);
    keepBadges(known, { badgesAre: 'changes', badgesGone: [], orderBadges: Array.from({ length: BADGES_SENT }, (_, i) => badge(`n${i}`)) });
    expect(known.size).toBe(BADGES_SENT);
    expect(known.has('b')).toBe(false); // the oldest went first
    keepBadges(known, { badgesAre: 'all', badgesGone: [], orderBadges: [badge('z')] });
    expect([...known.keys()]).toEqual(['z']);
  });
});
