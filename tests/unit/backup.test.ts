import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { saveProduct } from '../../utils/store/catalog';
import { promoteOrder } from '../../utils/store/contracts';
import { saveSettings } from '../../utils/store/settings';
import { BACKUP_VERSION, createBackup, MAX_BACKUP_BYTES, restoreBackup } from '../../utils/export/backup';
import type { ChotDatabase } from '../../utils/store/db';
import { freshDatabase, chatRow } from './test-db';

async function filled(): Promise<ChotDatabase> {
  const db = freshDatabase();
  await saveProduct(db, { code: 'V1', name: 'Vải thiều', packages: { thùng: 10 }, stockKg: 500 });
  await ingestChat(
    db,
    { platform: 'youtube', key: 'bk01', title: 'Vải sáng' },
    [chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'công ty em đặt 1 tấn 2', { authorName: 'HTX' }), chatRow('m3', 'xin chào')],
    indexCatalog(EMPTY_CATALOG),
  );
  await decideOrder(db, 'youtube:m1', 'confirmed');
  await promoteOrder(db, 'youtube:m2');
  await saveSettings(db, { language: 'vi', repeatWindowSeconds: 90 });
  return db;
}

const snapshot = async (db: ChotDatabase) => {
  const { exportedAt: _at, ...rest } = await createBackup(db);
  return rest;
};

describe('JSON backup', () => {
  it('restores into an empty database exactly, and restoring again adds nothing', async () => {
    const source = await filled();
    const text = JSON.stringify(await createBackup(source));
    const target = freshDatabase();
    const result = await restoreBackup(target, text);
    expect(result).toMatchObject({ ok: true, counts: { streams: 1, messages: 3, orders: 2, products: 1, contracts: 1, customers: 2 } });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await restoreBackup(target, text)).toMatchObject({ ok: true, counts: { actions: 0 } });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    ['another file', () => JSON.stringify({ products: [] }), /not a Chốt backup/],
    ['a newer format', (text: string) => text.replace(`"version":${BACKUP_VERSION}`, '"version":99'), /version 99 is not one this version of Chốt reads/],
    ['a message that fails validation', (text: string) => text.replace('"kind":"chat"', '"kind":"hack"'), /does not validate at messages\.0\.kind/],
    ['a file over the size limit', (text: string) => text + ' '.repeat(MAX_BACKUP_BYTES), /larger than 500 MB/],
  ])('refuses %s with a clear message and changes nothing', async (_name, spoil, message) => {
    const source = await filled();
    const text = JSON.stringify(await createBackup(source));
    const target = await filled();
    await target.transaction('rw', [target.orders, ...target.figureTables], () => target.orders.update('youtube:m1', { status: 'rejected' }));
    const before = await snapshot(target);
    const result = await restoreBackup(target, spoil(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
    expect(await snapshot(target)).toEqual(before);
  });
});
