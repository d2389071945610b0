import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { saveProduct } from '../../utils/store/catalog';
import { promoteOrder } from '../../utils/store/contracts';
import { backupParts, BACKUP_TABLES, createBackup, readBackup, type Backup } from '../../utils/export/backup';
import { sendBackup } from '../../utils/export/backup-transfer';
import { MAX_MESSAGE_BYTES } from '../../utils/export/restore-sessions';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import type { ChotDatabase } from '../../utils/store/db';
import { chatRow, freshDatabase } from './test-db';
import { countChatMessages, readLoggedMessages } from '../../utils/store/chat-log';

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const opened: ChotDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
const database = () => {
  const db = freshDatabase();
  opened.push(db);
  return db;
};

async function filled(db = database()): Promise<ChotDatabase> {
  await saveProduct(db, { code: 'V1', name: 'Vải thiều', packages: { thùng: 10 }, stockKg: 500 });
  await ingestChat(
    db,
    { platform: 'youtube', key: 'bk01', title: 'Vải sáng' },
    [chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'công ty em đặt 1 tấn 2', { authorName: 'HTX' }), chatRow('m3', 'xin chào')],
    indexCatalog(EMPTY_CATALOG),
  );
  await decideOrder(db, 'youtube:m1', 'confirmed');
  await promoteOrder(db, 'youtube:m2');
  return db;
}

/** The background as the page reaches it, each message measured as it would travel. */
function background(db: ChotDatabase) {
  const router = createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: ID,
    extensionOrigin: ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  });
  const sizes: number[] = [];
  const run = (command: PanelCommand) => {
    sizes.push(Buffer.byteLength(JSON.stringify(command)));
    return router(command, { id: ID, url: `${ORIGIN}dashboard.html` }) as Promise<CommandReply>;
  };
  return { run, sizes };
}

const counts = async (db: ChotDatabase) =>
  Object.fromEntries(
    await Promise.all(BACKUP_TABLES.map(async (table) => [table, table === 'messages' ? await countChatMessages(db) : await db.table(table).count()] as const)),
  );
const everything = async (db: ChotDatabase) =>
  Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));

/** A season's backup: the small one's records copied under new ids until its file is about `megabytes` MB (UTF-8). */
function grown(small: Backup, megabytes: number): Backup {
  const [message] = small.messages;
  const [order] = small.orders;
  const text = `chốt 2 thùng giao Hà Nội ${'vải thiều Lục Ngạn loại 1 '.repeat(70)}`.slice(0, 1990).trim();
  const n = Math.ceil((megabytes * 1024 * 1024) / 2600);
  return {
    ...small,
    messages: [...small.messages, ...Array.from({ length: n }, (_, i) => ({ ...message!, id: `youtube:g${i}`, messageId: `g${i}`, text }))],
    orders: [
      ...small.orders,
      ...Array.from({ length: Math.floor(n / 4) }, (_, i) => ({
        ...order!,
        id: `youtube:g${i * 4}`,
        messageId: `youtube:g${i * 4}`,
        text: text.slice(0, 200),
      })),
    ],
  };
}

describe('backup in pieces', () => {
  it('builds the same file as a whole backup, in pieces of a few MB', async () => {
    const db = await filled();
    const whole = await createBackup(db, 5);
    const parts = await backupParts(db, { now: 5 });
    expect(JSON.parse(parts.join(''))).toEqual(whole);
    expect(readBackup(parts.join('')).ok).toBe(true);

    // 5,000 more messages: several reads, none of the pieces large.
    await ingestChat(
      db,
      { platform: 'youtube', key: 'bk02' },
      Array.from({ length: 5000 }, (_, i) => chatRow(`n${i}`, `đẹp quá ${'a'.repeat(1500)}`)),
      indexCatalog(EMPTY_CATALOG),
    );
    const progress: number[] = [];
    const more = await backupParts(db, { onProgress: (done) => progress.push(done) });
    expect(JSON.parse(more.join('')).messages).toHaveLength(5003);
    expect(progress.at(-1)).toBe(Object.values(await counts(db)).reduce((sum, n) => sum + n, 0));
    expect(Math.max(...more.map((part) => Buffer.byteLength(part)))).toBeLessThan(MAX_MESSAGE_BYTES);
  }, 60_000);
});

describe('restore in chunks', () => {
  it('restores a 200 MB backup in messages of at most 4 MiB, every record of it', async () => {
    const source = grown(await createBackup(await filled()), 200);
    const text = JSON.stringify(source);
    expect(Buffer.byteLength(text)).toBeGreaterThan(200 * 1024 * 1024);
    const read = readBackup(text);
    expect(read.ok).toBe(true);
    const target = database();
    const { run, sizes } = background(target);
    const phases = new Set<string>();
    const reply = await sendBackup(read.ok ? read.backup : source, run, { onProgress: ({ phase }) => phases.add(phase) });
    expect(reply).toMatchObject({ ok: true, counts: { messages: source.messages.length, orders: source.orders.length } });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(sizes.length).toBeGreaterThan(50);
    expect([...phases]).toEqual(['sending', 'writing']);
    expect(await counts(target)).toEqual(Object.fromEntries(BACKUP_TABLES.map((table) => [table, source[table].length])));
    expect((await readLoggedMessages(target)).find((m) => m.id === 'youtube:g777')).toMatchObject({ text: source.messages[780]!.text });
  }, 300_000);

  it('writes nothing when a chunk holds a record that does not validate, or the background forgot the restore', async () => {
    const source = grown(await createBackup(await filled()), 12);
    const target = await filled();
    const before = await everything(target);

    const spoiled = { ...source, orders: source.orders.map((order, i) => (i === 700 ? { ...order, status: 'hack' } : order)) } as Backup;
    const bad = await sendBackup(spoiled, background(target).run);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/does not validate at orders\.700\.status.*nothing was restored/);
    expect(await everything(target)).toEqual(before);

    // The service worker stopped between two chunks: the restarted one has no such restore.
    let first = background(target);
    let chunks = 0;
    const restarting = (command: PanelCommand) => {
      if (command.type === 'restore-chunk' && (chunks += 1) === 2) first = background(target);
      return first.run(command);
    };
    const lost = await sendBackup(source, restarting);
    expect(!lost.ok && lost.error).toMatch(/not known to the background.*nothing was restored/);
    expect(await everything(target)).toEqual(before);
  }, 60_000);
});
