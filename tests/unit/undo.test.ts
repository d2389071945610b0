import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder, undoLastAction } from '../../utils/store/orders';
import { freshDatabase, chatRow, T0 } from './test-db';

const stream = { platform: 'youtube' as const, key: 'undo0001' };
const catalog = indexCatalog(EMPTY_CATALOG);

describe('undo', () => {
  it('passes over an action on an order the buyer has since cancelled, and undoes the one before', async () => {
    const db = freshDatabase();
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 3kg', { authorName: 'Minh' })], catalog, T0);
    await decideOrder(db, 'youtube:m1', 'confirmed', T0 + 10);
    await decideOrder(db, 'youtube:m2', 'confirmed', T0 + 20);
    await ingestChat(db, stream, [chatRow('m3', 'thôi không lấy nữa', { authorName: 'Minh' })], catalog, T0 + 30);
    expect((await db.orders.get('youtube:m2'))?.status).toBe('cancelled');

    expect(await undoLastAction(db, T0 + 40)).toEqual({ ok: true, orderId: 'youtube:m1', skipped: 1 });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('pending');
    expect((await db.orders.get('youtube:m2'))?.status).toBe('cancelled'); // the buyer's cancel stands
    expect(await undoLastAction(db, T0 + 50)).toEqual({ ok: false, error: 'nothing-to-undo', skipped: 1 });
    expect(await undoLastAction(db, T0 + 60)).toEqual({ ok: false, error: 'nothing-to-undo', skipped: 1 });
    db.close();
  });

  it('reaches back past many actions that can no longer be undone', async () => {
    const db = freshDatabase();
    const buyers = Array.from({ length: 30 }, (_, i) => `Khách ${i}`);
    await ingestChat(
      db,
      stream,
      buyers.map((name, i) => chatRow(`m${i + 1}`, 'chốt 1kg', { authorName: name })),
      catalog,
      T0,
    );
    for (let i = 1; i <= 30; i += 1) await decideOrder(db, `youtube:m${i}`, 'confirmed', T0 + i);
    await ingestChat(
      db,
      stream,
      buyers.slice(1).map((name, i) => chatRow(`c${i + 100}`, 'hủy đơn', { authorName: name })),
      catalog,
      T0 + 100,
    );
    expect(await undoLastAction(db, T0 + 200)).toEqual({ ok: true, orderId: 'youtube:m1', skipped: 29 });
    db.close();
  });
});
