import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ChotDatabase } from '../../utils/store/db';
import { freshDatabase, chatRow, T0 } from './test-db';
import { bucketOf, unbucketBuyers } from '../../utils/store/kept-buyers';
import { CHAT_LOG_PAGE_ROWS, countChatMessages, readLoggedMessages } from '../../utils/store/chat-log';
import { ingestChat } from '../../utils/store/ingest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';

/** The schemas as they shipped, version by version: an old database is made with the first n of them. */
const SHIPPED: Record<string, string>[] = [
  { streams: 'id, lastMessageAt', messages: 'id, [streamId+observedAt]', orders: 'id, [streamId+observedAt], [streamId+authorKey]', settings: 'id' },
  { streams: 'id, lastMessageAt, broadcastId' },
  { actions: '++seq, orderId' },
  { products: 'code' },
  { contracts: 'id, streamId' },
  { customers: 'id, mergedInto', orders: 'id, [streamId+observedAt], [streamId+authorKey], authorKey' },
  {
    tallies: 'streamId',
    streamBuyers: '[streamId+authorKey]',
    orders: 'id, [streamId+observedAt], [streamId+authorKey], authorKey, [streamId+status+observedAt]',
  },
];

/** The version the schema module opens at now. */
const LATEST = 15;

function shippedDatabase(name: string, version: number): Dexie {
  const db = new Dexie(name);
  SHIPPED.slice(0, version).forEach((stores, index) => db.version(index + 1).stores(stores));
  return db;
}

function schemaOf(db: Dexie) {
  return Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.keyPath, ...table.schema.indexes.map((i) => i.name)]]));
}

