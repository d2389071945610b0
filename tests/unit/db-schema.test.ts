import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ChotDatabase } from '../../utils/store/db';
import { freshDatabase, chatRow, T0 } from './test-db';

/** The schemas as they shipped, version by version: an old database is made with the first n of them. */
const SHIPPED: Record<string, string>[] = [
  { streams: 'id, lastMessageAt', messages: 'id, [streamId+observedAt]', orders: 'id, [streamId+observedAt], [streamId+authorKey]', settings: 'id' },
  { streams: 'id, lastMessageAt, broadcastId' },
  { actions: '++seq, orderId' },
  { products: 'code' },
  { contracts: 'id, streamId' },
];

function shippedDatabase(name: string, version: number): Dexie {
  const db = new Dexie(name);
  SHIPPED.slice(0, version).forEach((stores, index) => db.version(index + 1).stores(stores));
  return db;
}

function schemaOf(db: Dexie) {
  return Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.keyPath, ...table.schema.indexes.map((i) => i.name)]]));
}

describe('database schema', () => {
  it('version 6 has the tables and the indexes the queries use', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(6);
    expect(schemaOf(db)).toEqual({
      streams: ['id', 'lastMessageAt', 'broadcastId'],
      messages: ['id', '[streamId+observedAt]'],
      orders: ['id', '[streamId+observedAt]', '[streamId+authorKey]', 'authorKey'],
      settings: ['id'],
      actions: ['seq', 'orderId'],
      products: ['code'],
      contracts: ['id', 'streamId'],
      customers: ['id', 'mergedInto'],
    });
    db.close();
  });

  it('upgrades a version 1 database with data in it', async () => {
    const name = `chot-upgrade-${Date.now()}`;
    // Version 1 as it shipped, with a stream, a message and an order.
    const v1 = shippedDatabase(name, 1);
    await v1.table('streams').put({ id: 'youtube:abc12345', platform: 'youtube', videoId: 'abc12345', title: 'Vải thiều', firstMessageAt: T0, lastMessageAt: T0 + 5 });
    await v1.table('messages').put({ ...chatRow('m1', 'chốt 2kg'), id: 'youtube:m1', streamId: 'youtube:abc12345', receivedAt: T0 });
    await v1.table('orders').put({ id: 'youtube:m1', streamId: 'youtube:abc12345', status: 'confirmed', totalKg: 2, observedAt: T0 + 1, authorKey: 'name:Lan' });
    await v1.table('settings').put({ id: 'settings', language: 'vi' });
    v1.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.streams.toArray()).toEqual([
      { id: 'youtube:abc12345', platform: 'youtube', streamKey: 'abc12345', title: 'Vải thiều', host: null, firstMessageAt: T0, lastMessageAt: T0 + 5, broadcastId: 'youtube:abc12345' },
    ]);
    expect(await db.streams.where('broadcastId').equals('youtube:abc12345').count()).toBe(1);
    expect(await db.messages.count()).toBe(1);
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'confirmed', totalKg: 2 });
    expect(await db.settings.get('settings')).toEqual({ id: 'settings', language: 'vi' });
    expect(await db.actions.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database with data in it', async () => {
    const name = `chot-upgrade-v2-${Date.now()}`;
    const v2 = shippedDatabase(name, 2);
    const stream = { id: 'tiktok:@vuonvai/2026-06-01', platform: 'tiktok', streamKey: '@vuonvai/2026-06-01', title: null, host: 'Vườn Vải', firstMessageAt: T0, lastMessageAt: T0, broadcastId: 'youtube:abc12345' };
    await v2.table('streams').put(stream);
    await v2.table('orders').put({ id: 'tiktok:r:a:1', streamId: stream.id, status: 'pending', totalKg: 3, observedAt: T0, authorKey: 'name:Lan' });
    v2.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
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
    expect(db.verno).toBe(6);
    expect(await db.actions.toArray()).toMatchObject([{ seq: 1, orderId: 'youtube:m1', kind: 'decide' }]);
    expect(await db.settings.get('settings')).toEqual({ id: 'settings', language: 'en', repeatWindowSeconds: 60 });
    await db.products.put({ code: 'V1', name: 'Vải', defaultUnit: 'kg', aliases: [], packages: {} });
    expect(await db.products.count()).toBe(1);
    db.close();
  });

  it('upgrades a version 4 database with data in it', async () => {
    const name = `chot-upgrade-v4-${Date.now()}`;
    const v4 = shippedDatabase(name, 4);
    await v4.table('products').put({ code: 'V1', name: 'Vải', defaultUnit: 'kg', aliases: [], packages: { 'thùng': 10 }, stockKg: 500 });
    v4.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.products.get('V1')).toMatchObject({ stockKg: 500, packages: { 'thùng': 10 } });
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
    await v5.table('contracts').put({ id: 'contract:x', streamId: 'youtube:a', buyer: 'HTX', kg: 1000, status: 'signed', organisation: '', note: '', createdAt: T0, updatedAt: T0 });
    v5.close();

    const db = new ChotDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect((await db.orders.where('authorKey').equals('name:Lan').toArray()).map((o) => o.id)).toEqual(['youtube:m1', 'youtube:m9']);
    expect(await db.contracts.get('contract:x')).toMatchObject({ kg: 1000, status: 'signed' });
    expect(await db.customers.count()).toBe(0);
    db.close();
  });
});
