import type { CommandReply, PanelCommand } from '../messaging/commands';
import { BACKUP_TABLES, type Backup } from './backup';
import { MAX_MESSAGE_BYTES } from './restore-sessions';

/** Bytes of a string in UTF-8, as it travels (without building the bytes). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : code >= 0xdc00 && code < 0xe000 ? 0 : 3;
  }
  return bytes;
}

/** Room kept in each message for the command around the records. */
const ENVELOPE = 1024;

/** A table's records in runs whose JSON stays under the limit; a record alone beyond it cannot travel. */
export function* chunksOf<T>(records: readonly T[], maxBytes: number): Generator<T[]> {
  let chunk: T[] = [];
  let bytes = ENVELOPE;
  for (const record of records) {
    const size = utf8Bytes(JSON.stringify(record)) + 1;
    if (size + ENVELOPE > maxBytes) throw new Error(`a record of ${Math.round(size / 1024)} KB is larger than a message may be`);
    if (bytes + size > maxBytes && chunk.length > 0) {
      yield chunk;
      chunk = [];
      bytes = ENVELOPE;
    }
    chunk.push(record);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

export type RestoreProgress = { phase: 'sending' | 'writing'; done: number; total: number };

/**
 * Sends a checked backup to the background in chunks of at most a few MiB: a header with the counts, then
 * each table's records, then the commit that writes them all in one transaction. A failure anywhere
 * leaves the stored data as it was.
 */
export async function sendBackup(
  backup: Backup,
  run: (command: PanelCommand) => Promise<CommandReply>,
  options: { onProgress?: (progress: RestoreProgress) => void; maxBytes?: number } = {},
): Promise<CommandReply> {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, backup[table].length])) as Record<(typeof BACKUP_TABLES)[number], number>;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const begun = await run({ type: 'restore-begin', header: { exportedAt: backup.exportedAt, counts, settings: backup.settings } });
  if (!begun.ok) return begun;
  const restoreId = 'id' in begun && begun.id ? begun.id : '';
  let done = 0;
  options.onProgress?.({ phase: 'sending', done, total });
  try {
    for (const table of BACKUP_TABLES) {
      for (const records of chunksOf<unknown>(backup[table], maxBytes)) {
        const reply = await run({ type: 'restore-chunk', restoreId, table, records });
        if (!reply.ok) return reply;
        done += records.length;
        options.onProgress?.({ phase: 'sending', done, total });
      }
    }
  } catch (error) {
    await run({ type: 'restore-abort', restoreId }).catch(() => undefined);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  options.onProgress?.({ phase: 'writing', done, total });
  return run({ type: 'restore-commit', restoreId });
}
