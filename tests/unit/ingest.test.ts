import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, catalogSchema, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { computeTally } from '../../utils/store/tally';
import { decideOrder, decideOrders, editOrder, orderEditSchema, undoLastAction } from '../../utils/store/orders';
import { deleteContract, promoteOrder, saveContract } from '../../utils/store/contracts';
import { mergeCustomers, unmergeCustomer, updateCustomer } from '../../utils/store/customers';
import { freshDatabase, chatRow, T0 } from './test-db';
import { countChatMessages, readLoggedMessages, deleteStreamLog } from '../../utils/store/chat-log';

const stream = { platform: 'youtube' as const, key: 'abcdef1' };
const noCatalog = indexCatalog(EMPTY_CATALOG);
let db = freshDatabase();
afterEach(async () => {
  db.close();
  db = freshDatabase();
});

describe('ingestChat', () => {
  it('stores the raw message, then the order derived from it, and the stream', async () => {
    const result = await ingestChat(db, { ...stream, title: 'Vải thiều' }, [chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'ngon quá')], noCatalog, T0);
    expect(result).toEqual({ stored: 2, duplicates: 0, invalid: 0 });
    expect(await countChatMessages(db)).toBe(2);
    const order = await db.orders.get('youtube:m1');
    expect(order).toMatchObject({
      streamId: 'youtube:abcdef1',
      messageId: 'youtube:m1',
      status: 'pending',
      totalKg: 2,
      phone: '0912345678',
      authorName: 'Lan',
    });
    expect(await db.orders.count()).toBe(1);
    expect(await db.streams.get('youtube:abcdef1')).toEqual({
      id: 'youtube:abcdef1',
      platform: 'youtube',
      streamKey: 'abcdef1',
      title: 'Vải thiều',
      host: null,
      firstMessageAt: T0 + 1,
      lastMessageAt: T0 + 2,
      broadcastId: 'youtube:abcdef1',
    });
  });

  it('writes the stream again for a new title or host, or when its last message moved on half a minute, not for every batch', async () => {
    const writes: number[] = [];
    db.streams.hook('updating', () => void writes.push(Date.now()));
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    const at = (seconds: number, id: string) => chatRow(id, 'ngon', { observedAt: T0 + seconds * 1000 });
    await ingestChat(db, stream, [at(10, 'm2')], noCatalog, T0);
    await ingestChat(db, stream, [at(20, 'm3')], noCatalog, T0);
    expect(writes).toHaveLength(0);
    expect((await db.streams.get('youtube:abcdef1'))!.lastMessageAt).toBe(T0 + 1);
    await ingestChat(db, stream, [at(31, 'm4')], noCatalog, T0);
    expect((await db.streams.get('youtube:abcdef1'))!.lastMessageAt).toBe(T0 + 31_000);
    await ingestChat(db, { ...stream, title: 'Vải thiều Lục Ngạn' }, [at(32, 'm5')], noCatalog, T0);
    expect(await db.streams.get('youtube:abcdef1')).toMatchObject({ title: 'Vải thiều Lục Ngạn', lastMessageAt: T0 + 32_000 });
    await ingestChat(db, { ...stream, host: 'Chị Hoa' }, [at(33, 'm6')], noCatalog, T0);
    expect((await db.streams.get('youtube:abcdef1'))!.host).toBe('Chị Hoa');
    expect(writes).toHaveLength(3);
  });

  it('an order kept without its chat message (a backup of orders only) keeps its decision when the chat is read again', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 3kg')], noCatalog);
    await db.transaction('rw', [db.orders, db.chatLog, ...db.figureTables], async () => {
      await db.orders.update('youtube:m1', { status: 'confirmed' });
      await deleteStreamLog(db, 'youtube:abcdef1');
    });
    const again = await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m3', 'lấy 1kg')], noCatalog);
    expect(again).toEqual({ stored: 2, duplicates: 0, invalid: 0 });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('confirmed');
    expect(await db.orders.count()).toBe(3);
    expect(computeTally(await db.orders.toArray()).byStatus).toMatchObject({ confirmed: 1, pending: 2 });
  });

  it('stores a comment once however often it is seen', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog);
    await db.transaction('rw', [db.orders, ...db.figureTables], () => db.orders.update('youtube:m1', { status: 'confirmed' }));
    const again = await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg')], noCatalog);
    expect(again).toEqual({ stored: 1, duplicates: 2, invalid: 0 });
    expect(await db.orders.count()).toBe(2);
    // a re-read never resets the assistant's decision
    expect((await db.orders.get('youtube:m1'))?.status).toBe('confirmed');
  });

  it('keeps a gift combo as one gift, with the latest count', async () => {
    const gift = (text: string) => chatRow('g1', text, { kind: 'gift', paidAmount: text });
    await ingestChat(db, stream, [gift('Rose ×1')], noCatalog);
    const again = await ingestChat(db, stream, [gift('Rose ×5')], noCatalog);
    expect(again).toEqual({ stored: 0, duplicates: 1, invalid: 0 });
    expect(await countChatMessages(db)).toBe(1);
    expect((await readLoggedMessages(db)).find((m) => m.id === 'youtube:g1')).toMatchObject({ kind: 'gift', text: 'Rose ×5', paidAmount: 'Rose ×5' });
    await ingestChat(db, stream, [gift('Rose ×6'), gift('Rose ×7')], noCatalog);
    expect((await readLoggedMessages(db)).find((m) => m.id === 'youtube:g1')).toMatchObject({ text: 'Rose ×7' });
    expect(await db.orders.count()).toBe(0);
  });

  it('drops and counts invalid rows without storing any part of them', async () => {
    const rows = [
      chatRow('m1', 'chốt 2kg'),
      chatRow('m2', ''),
      chatRow('m3', 'x'.repeat(2001)),
      chatRow('m4', 'chốt 3kg', { authorName: '   ' }),
      chatRow('m5', 'chốt 3kg', { platform: 'tiktok' }),
      { ...chatRow('m6', 'chốt 1kg'), messageId: 'bad id with spaces' },
      'not an object',
      null,
    ];
    const result = await ingestChat(db, stream, rows, noCatalog);
    expect(result).toEqual({ stored: 1, duplicates: 0, invalid: 7 });
    expect((await readLoggedMessages(db)).map((m) => m.id)).toEqual(['youtube:m1']);
    expect((await db.orders.toArray()).map((o) => o.id)).toEqual(['youtube:m1']);
  });

  it('keeps HTML and script in names and text as plain data', async () => {
    await ingestChat(db, stream, [chatRow('m1', '<img src=x onerror=alert(1)> chốt 2kg', { authorName: '<script>alert(1)</script>' })], noCatalog);
    expect(await db.orders.get('youtube:m1')).toMatchObject({
      authorName: '<script>alert(1)</script>',
      text: '<img src=x onerror=alert(1)> chốt 2kg',
      totalKg: 2,
    });
  });

  it('uses the catalog for package weights', async () => {
    const catalog = indexCatalog(catalogSchema.parse({ products: [{ code: 'V1', name: 'Vải', packages: { thùng: 10 } }], defaultProduct: 'V1' }));
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2 thùng')], catalog);
    expect((await db.orders.get('youtube:m1'))?.items).toEqual([{ product: 'V1', quantity: 2, unit: 'thùng', kg: 20 }]);
  });

  it("a buyer's cancel cancels their latest open order, not someone else's", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 5kg', { authorName: 'Minh' }), chatRow('m3', 'lấy 3kg')], noCatalog);
    await ingestChat(db, stream, [chatRow('m4', 'thôi em không lấy nữa')], noCatalog);
    const orders = await db.orders.toArray();
    expect(orders.map((o) => [o.id, o.status])).toEqual([
      ['youtube:m1', 'pending'],
      ['youtube:m2', 'pending'],
      ['youtube:m3', 'cancelled'],
    ]);
    expect((await db.orders.get('youtube:m3'))?.cancelledByMessageId).toBe('youtube:m4');
    expect(computeTally(orders)).toMatchObject({ pendingKg: 7, orders: 2 });
  });

  it('a cancel in the same batch as the order cancels it', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'hủy đơn')], noCatalog);
    expect((await db.orders.get('youtube:m1'))?.status).toBe('cancelled');
  });

  it('keeps streams apart', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog);
    await ingestChat(db, { platform: 'youtube', key: 'other22' }, [chatRow('m2', 'chốt 3kg')], noCatalog);
    expect((await db.streams.toArray()).map((s) => s.id).sort()).toEqual(['youtube:abcdef1', 'youtube:other22']);
    expect((await db.orders.get('youtube:m2'))?.streamId).toBe('youtube:other22');
  });
});

