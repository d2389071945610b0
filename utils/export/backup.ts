import { z } from 'zod';
import type { IndexableType, Table } from 'dexie';
import type { ChotDatabase } from '../store/db';
import {
  actionRecordSchema,
  contractRecordSchema,
  customerRecordSchema,
  messageRecordSchema,
  orderRecordSchema,
  settingsSchema,
  streamRecordSchema,
} from '../store/records';
import { productSchema } from '../parser/catalog';
import { loadSettings, saveSettings } from '../store/settings';
import { questionRecordSchema } from '../store/questions';
import { putInLog, readLoggedMessages } from '../store/chat-log';

export const BACKUP_FORMAT = 'chot-backup';
export const BACKUP_VERSION = 1;
/**
 * A backup larger than this is refused before it is read: the page reads the file as one string, and a
 * browser's strings end a little beyond 500 MiB. It travels to the background in chunks (backup-transfer.ts).
 */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

/** One record of each table a backup holds, checked by the same rule in a whole file and in a chunk. */
export const backupRecordSchemas = {
  streams: streamRecordSchema,
  messages: messageRecordSchema,
  orders: orderRecordSchema,
  actions: actionRecordSchema.omit({ seq: true }),
  customers: customerRecordSchema,
  products: productSchema,
  contracts: contractRecordSchema,
  questions: questionRecordSchema,
} as const;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  streams: z.array(backupRecordSchemas.streams),
  messages: z.array(backupRecordSchemas.messages),
  orders: z.array(backupRecordSchemas.orders),
  actions: z.array(backupRecordSchemas.actions),
  customers: z.array(backupRecordSchemas.customers),
  products: z.array(backupRecordSchemas.products),
  contracts: z.array(backupRecordSchemas.contracts),
  settings: settingsSchema,
  /** The questions lane; a backup made before it had none. */
  questions: z.array(backupRecordSchemas.questions).default([]),
});

export type Backup = z.infer<typeof backupSchema>;

/** The tables a backup holds, in the order they are written and sent. */
export const BACKUP_TABLES = ['streams', 'messages', 'orders', 'actions', 'customers', 'products', 'contracts', 'questions'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
export type BackupRecords = { [table in BackupTable]: Backup[table] };

/** Everything the extension keeps, with a format version. */
export async function createBackup(db: ChotDatabase, now = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.streams, db.chatLog, db.orders, db.actions, db.customers, db.products, db.contracts, db.settings, db.questions], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    streams: await db.streams.toArray(),
    messages: await readLoggedMessages(db),
    orders: await db.orders.toArray(),
    actions: (await db.actions.orderBy('seq').toArray()).map(({ seq: _seq, ...action }) => action),
    customers: await db.customers.toArray(),
    products: await db.products.toArray(),
    contracts: await db.contracts.toArray(),
    settings: await loadSettings(db),
    questions: await db.questions.toArray(),
  }));
}

export type RestoreResult = { ok: true; counts: Record<string, number> } | { ok: false; error: string };

