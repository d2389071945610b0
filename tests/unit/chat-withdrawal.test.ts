import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { computeTally } from '../../utils/store/tally';
import { decideOrder, undoLastAction } from '../../utils/store/orders';
import { freshDatabase, chatRow, T0 } from './test-db';

const stream = { platform: 'youtube' as const, key: 'abcdef1' };
const noCatalog = indexCatalog(EMPTY_CATALOG);
const withdrawal = (id: string, extra: Record<string, unknown> = {}) => ({
  platform: 'youtube',
  messageId: id,
  kind: 'withdrawn',
  observedAt: T0 + 9000,
  ...extra,
});
let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

describe('a comment deleted by a moderator', () => {
  it("withdraws its order: not counted, recorded as the chat's action", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg')], noCatalog, T0);
    const result = await ingestChat(db, stream, [withdrawal('m1')], noCatalog, T0 + 10_000);
    expect(result).toEqual({ stored: 0, duplicates: 0, invalid: 0 });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'withdrawn', updatedAt: T0 + 10_000 });
    expect(computeTally(await db.orders.toArray())).toMatchObject({ orders: 1, pendingKg: 3 });
    expect(await db.actions.where('orderId').equals('youtube:m1').toArray()).toEqual([
      expect.objectContaining({ kind: 'decide', source: 'chat', messageId: 'youtube:m1', before: { status: 'pending' }, after: { status: 'withdrawn' } }),
    ]);
  });

  it('in the same batch as the comment, withdraws it too; a second withdrawal changes nothing', async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), withdrawal('m1')], noCatalog, T0);
    await ingestChat(db, stream, [withdrawal('m1')], noCatalog, T0 + 1);
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'withdrawn' });
    expect(await db.actions.count()).toBe(1);
  });

  it("is undone by the assistant deciding the order again; the assistant's undo does not undo the deletion", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    await ingestChat(db, stream, [withdrawal('m1')], noCatalog, T0 + 1);
    expect(await undoLastAction(db)).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(await decideOrder(db, 'youtube:m1', 'confirmed')).toEqual({ ok: true });
    expect(computeTally(await db.orders.toArray())).toMatchObject({ orders: 1, confirmedKg: 2 });
    expect(await undoLastAction(db)).toMatchObject({ ok: true, orderId: 'youtube:m1' });
    expect(await db.orders.get('youtube:m1')).toMatchObject({ status: 'withdrawn' });
  });

  it("leaves rejected orders, other streams' orders and other platforms alone, and refuses malformed withdrawals", async () => {
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 5kg')], noCatalog, T0);
    await ingestChat(db, { platform: 'youtube', key: 'otherVid1' }, [chatRow('m3', 'chốt 4kg')], noCatalog, T0);
    await decideOrder(db, 'youtube:m2', 'rejected');
    const result = await ingestChat(
      db,
      stream,
      [withdrawal('m2'), withdrawal('m3'), withdrawal('m1', { platform: 'tiktok' }), withdrawal('<x>'), withdrawal('m1', { observedAt: 1 })],
      noCatalog,
      T0 + 1,
    );
    expect(result).toEqual({ stored: 0, duplicates: 0, invalid: 3 });
    expect((await db.orders.toArray()).map((order) => [order.id, order.status])).toEqual([
      ['youtube:m1', 'pending'],
      ['youtube:m2', 'rejected'],
      ['youtube:m3', 'pending'],
    ]);
  });
});