describe('decideOrder and tally', () => {
  it('confirms, rejects and reopens; a cancelled order stays cancelled', async () => {
    await ingestChat(
      db,
      stream,
      [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 5kg', { authorName: 'Minh' }), chatRow('m3', 'hủy', { authorName: 'Minh' })],
      noCatalog,
    );
    expect(await decideOrder(db, 'youtube:m1', 'confirmed')).toEqual({ ok: true });
    expect(computeTally(await db.orders.toArray())).toMatchObject({
      pendingKg: 0,
      confirmedKg: 2,
      totalTonnes: 0.002,
      orders: 1,
      unknownWeight: 0,
      byPlatform: { youtube: { kg: 2, orders: 1 } },
      buyers: 1,
    });
    expect(await decideOrder(db, 'youtube:m2', 'confirmed')).toEqual({ ok: false, error: 'cancelled' });
    expect(await decideOrder(db, 'youtube:nope', 'confirmed')).toEqual({ ok: false, error: 'not-found' });
    await decideOrder(db, 'youtube:m1', 'rejected');
    expect(computeTally(await db.orders.toArray()).orders).toBe(0);
    await decideOrder(db, 'youtube:m1', 'pending');
    expect(computeTally(await db.orders.toArray())).toMatchObject({ pendingKg: 2, orders: 1 });
  });

  it('counts orders of unknown weight without inventing kilos', () => {
    const base = {
      streamId: 's',
      messageId: 'm',
      platform: 'youtube' as const,
      authorName: 'a',
      authorKey: 'a',
      text: '',
      items: [],
      phone: null,
      confidence: 1,
      reasons: [],
      observedAt: 0,
      updatedAt: 0,
    };
    const tally = computeTally([
      { ...base, id: '1', totalKg: null, status: 'pending' },
      { ...base, id: '2', totalKg: 1500, status: 'confirmed' },
      { ...base, id: '3', totalKg: 0.1, status: 'pending' },
      { ...base, id: '4', totalKg: 0.2, status: 'pending' },
    ]);
    expect(tally).toEqual({
      pendingKg: 0.3,
      confirmedKg: 1500,
      totalTonnes: 1.5,
      orders: 4,
      unknownWeight: 1,
      byPlatform: { youtube: { kg: 1500.3, orders: 4 } },
      buyers: 1,
      byProduct: {},
      confirmedVnd: 0,
      totalVnd: 0,
      contractedKg: 0,
      contracts: 0,
      byStatus: { pending: 3, confirmed: 1 },
      contractOrders: 0,
    });
  });

  it('adds buyers, kg per product and value at the catalog prices', () => {
    const base = { streamId: 's', platform: 'youtube' as const, text: '', phone: null, confidence: 1, reasons: [], observedAt: 0, updatedAt: 0 };
    const line = (product: string, kg: number) => ({ product, quantity: kg, unit: 'kg', kg });
    const products = [
      { code: 'V1', name: 'V1', defaultUnit: 'kg', aliases: [], packages: {}, pricePerKg: 45_000 },
      { code: 'V2', name: 'V2', defaultUnit: 'kg', aliases: [], packages: {} },
    ];
    const tally = computeTally(
      [
        { ...base, id: '1', messageId: '1', authorName: 'Lan', authorKey: 'lan', items: [line('V1', 2), line('V2', 3)], totalKg: 5, status: 'confirmed' },
        { ...base, id: '2', messageId: '2', authorName: 'Lan', authorKey: 'lan', items: [line('V1', 1)], totalKg: 1, status: 'pending' },
        { ...base, id: '3', messageId: '3', authorName: 'Minh', authorKey: 'minh', items: [line('V1', 10)], totalKg: 10, status: 'rejected' },
      ],
      products,
    );
    expect(tally).toMatchObject({ buyers: 1, byProduct: { V1: 3, V2: 3 }, confirmedVnd: 90_000, totalVnd: 135_000, orders: 2 });
  });
});

describe('ingestChat: rows without site ids (TikTok)', () => {
  const tiktok = { platform: 'tiktok' as const, key: '@vuonvai/2026-06-01' };
  const row = (id: string, text: string, at: number, author = 'Lan') => ({
    platform: 'tiktok',
    messageId: id,
    kind: 'chat',
    authorName: author,
    text,
    observedAt: T0 + at,
  });

  it('does not count again rows a reload shows again, but counts a real repeat from the same page load', async () => {
    await ingestChat(db, tiktok, [row('r:aaa:1', 'chốt 2kg', 0), row('r:aaa:2', 'chốt 2kg', 60_000)], noCatalog);
    expect(await db.orders.count()).toBe(2);
    // the page reloaded: its reader has a new session and sees the last rows again
    const result = await ingestChat(db, tiktok, [row('r:bbb:1', 'chốt 2kg', 90_000), row('r:bbb:2', 'lấy 3kg', 91_000, 'Minh')], noCatalog);
    expect(result).toEqual({ stored: 1, duplicates: 1, invalid: 0 });
    expect((await db.orders.toArray()).map((o) => o.text)).toEqual(['chốt 2kg', 'chốt 2kg', 'lấy 3kg']);
  });

  it('counts the same words again after the reload window', async () => {
    await ingestChat(db, tiktok, [row('r:aaa:1', 'chốt 2kg', 0)], noCatalog);
    await ingestChat(db, tiktok, [row('r:bbb:1', 'chốt 2kg', 11 * 60_000)], noCatalog);
    expect(await db.orders.count()).toBe(2);
  });

  it('keeps gifts as messages and never makes orders of them', async () => {
    await ingestChat(
      db,
      tiktok,
      [
        { ...row('r:aaa:1', 'Rose x5', 0), kind: 'gift', paidAmount: 'Rose x5' },
        { ...row('r:aaa:2', 'chốt 5 kg', 1), kind: 'gift' },
      ],
      noCatalog,
    );
    expect(await countChatMessages(db)).toBe(2);
    expect(await db.orders.count()).toBe(0);
  });
});

describe('assistant actions: edit, history, undo', () => {
  it('corrects a quantity or a unit with the weight following, and records both sides', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg 0912345678')], noCatalog);
    expect(await editOrder(db, 'youtube:m1', { item: 0, quantity: 3 }, T0 + 10)).toEqual({ ok: true });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ items: [{ quantity: 3, unit: 'kg', kg: 3 }], totalKg: 3 });
    expect(await editOrder(db, 'youtube:m1', { item: 0, unit: 'yến' })).toEqual({ ok: true });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ items: [{ quantity: 3, unit: 'yến', kg: 30 }], totalKg: 30 });
    const history = await db.actions.where('orderId').equals('youtube:m1').toArray();
    expect(history.map((a) => [a.kind, a.before.totalKg, a.after.totalKg])).toEqual([
      ['edit', 2, 3],
      ['edit', 3, 30],
    ]);
    expect(history[0]!.at).toBe(T0 + 10);
  });

  it('keeps a package weight per package when its quantity changes', async () => {
    const catalog = indexCatalog(catalogSchema.parse({ products: [{ code: 'V1', name: 'Vải', packages: { thùng: 10 } }], defaultProduct: 'V1' }));
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2 thùng')], catalog);
    await editOrder(db, 'youtube:m1', { item: 0, quantity: 5 });
    expect((await db.orders.get('youtube:m1'))?.totalKg).toBe(50);
  });

  it('refuses bad edits with a reason and changes nothing', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog);
    expect(await editOrder(db, 'youtube:m1', { item: 3, quantity: 1 })).toEqual({ ok: false, error: 'no-such-item' });
    expect(await editOrder(db, 'youtube:m1', { item: 0, unit: 'gallon' })).toEqual({ ok: false, error: 'unknown-unit' });
    expect(await editOrder(db, 'youtube:m1', { item: 0, phone: '0123 456 789' })).toEqual({ ok: false, error: 'invalid-phone' });
    expect(await editOrder(db, 'youtube:nope', { item: 0, quantity: 1 })).toEqual({ ok: false, error: 'not-found' });
    expect(orderEditSchema.safeParse({ item: 0, quantity: -1 }).success).toBe(false);
    expect(orderEditSchema.safeParse({ item: 0, quantity: 0 }).success).toBe(false);
    expect(orderEditSchema.safeParse({ item: 0, quantity: 200_000 }).success).toBe(false);
    expect(await db.orders.get('youtube:m1')).toMatchObject({ totalKg: 2, phone: null });
    expect(await db.actions.count()).toBe(0);
  });

  it('sets and clears the phone in any usual spelling', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog);
    await editOrder(db, 'youtube:m1', { item: 0, phone: '+84 912.345.678' });
    expect((await db.orders.get('youtube:m1'))?.phone).toBe('0912345678');
    await editOrder(db, 'youtube:m1', { item: 0, phone: '' });
    expect((await db.orders.get('youtube:m1'))?.phone).toBeNull();
  });

  it('undoes the latest action first, one at a time, and records the undo', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 5kg', { authorName: 'Minh' })], noCatalog);
    await decideOrder(db, 'youtube:m1', 'confirmed');
    await editOrder(db, 'youtube:m2', { item: 0, quantity: 6 });
    await decideOrder(db, 'youtube:m2', 'rejected');
    expect(await undoLastAction(db)).toEqual({ ok: true, orderId: 'youtube:m2' });
    expect(await db.orders.get('youtube:m2')).toMatchObject({ status: 'pending', totalKg: 6 });
    expect(await undoLastAction(db)).toEqual({ ok: true, orderId: 'youtube:m2' });
    expect(await db.orders.get('youtube:m2')).toMatchObject({ totalKg: 5 });
    expect(await undoLastAction(db)).toEqual({ ok: true, orderId: 'youtube:m1' });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('pending');
    expect(await undoLastAction(db)).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect((await db.actions.toArray()).map((a) => a.kind)).toEqual(['decide', 'edit', 'decide', 'undo', 'undo', 'undo']);
  });
});

