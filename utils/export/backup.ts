import { z } from 'zod';
import type { ChotDatabase } from '../store/db';
import {
  actionRecordSchema, contractRecordSchema, customerRecordSchema, messageRecordSchema, orderRecordSchema, settingsSchema, streamRecordSchema,
} from '../store/records';
import { productSchema } from '../parser/catalog';
import { loadSettings, saveSettings } from '../store/settings';
import { questionRecordSchema } from '../store/questions';

export const BACKUP_FORMAT = 'chot-backup';
export const BACKUP_VERSION = 1;
/** A backup larger than this is not one of ours (or not one a browser should parse in one go). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  streams: z.array(streamRecordSchema),
  messages: z.array(messageRecordSchema),
  orders: z.array(orderRecordSchema),
  actions: z.array(actionRecordSchema.omit({ seq: true })),
  customers: z.array(customerRecordSchema),
  products: z.array(productSchema),
  contracts: z.array(contractRecordSchema),
  settings: settingsSchema,
  /** The questions lane; a backup made before it had none. */
  questions: z.array(questionRecordSchema).default([]),
});

export type Backup = z.infer<typeof backupSchema>;

/** Everything the extension keeps, with a format version. */
export async function createBackup(db: ChotDatabase, now = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.streams, db.messages, db.orders, db.actions, db.customers, db.products, db.contracts, db.settings, db.questions], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    streams: await db.streams.toArray(),
    messages: await db.messages.toArray(),
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
  if (head.data.version !== BACKUP_VERSION) return { ok: false, error: `backup format version ${head.data.version} is not one this version of Chốt reads (it reads ${BACKUP_VERSION})` };
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
export async function restoreBackup(db: ChotDatabase, text: string): Promise<RestoreResult> {
  const read = readBackup(text);
  if (!read.ok) return read;
  const { backup } = read;
  return db.transaction('rw', [db.streams, db.messages, db.orders, db.actions, db.customers, db.products, db.contracts, db.settings, db.questions, ...db.figureTables], async () => {
    await db.streams.bulkPut(backup.streams);
    await db.messages.bulkPut(backup.messages);
    await db.orders.bulkPut(backup.orders);
    await db.customers.bulkPut(backup.customers);
    await db.products.bulkPut(backup.products);
    await db.contracts.bulkPut(backup.contracts);
    const present = new Set((await db.actions.toArray()).map((action) => `${action.orderId}|${action.at}|${action.kind}|${JSON.stringify(action.after)}`));
    const fresh = backup.actions.filter((action) => !present.has(`${action.orderId}|${action.at}|${action.kind}|${JSON.stringify(action.after)}`));
    await db.actions.bulkAdd(fresh);
    await saveSettings(db, backup.settings);
    await db.questions.bulkPut(backup.questions);
    return { ok: true, counts: { streams: backup.streams.length, messages: backup.messages.length, orders: backup.orders.length, actions: fresh.length, customers: backup.customers.length, products: backup.products.length, contracts: backup.contracts.length, questions: backup.questions.length } } as const;
  });
}
