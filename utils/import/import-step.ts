import type { ChotDatabase } from '../store/db';
import type { CatalogIndex } from '../parser/index';
import type { StreamClaim } from '../messaging/chat-message';
import { ingestChat, streamIdOf } from '../store/ingest';
import type { IngestCache } from '../store/ingest-cache';
import { progressAfter } from '../store/import-progress';
import { entryProblem } from './import-entry';

export interface ImportStep {
  stream: StreamClaim;
  messages: readonly unknown[];
  /** The file's entries fingerprint, the index of this step's first message in time order, and the file's count. */
  importId: string;
  offset: number;
  total: number;
}

/** What the step stored, and how many of the file's messages are stored in all (`done`). */
export type StepCounts = { stored: number; duplicates: number; invalid: number; done: number };
export type ImportStepResult = { ok: true; counts: StepCounts } | { ok: false; error: string };

/**
 * One step of a chat-log import in the background: checked whole by the page's schema (one entry the
 * store would refuse refuses the step, nothing of it written), then the live ingest and the import's
 * progress record in one transaction, so the record never says more or less than what is stored.
 */
export async function importStep(
  db: ChotDatabase,
  step: ImportStep,
  catalog: CatalogIndex,
  repeatWindowMs: number,
  now = Date.now(),
  cache?: IngestCache,
): Promise<ImportStepResult> {
  for (const [i, message] of step.messages.entries()) {
    const problem = entryProblem(message);
    if (problem) return { ok: false, error: `entry ${step.offset + i + 1} of the file: ${problem.detail}` };
    if ((message as { platform: string }).platform !== step.stream.platform)
      return { ok: false, error: `entry ${step.offset + i + 1} of the file is not of ${step.stream.platform}` };
  }
  const streamId = streamIdOf(step.stream);
  return db.transaction('rw', [...db.ingestTables, db.imports], async () => {
    const counts = await ingestChat(db, step.stream, step.messages, catalog, { repeatWindowMs, now, cache });
    const progress = progressAfter(await db.imports.get(step.importId), {
      id: step.importId,
      streamId,
      total: step.total,
      offset: step.offset,
      count: step.messages.length,
      now,
    });
    await db.imports.put(progress);
    return { ok: true as const, counts: { ...counts, done: progress.done } };
  });
}