/** Reads a backup file's text: a clear reason when it is not a backup this version can restore. */
export function readBackup(text: string): { ok: true; backup: Backup } | { ok: false; error: string } {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the file is not valid JSON (cut short?): ${(error as Error).message}` };
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(value);
  if (!head.success || head.data.format !== BACKUP_FORMAT) return { ok: false, error: 'the file is not a Chốt backup' };
  if (head.data.version !== BACKUP_VERSION)
    return { ok: false, error: `backup format version ${head.data.version} is not one this version of Chốt reads (it reads ${BACKUP_VERSION})` };
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `the backup does not validate at ${issue.path.join('.')}: ${issue.message}` };
  }
  return { ok: true, backup: parsed.data };
}

/**
 * Restores a backup into what is there, all or nothing in one transaction: records with the same id are
 * replaced (not doubled), others are added; history entries already present are not added again.
 */
export async function writeBackup(db: ChotDatabase, backup: Omit<Backup, 'format' | 'version' | 'exportedAt'>): Promise<RestoreResult> {
  return db.transaction(
    'rw',
    [db.streams, db.chatLog, db.orders, db.actions, db.customers, db.products, db.contracts, db.settings, db.questions, ...db.figureTables],
    async () => {
      await db.streams.bulkPut(backup.streams);
      await putInLog(db, backup.messages);
      await db.orders.bulkPut(backup.orders);
      await db.customers.bulkPut(backup.customers);
      await db.products.bulkPut(backup.products);
      await db.contracts.bulkPut(backup.contracts);
      const present = new Set((await db.actions.toArray()).map((action) => `${action.orderId}|${action.at}|${action.kind}|${JSON.stringify(action.after)}`));
      const fresh = backup.actions.filter((action) => !present.has(`${action.orderId}|${action.at}|${action.kind}|${JSON.stringify(action.after)}`));
      await db.actions.bulkAdd(fresh);
      await saveSettings(db, backup.settings);
      await db.questions.bulkPut(backup.questions);
      return {
        ok: true,
        counts: {
          streams: backup.streams.length,
          messages: backup.messages.length,
          orders: backup.orders.length,
          actions: fresh.length,
          customers: backup.customers.length,
          products: backup.products.length,
          contracts: backup.contracts.length,
          questions: backup.questions.length,
        },
      } as const;
    },
  );
}

/** A backup file's text restored in one go (the background receives it in chunks: restore-sessions.ts). */
export async function restoreBackup(db: ChotDatabase, text: string): Promise<RestoreResult> {
  const read = readBackup(text);
  return read.ok ? writeBackup(db, read.backup) : read;
}

/** Records per read and per piece of the file: a piece stays a few MB, whatever the size of the backup. */
const PAGE = 2000;

/**
 * The backup file as pieces of JSON text (for a Blob), read table by table a page at a time through the
 * primary key in one read transaction: the same file as createBackup's, never one giant string. The chat
 * log is read whole first (its pages hold the messages, and the progress counts messages): no more than
 * the pieces themselves hold.
 */
export async function backupParts(db: ChotDatabase, options: { onProgress?: (done: number, total: number) => void; now?: number } = {}): Promise<string[]> {
  const tables = {
    streams: db.streams,
    orders: db.orders,
    actions: db.actions,
    customers: db.customers,
    products: db.products,
    contracts: db.contracts,
    questions: db.questions,
  } as const;
  return db.transaction('r', [...Object.values(tables), db.chatLog, db.settings], async () => {
    const messages = await readLoggedMessages(db);
    const counts = await Promise.all(BACKUP_TABLES.map((name) => (name === 'messages' ? messages.length : tables[name].count())));
    const total = counts.reduce((sum, n) => sum + n, 0);
    let done = 0;
    const parts = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${options.now ?? Date.now()}`];
    const write = (records: readonly unknown[], first: boolean) => {
      parts.push(`${first ? '' : ','}${records.map((record) => JSON.stringify(record)).join(',')}`);
      done += records.length;
      options.onProgress?.(done, total);
    };
    for (const name of BACKUP_TABLES) {
      parts.push(`,${JSON.stringify(name)}:[`);
      if (name === 'messages') for (let i = 0; i < messages.length; i += PAGE) write(messages.slice(i, i + PAGE), i === 0);
      else {
        const table = tables[name] as unknown as Table<Record<string, unknown>, IndexableType>;
        const key = table.schema.primKey.keyPath as string;
        let last: IndexableType | undefined;
        for (let first = true; ; first = false) {
          const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray();
          if (page.length === 0) break;
          last = page[page.length - 1]![key] as IndexableType;
          // History entries are numbered by the store that keeps them: a restore numbers them afresh.
          write(name === 'actions' ? page.map(({ seq: _seq, ...action }) => action) : page, first);
        }
      }
      parts.push(']');
    }
    parts.push(`,"settings":${JSON.stringify(await loadSettings(db))}}`);
    return parts;
  });
}