describe('database schema', () => {
  it('the latest version has the tables and the indexes the queries use', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(schemaOf(db)).toEqual({
      streams: ['id', 'lastMessageAt', 'broadcastId'],
      chatLog: [['streamId', 'page'], '[streamId+to]'],
      orders: ['id', '[streamId+observedAt]', '[streamId+authorKey]', 'authorKey', '[streamId+status+observedAt]'],
      settings: ['id'],
      actions: ['seq', 'orderId'],
      products: ['code'],
      contracts: ['id', 'streamId'],
      customers: ['id', 'mergedInto'],
      tallies: ['streamId'],
      imports: ['id'],
      questions: ['id', '[streamId+status+observedAt]'],
      team: ['id'],
      teamActions: ['uid', 'seq'],
      keptBuyers: [['streamId', 'bucket']],
    });
    db.close();
  });

  it('upgrades a version 1 database with data in it', async () => {
    const name = `chot-upgrade-${Date.now()}`;
    // Version 1 as it shipped, with a stream, a message and an order.
    const v1 = shippedDatabase(name, 1);
    await v1
      .table('streams')
      .put({ id: 'youtube:abc12345', platform: 'youtube', videoId: 'abc12345', title: 'Vải thiều', firstMessageAt: T0, lastMessageAt: T0 + 5 });
    await v1.table('messages').put({ ...chatRow('m1', 'chốt 2kg'), id: 'youtube:m1', streamId: 'youtube:abc12345', receivedAt: T0 });
    await v1
      .table('orders')
      .put({ id: 'youtube:m1', streamId: 'youtube:abc12345', status: 'confirmed', totalKg: 2, observedAt: T0 + 1, authorKey: 'name:Lan' });
    await v1.table('settings').put({ id: 'settings', language: 'vi' });
    v1.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.streams.toArray()).toEqual([
      {
        id: 'youtube:abc12345',
        platform: 'youtube',
        streamKey: 'abc12345',
        title: 'Vải thiều',
        host: null,
        firstMessageAt: T0,
        lastMessageAt: T0 + 5,
        broadcastId: 'youtube:abc12345',
      },
    ]);
    expect(await db.streams.where('broadcastId').equals('youtube:abc12345').count()).toBe(1);
    expect(await countChatMessages(db)).toBe(1);
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'confirmed', totalKg: 2 });
    expect(await db.settings.get('settings')).toEqual({ id: 'settings', language: 'vi' });
    expect(await db.actions.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database with data in it', async () => {
    const name = `chot-upgrade-v2-${Date.now()}`;
    const v2 = shippedDatabase(name, 2);
    const stream = {
      id: 'tiktok:@vuonvai/2026-06-01',
      platform: 'tiktok',
      streamKey: '@vuonvai/2026-06-01',
      title: null,
      host: 'Vườn Vải',
      firstMessageAt: T0,
      lastMessageAt: T0,
      broadcastId: 'youtube:abc12345',
    };
    await v2.table('streams').put(stream);
    await v2.table('orders').put({ id: 'tiktok:r:a:1', streamId: stream.id, status: 'pending', totalKg: 3, observedAt: T0, authorKey: 'name:Lan' });
    v2.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.streams.toArray()).toEqual([stream]);
    expect(await db.orders.get('tiktok:r:a:1')).toMatchObject({ status: 'pending', totalKg: 3 });
    await db.actions.add({ at: T0, orderId: 'tiktok:r:a:1', kind: 'decide', before: { status: 'pending' }, after: { status: 'confirmed' } });
    expect(await db.actions.where('orderId').equals('tiktok:r:a:1').count()).toBe(1);
    expect(await db.products.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 3 database with data in it', async () => {
    const name = `chot-upgrade-v3-${Date.now()}`;
    const v3 = shippedDatabase(name, 3);
    await v3.table('actions').add({ at: T0, orderId: 'youtube:m1', kind: 'decide', before: { status: 'pending' }, after: { status: 'confirmed' } });
    await v3.table('settings').put({ id: 'settings', language: 'en', repeatWindowSeconds: 60 });
    v3.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.actions.toArray()).toMatchObject([{ seq: 1, orderId: 'youtube:m1', kind: 'decide' }]);
    expect(await db.settings.get('settings')).toEqual({ id: 'settings', language: 'en', repeatWindowSeconds: 60 });
    await db.products.put({ code: 'V1', name: 'Vải', defaultUnit: 'kg', aliases: [], packages: {} });
    expect(await db.products.count()).toBe(1);
    db.close();
  });

  it('upgrades a version 4 database with data in it', async () => {
    const name = `chot-upgrade-v4-${Date.now()}`;
    const v4 = shippedDatabase(name, 4);
    await v4.table('products').put({ code: 'V1', name: 'Vải', defaultUnit: 'kg', aliases: [], packages: { thùng: 10 }, stockKg: 500 });
    v4.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.products.get('V1')).toMatchObject({ stockKg: 500, packages: { thùng: 10 } });
    expect(await db.contracts.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 5 database with data in it, indexing orders by buyer', async () => {
    const name = `chot-upgrade-v5-${Date.now()}`;
    const v5 = shippedDatabase(name, 5);
    await v5.table('orders').bulkPut([
      { id: 'youtube:m1', streamId: 'youtube:a', authorKey: 'name:Lan', status: 'confirmed', totalKg: 2, observedAt: T0 },
      { id: 'youtube:m9', streamId: 'youtube:b', authorKey: 'name:Lan', status: 'pending', totalKg: 3, observedAt: T0 + 1 },
    ]);
    await v5
      .table('contracts')
      .put({ id: 'contract:x', streamId: 'youtube:a', buyer: 'HTX', kg: 1000, status: 'signed', organisation: '', note: '', createdAt: T0, updatedAt: T0 });
    v5.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect((await db.orders.where('authorKey').equals('name:Lan').toArray()).map((o) => o.id)).toEqual(['youtube:m1', 'youtube:m9']);
    expect(await db.contracts.get('contract:x')).toMatchObject({ kg: 1000, status: 'signed' });
    expect(await db.customers.count()).toBe(0);
    db.close();
  });

  it("upgrades a version 6 database with data in it, keeping each stream's figures as a recount gives them", async () => {
    const name = `chot-upgrade-v6-${Date.now()}`;
    const v6 = shippedDatabase(name, 6);
    const order = (id: string, streamId: string, authorKey: string, status: string, totalKg: number | null, items: unknown[] = []) => ({
      id,
      streamId,
      messageId: id,
      platform: 'youtube',
      authorName: authorKey,
      authorKey,
      text: '',
      items,
      totalKg,
      phone: null,
      confidence: 1,
      reasons: [],
      status,
      observedAt: T0,
      updatedAt: T0,
    });
    await v6
      .table('orders')
      .bulkPut([
        order('youtube:m1', 'youtube:a', 'name:Lan', 'confirmed', 2, [{ product: 'V1', quantity: 2, unit: 'kg', kg: 2 }]),
        order('youtube:m2', 'youtube:a', 'name:Lan', 'pending', 3),
        order('youtube:m3', 'youtube:a', 'name:Minh', 'rejected', 5),
        order('youtube:m4', 'youtube:b', 'name:Hà', 'pending', null),
      ]);
    await v6
      .table('contracts')
      .put({ id: 'contract:x', streamId: 'youtube:a', buyer: 'HTX', kg: 1000, status: 'signed', organisation: '', note: '', createdAt: T0, updatedAt: T0 });
    v6.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.tallies.get('youtube:a')).toEqual({
      streamId: 'youtube:a',
      platform: 'youtube',
      byStatus: { confirmed: 1, pending: 1, rejected: 1 },
      contractOrders: 0,
      orders: 2,
      pendingKg: 3,
      confirmedKg: 2,
      unknownWeight: 0,
      buyers: 1,
      byProduct: { V1: { pendingKg: 0, confirmedKg: 2, contractOrderKg: 0 } },
      contractedKg: 1000,
      contracts: 1,
      contractedVnd: 0,
    });
    expect(await db.tallies.get('youtube:b')).toMatchObject({ orders: 1, unknownWeight: 1, buyers: 1 });
    expect(unbucketBuyers(await db.keptBuyers.toArray())).toEqual([
      { streamId: 'youtube:a', authorKey: 'name:Lan', counting: 2 },
      { streamId: 'youtube:b', authorKey: 'name:Hà', counting: 1 },
    ]);
    expect(
      (
        await db.orders.where('[streamId+status+observedAt]').between(['youtube:a', 'pending', Dexie.minKey], ['youtube:a', 'pending', Dexie.maxKey]).toArray()
      ).map((o) => o.id),
    ).toEqual(['youtube:m2']);
    db.close();
  });

  it('upgrades a version 7 database with data in it, adding the import progress table empty', async () => {
    const name = `chot-upgrade-v7-${Date.now()}`;
    const v7 = shippedDatabase(name, 7);
    await v7.table('tallies').put({ streamId: 'youtube:a', orders: 1 });
    await v7.table('messages').put({ ...chatRow('m1', 'chốt 2kg'), id: 'youtube:m1', streamId: 'youtube:a', receivedAt: T0 });
    v7.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.tallies.get('youtube:a')).toEqual({ streamId: 'youtube:a', orders: 1 });
    expect(await countChatMessages(db)).toBe(1);
    expect(await db.imports.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 7 database to 10: the questions in its chat log wait in the lane, those of ended streams answered', async () => {
    const name = `chot-upgrade-v7-${Date.now()}`;
    // version 7's own upgrade is in the schema module; a version 7 database is made by it
    const v7 = shippedDatabase(name, 7);
    await v7.table('streams').bulkPut([
      {
        id: 'youtube:live1',
        platform: 'youtube',
        streamKey: 'live1',
        title: null,
        host: null,
        firstMessageAt: T0,
        lastMessageAt: T0 + 9,
        broadcastId: 'youtube:live1',
      },
      {
        id: 'youtube:old1',
        platform: 'youtube',
        streamKey: 'old1',
        title: null,
        host: null,
        firstMessageAt: T0,
        lastMessageAt: T0 + 9,
        broadcastId: 'youtube:old1',
        endedAt: T0 + 10,
      },
    ]);
    const message = (id: string, streamId: string, text: string, kind = 'chat') => ({
      ...chatRow(id, text, { kind }),
      id: `youtube:${id}`,
      streamId,
      receivedAt: T0,
    });
    await v7
      .table('messages')
      .bulkPut([
        message('m1', 'youtube:live1', 'bn 1 thùng v shop'),
        message('m2', 'youtube:live1', 'chốt 2kg'),
        message('m3', 'youtube:live1', 'vải đẹp quá'),
        message('m4', 'youtube:live1', 'còn hàng k', 'gift'),
        message('m5', 'youtube:old1', 'có ship hn k'),
      ]);
    v7.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect((await db.questions.toArray()).map(({ id, status, topic, groupKey }) => ({ id, status, topic, groupKey }))).toEqual([
      { id: 'youtube:m1', status: 'open', topic: 'price', groupKey: 'price|1 thùng' },
      { id: 'youtube:m5', status: 'answered', topic: 'shipping', groupKey: 'shipping|' },
    ]);
    expect(
      await db.questions
        .where('[streamId+status+observedAt]')
        .between(['youtube:live1', 'open', Dexie.minKey], ['youtube:live1', 'open', Dexie.maxKey])
        .count(),
    ).toBe(1);
    db.close();
  });

  it("upgrades a version 7 database to the latest (team mode's tables, empty: team mode starts off)", async () => {
    const name = `chot-upgrade-v7-${Date.now()}`;
    const v7 = shippedDatabase(name, 7);
    await v7.table('streams').put({
      id: 'youtube:abc12345',
      platform: 'youtube',
      streamKey: 'abc12345',
      title: null,
      host: null,
      firstMessageAt: T0,
      lastMessageAt: T0,
      broadcastId: 'youtube:abc12345',
    });
    v7.close();
    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.streams.count()).toBe(1);
    expect(await db.team.count()).toBe(0);
    expect(await db.teamActions.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 11 database to 13: the kept buyer counts move into a few records per stream, none lost', async () => {
    const name = `chot-upgrade-v11-${Date.now()}`;
    const v11 = shippedDatabase(name, 7);
    v11.version(8).stores({ imports: 'id' });
    v11.version(10).stores({ questions: 'id, [streamId+status+observedAt]' });
    v11.version(11).stores({ team: 'id', teamActions: 'uid, seq' });
    const kept = [
      { streamId: 'youtube:a', authorKey: 'name:Lan', counting: 2 },
      { streamId: 'youtube:a', authorKey: '__proto__', counting: 1 },
      { streamId: 'youtube:a', authorKey: 'UC123', counting: 3 },
      { streamId: 'tiktok:@shop/1', authorKey: 'name:Hà', counting: 1 },
    ];
    await v11.table('streamBuyers').bulkPut(kept);
    await v11.table('tallies').put({ streamId: 'youtube:a', orders: 6, buyers: 3 });
    v11.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((table) => table.name)).not.toContain('streamBuyers');
    const records = await db.keptBuyers.toArray();
    expect(records.length).toBeLessThanOrEqual(4);
    for (const record of records) for (const authorKey of record.counting.keys()) expect(bucketOf(authorKey)).toBe(record.bucket);
    expect(new Set(unbucketBuyers(records).map((buyer) => JSON.stringify(buyer)))).toEqual(new Set(kept.map((buyer) => JSON.stringify(buyer))));
    expect(await db.tallies.get('youtube:a')).toEqual({ streamId: 'youtube:a', orders: 6, buyers: 3 });
    db.close();
  });

  it('upgrades a version 14 database to 15: the kept buyer counts move from 16 records per stream to 256, none lost, and keep counting', async () => {
    const name = `chot-upgrade-v14-${Date.now()}`;
    const v14 = shippedDatabase(name, 7);
    v14.version(8).stores({ imports: 'id' });
    v14.version(10).stores({ questions: 'id, [streamId+status+observedAt]' });
    v14.version(11).stores({ team: 'id', teamActions: 'uid, seq' });
    v14.version(13).stores({ streamBuyers: null, keptBuyers: '[streamId+bucket]' });
    v14.version(14).stores({ messages: null, chatLog: '[streamId+page], [streamId+to]' });
    // as version 14 kept them: FNV-1a of the key, modulo 16
    const fnv = (key: string) => [...key].reduce((hash, _, i) => Math.imul(hash ^ key.charCodeAt(i), 0x01000193), 0x811c9dc5) >>> 0;
    const kept = Array.from({ length: 300 }, (_, i) => ({
      streamId: i % 3 === 0 ? 'tiktok:@shop/1' : 'youtube:a',
      authorKey: `name:Người mua ${i}`,
      counting: 1 + (i % 4),
    }));
    const old = new Map<string, { streamId: string; bucket: number; counting: Map<string, number> }>();
    for (const { streamId, authorKey, counting } of kept) {
      const bucket = fnv(authorKey) % 16;
      const record = old.get(`${streamId} ${bucket}`) ?? { streamId, bucket, counting: new Map<string, number>() };
      old.set(`${streamId} ${bucket}`, record.counting.set(authorKey, counting) && record);
    }
    await v14.table('keptBuyers').bulkPut([...old.values()]);
    v14.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    const records = await db.keptBuyers.toArray();
    expect(records.length).toBeGreaterThan(2 * 16);
    for (const record of records) for (const authorKey of record.counting.keys()) expect(bucketOf(authorKey)).toBe(record.bucket);
    const line = (buyer: { streamId: string; authorKey: string; counting: number }) => JSON.stringify([buyer.streamId, buyer.authorKey, buyer.counting]);
    expect(unbucketBuyers(records).map(line).sort()).toEqual(kept.map(line).sort());
    // a new order of a kept buyer counts on from the moved count (2), in the record it moved to
    const stream = { platform: 'youtube' as const, key: 'a' };
    await ingestChat(db, stream, [chatRow('n1', 'chốt 2kg', { authorName: 'Người mua 1' })], indexCatalog(EMPTY_CATALOG), T0);
    const after = unbucketBuyers(await db.keptBuyers.toArray()).find((buyer) => buyer.streamId === 'youtube:a' && buyer.authorKey === 'name:Người mua 1');
    expect(after?.counting).toBe(3);
    db.close();
  });

  it("upgrades a version 13 database to 14: each stream's messages move into pages, none lost, and are still known", async () => {
    const name = `chot-upgrade-v13-${Date.now()}`;
    const v13 = shippedDatabase(name, 7);
    v13.version(8).stores({ imports: 'id' });
    v13.version(10).stores({ questions: 'id, [streamId+status+observedAt]' });
    v13.version(11).stores({ team: 'id', teamActions: 'uid, seq' });
    v13.version(13).stores({ streamBuyers: null, keptBuyers: '[streamId+bucket]' });
    const stored = (streamId: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const row = chatRow(`${streamId.slice(-1)}${i}`, i % 2 === 0 ? 'chốt 2kg' : 'ngon quá', { observedAt: T0 + (n - i) * 1000 });
        return { ...row, id: `youtube:${row.messageId}`, streamId, receivedAt: T0 };
      });
    const a = stored('youtube:a', CHAT_LOG_PAGE_ROWS + 20);
    const b = stored('youtube:b', 3);
    await v13.table('messages').bulkPut([...a, ...b]);
    v13.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((table) => table.name)).not.toContain('messages');
    expect(await db.chatLog.count()).toBe(3);
    const sorted = (rows: { id: string }[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(await readLoggedMessages(db, 'youtube:a'))).toEqual(sorted(a));
    expect(sorted(await readLoggedMessages(db, 'youtube:b'))).toEqual(sorted(b));
    // the moved messages are the log the duplicate check reads: the same chat again adds nothing
    const again = await ingestChat(
      db,
      { platform: 'youtube', key: 'a' },
      a.slice(0, 10).map(({ id: _id, streamId: _s, receivedAt: _r, ...row }) => row),
      indexCatalog(EMPTY_CATALOG),
    );
    expect(again).toMatchObject({ stored: 0, duplicates: 10 });
    expect(await countChatMessages(db)).toBe(a.length + b.length);
    db.close();
  });
});
