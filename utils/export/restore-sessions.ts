import { z } from 'zod';
import type { ChotDatabase } from '../store/db';
import { settingsSchema } from '../store/records';
import { BACKUP_TABLES, backupRecordSchemas, writeBackup, type BackupRecords, type BackupTable, type RestoreResult } from './backup';

/** The largest runtime message a backup or a restore sends (Chrome refuses beyond 64 MiB). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** What a restore announces before its chunks: how many records of each table, and the settings. */
export const restoreHeaderSchema = z.object({
  exportedAt: z.number(),
  counts: z.object(
    Object.fromEntries(BACKUP_TABLES.map((table) => [table, z.number().int().nonnegative().max(50_000_000)])) as { [table in BackupTable]: z.ZodNumber },
  ),
  settings: settingsSchema,
});

export type RestoreHeader = z.infer<typeof restoreHeaderSchema>;

interface Session {
  header: RestoreHeader;
  records: { [table in BackupTable]: unknown[] };
}

type Reply = { ok: true } | { ok: false; error: string };

const UNKNOWN = 'this restore is not known to the background (it was restarted, or another restore began): nothing was restored; choose the file again';

/**
 * Restores arriving in chunks, held in the background's memory until all of them are there and checked:
 * only then are they written, in one transaction (writeBackup), so a restore is whole or nothing. A
 * background stopped half-way forgets the session, and nothing of it was written.
 */
export class RestoreSessions {
  private readonly sessions = new Map<string, Session>();
  private next = 0;

  begin(header: RestoreHeader): { ok: true; id: string } {
    // One restore at a time: a new one (a page chosen the file again) replaces one left unfinished.
    this.sessions.clear();
    this.next += 1;
    const id = `restore-${Date.now().toString(36)}-${this.next}`;
    this.sessions.set(id, { header, records: Object.fromEntries(BACKUP_TABLES.map((table) => [table, []])) as unknown as Session['records'] });
    return { ok: true, id };
  }

  /** Checks a chunk record by record with the backup's own schema; one bad record ends the restore. */
  add(id: string, table: BackupTable, records: readonly unknown[]): Reply {
    const session = this.sessions.get(id);
    if (!session) return { ok: false, error: UNKNOWN };
    const kept = session.records[table];
    if (kept.length + records.length > session.header.counts[table])
      return this.fail(id, `the backup sends more ${table} than it announced (${session.header.counts[table]})`);
    const schema = backupRecordSchemas[table];
    for (const record of records) {
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return this.fail(id, `the backup does not validate at ${[table, kept.length, ...issue.path].join('.')}: ${issue.message}`);
      }
      kept.push(parsed.data);
    }
    return { ok: true };
  }

  /** Writes a restore whose every chunk arrived and was checked, all in one transaction; then forgets it. */
  async commit(db: ChotDatabase, id: string): Promise<RestoreResult> {
    const session = this.sessions.get(id);
    if (!session) return { ok: false, error: UNKNOWN };
    this.sessions.delete(id);
    const missing = BACKUP_TABLES.find((table) => session.records[table].length !== session.header.counts[table]);
    if (missing)
      return {
        ok: false,
        error: `the backup's ${missing} did not all arrive (${session.records[missing].length} of ${session.header.counts[missing]}): nothing was restored`,
      };
    return writeBackup(db, { ...(session.records as unknown as BackupRecords), settings: session.header.settings });
  }

  abort(id: string): Reply {
    this.sessions.delete(id);
    return { ok: true };
  }

  private fail(id: string, error: string): Reply {
    this.sessions.delete(id);
    return { ok: false, error: `${error}; nothing was restored` };
  }
}