describe('what buyers do in the chat to their orders', () => {
  it('flags the same order comment sent again within the window as a possible repeat, without dropping it', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'Chốt 2kg!!', { observedAt: T0 + 60_000 })], noCatalog, { repeatWindowMs: 120_000 });
    await ingestChat(
      db,
      stream,
      [chatRow('m3', 'chốt 2kg', { observedAt: T0 + 400_000 }), chatRow('m4', 'chốt 2kg', { authorName: 'Minh', observedAt: T0 + 400_001 })],
      noCatalog,
      { repeatWindowMs: 120_000 },
    );
    const orders = await db.orders.toArray();
    expect(orders.map((o) => [o.id, o.possibleRepeatOf ?? null])).toEqual([
      ['youtube:m1', null],
      ['youtube:m2', 'youtube:m1'],
      ['youtube:m3', null],
      ['youtube:m4', null],
    ]);
    expect(computeTally(orders).orders).toBe(4);
  });

  it("applies a change to the buyer's latest open order and records it in its history", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 1 yến')], noCatalog);
    await ingestChat(db, stream, [chatRow('m3', 'sửa thành 3kg nhé')], noCatalog);
    expect(await db.orders.get('youtube:m2')).toMatchObject({ items: [{ quantity: 3, unit: 'kg', kg: 3 }], totalKg: 3 });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ totalKg: 2 });
    expect(await db.actions.where('orderId').equals('youtube:m2').toArray()).toMatchObject([
      { kind: 'edit', source: 'buyer', messageId: 'youtube:m3', before: { totalKg: 10 }, after: { totalKg: 3 } },
    ]);
  });

  it('puts a confirmed order the buyer changes back in the queue for a second look, the change in its history', async () => {
    const { decideOrder } = await import('../../utils/store/orders');
    await ingestChat(db, stream, [chatRow('m1', 'lấy 1 yến')], noCatalog);
    await decideOrder(db, 'youtube:m1', 'confirmed');
    await ingestChat(db, stream, [chatRow('m2', 'sửa thành 3kg')], noCatalog);
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'pending', totalKg: 3, changedAfterConfirm: true });
    expect((await db.actions.where('orderId').equals('youtube:m1').toArray()).at(-1)).toMatchObject({
      kind: 'edit',
      source: 'buyer',
      before: { status: 'confirmed', totalKg: 10 },
      after: { status: 'pending', totalKg: 3 },
    });
    expect(computeTally(await db.orders.toArray())).toMatchObject({ pendingKg: 3, confirmedKg: 0 });
  });

  it("attaches a phone sent later to the buyer's open order that has none", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg 0987654321'), chatRow('m2', 'lấy 1 yến')], noCatalog);
    await ingestChat(db, stream, [chatRow('m3', 'sđt em 0912 345 678 nhé'), chatRow('m4', 'zalo 0933111222', { authorName: 'Minh' })], noCatalog);
    expect((await db.orders.get('youtube:m2'))?.phone).toBe('0912345678');
    expect((await db.orders.get('youtube:m1'))?.phone).toBe('0987654321');
    expect(await db.actions.toArray()).toMatchObject([{ orderId: 'youtube:m2', source: 'buyer', after: { phone: '0912345678' } }]);
  });

  it("records a cancel in the order's history; the assistant's undo passes over it", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg', { authorName: 'Minh' })], noCatalog);
    await decideOrder(db, 'youtube:m2', 'confirmed');
    await ingestChat(db, stream, [chatRow('m3', 'hủy đơn')], noCatalog);
    expect((await db.actions.toArray()).at(-1)).toMatchObject({ orderId: 'youtube:m1', kind: 'decide', source: 'buyer', after: { status: 'cancelled' } });
    expect(await undoLastAction(db)).toEqual({ ok: true, orderId: 'youtube:m2' });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('cancelled');
    expect(await undoLastAction(db)).toEqual({ ok: false, error: 'nothing-to-undo' });
  });
});

describe('contracts', () => {
  it('saves a contract checked field by field, and counts it in the tonnage', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2 tạ')], noCatalog);
    const bad = await saveContract(db, 'youtube:abcdef1', { buyer: '', kg: -5, deliveryDate: '15/6' });
    expect(bad.ok).toBe(false);
    expect((bad as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['buyer', 'deliveryDate', 'kg']);
    expect(await saveContract(db, 'youtube:nope', { buyer: 'HTX', kg: 5 })).toEqual({ ok: false, error: 'not-found' });
    const saved = await saveContract(db, 'youtube:abcdef1', {
      buyer: 'Anh Tuấn',
      organisation: 'HTX Lục Ngạn',
      kg: 5000,
      pricePerKg: 30000,
      deliveryDate: '2026-06-15',
      depositVnd: 10_000_000,
    });
    expect(saved).toMatchObject({ ok: true });
    const contracts = await db.contracts.toArray();
    expect(contracts).toMatchObject([{ buyer: 'Anh Tuấn', kg: 5000, status: 'draft', streamId: 'youtube:abcdef1' }]);
    expect(computeTally(await db.orders.toArray(), [], contracts)).toMatchObject({ pendingKg: 200, contractedKg: 5000, totalTonnes: 5.2, contracts: 1 });
    await saveContract(db, 'youtube:abcdef1', { ...contracts[0], status: 'cancelled' }, contracts[0]!.id);
    expect(computeTally(await db.orders.toArray(), [], await db.contracts.toArray())).toMatchObject({ contractedKg: 0, totalTonnes: 0.2 });
  });

  it('promotes a large chat order to a contract, counted once; deleting the contract gives the order back', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'công ty em đặt 1 tấn 2', { authorName: 'HTX Bắc Giang' }), chatRow('m2', 'chốt 5kg')], noCatalog);
    const promoted = await promoteOrder(db, 'youtube:m1');
    expect(promoted).toMatchObject({ ok: true });
    expect(await promoteOrder(db, 'youtube:m1')).toEqual({ ok: false, error: 'already-a-contract' });
    const contracts = await db.contracts.toArray();
    expect(contracts).toMatchObject([{ buyer: 'HTX Bắc Giang', kg: 1200, fromOrderId: 'youtube:m1', note: 'công ty em đặt 1 tấn 2' }]);
    expect(computeTally(await db.orders.toArray(), [], contracts)).toMatchObject({ pendingKg: 5, contractedKg: 1200, orders: 1, totalTonnes: 1.205 });
    expect(await deleteContract(db, contracts[0]!.id)).toEqual({ ok: true });
    expect(computeTally(await db.orders.toArray(), [], await db.contracts.toArray())).toMatchObject({ pendingKg: 1205, contractedKg: 0, orders: 2 });
  });
});

describe('customers', () => {
  it('keeps one record per buyer per platform, with the phones they gave', async () => {
    await ingestChat(
      db,
      stream,
      [chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'xin chào', { authorName: 'Khách lạ' }), chatRow('m3', 'sđt khác 0987 654 321')],
      noCatalog,
    );
    expect(await db.customers.toArray()).toEqual([
      {
        id: 'youtube:name:Lan',
        platform: 'youtube',
        authorKey: 'name:Lan',
        name: 'Lan',
        phones: ['0912345678', '0987654321'],
        addresses: [],
        notes: '',
        unpaid: false,
        firstSeenAt: T0 + 1,
        lastSeenAt: T0 + 3,
      },
    ]);
  });

  it('picks up the delivery address a buyer writes', async () => {
    await ingestChat(
      db,
      stream,
      [
        chatRow('m1', 'chốt 2 thùng giao về số 15 ngõ 4 Trần Duy Hưng, Cầu Giấy'),
        chatRow('m2', 'địa chỉ: thôn Đông, xã Phì Điền, Lục Ngạn', { authorName: 'Minh' }),
      ],
      noCatalog,
    );
    expect((await db.customers.toArray()).map((c) => [c.name, c.addresses])).toEqual([
      ['Lan', ['số 15 ngõ 4 Trần Duy Hưng, Cầu Giấy']],
      ['Minh', ['thôn Đông, xã Phì Điền, Lục Ngạn']],
    ]);
  });

  it('flags the next orders of a buyer marked as not paid, also through a merge', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('f1', 'chốt 1kg', { platform: 'facebook', authorId: '100123' })], noCatalog);
    await ingestChat(db, { platform: 'facebook', key: '1234567890' }, [{ ...chatRow('f1', 'chốt 1kg'), platform: 'facebook', authorId: '100123' }], noCatalog);
    expect(await updateCustomer(db, 'youtube:name:Lan', { unpaid: true, notes: 'chưa chuyển khoản lần trước' })).toEqual({ ok: true });
    expect(await mergeCustomers(db, 'youtube:name:Lan', 'facebook:100123')).toEqual({ ok: true });
    expect(await mergeCustomers(db, 'facebook:100123', 'youtube:name:Lan')).toEqual({ ok: false, error: 'same-customer' });
    await ingestChat(db, { platform: 'facebook', key: '1234567890' }, [{ ...chatRow('f2', 'lấy 3kg'), platform: 'facebook', authorId: '100123' }], noCatalog);
    await ingestChat(db, stream, [chatRow('m5', 'chốt 4kg')], noCatalog);
    expect((await db.orders.toArray()).map((o) => [o.id, o.buyerUnpaid ?? false])).toEqual([
      ['facebook:f1', false],
      ['facebook:f2', true],
      ['youtube:m1', false],
      ['youtube:m5', true],
    ]);
    expect(await unmergeCustomer(db, 'facebook:100123')).toEqual({ ok: true });
    await ingestChat(db, { platform: 'facebook', key: '1234567890' }, [{ ...chatRow('f3', 'lấy 1kg'), platform: 'facebook', authorId: '100123' }], noCatalog);
    expect((await db.orders.get('facebook:f3'))?.buyerUnpaid).toBeUndefined();
  });
});

describe('two panels acting on one order at once', () => {
  it('applies every action whole and in turn, so the history chains without a lost update', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog);
    // the side panel and the dashboard both send, interleaved, as fast as they can
    await Promise.all([
      decideOrder(db, 'youtube:m1', 'confirmed'),
      editOrder(db, 'youtube:m1', { item: 0, quantity: 3 }),
      decideOrder(db, 'youtube:m1', 'rejected'),
      editOrder(db, 'youtube:m1', { item: 0, quantity: 4 }),
      decideOrders(db, ['youtube:m1'], 'confirmed'),
      editOrder(db, 'youtube:m1', { item: 0, phone: '0912345678' }),
    ]);
    const actions = await db.actions.orderBy('seq').toArray();
    expect(actions).toHaveLength(6);
    const order = (await db.orders.get('youtube:m1'))!;
    // each action started from what the one before it left
    let state: Record<string, unknown> = { status: 'pending', totalKg: 2, phone: null };
    for (const action of actions) {
      for (const [field, value] of Object.entries(action.before)) if (field in state) expect(value).toEqual(state[field]);
      state = { ...state, ...action.after };
    }
    expect({ status: order.status, totalKg: order.totalKg, phone: order.phone }).toEqual({ status: state.status, totalKg: state.totalKg, phone: state.phone });
    expect(order.items).toEqual([{ product: null, quantity: order.totalKg, unit: 'kg', kg: order.totalKg }]);
  });
});

describe('a cancel that names its order', () => {
  it('cancels the open order with that line, not simply the latest', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2 thùng'), chatRow('m2', 'lấy 5kg'), chatRow('m3', 'hủy 2 thùng nhé')], noCatalog);
    expect((await db.orders.toArray()).map((o) => [o.id, o.status])).toEqual([
      ['youtube:m1', 'cancelled'],
      ['youtube:m2', 'pending'],
    ]);
    await ingestChat(db, stream, [chatRow('m4', 'hủy 9 tạ')], noCatalog);
    expect((await db.orders.get('youtube:m2'))?.status).toBe('cancelled'); // names nothing open: the latest one
  });
});
