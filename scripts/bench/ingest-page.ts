// Bundled by scripts/bench.ts and run in a Chromium page, so ingest is measured against real IndexedDB.
import { Dexie } from 'dexie';
import { ChotDatabase } from '../../utils/store/db';
import { ingestChat } from '../../utils/store/ingest';
import { IngestCache } from '../../utils/store/ingest-cache';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { benchMessages } from './bench-comments';
import { countChatMessages } from '../../utils/store/chat-log';

async function timeIngest(count: number, batchSize: number): Promise<number> {
  const db = new ChotDatabase(`bench-ingest-${Date.now()}`);
  const messages = benchMessages(count);
  const catalog = indexCatalog(EMPTY_CATALOG);
  // as the background runs it: with the memory it keeps between batches (created with its router)
  const cache = new IngestCache(db);
  // opened (schema created) before the clock starts, as the baseline's is
  await db.open();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += batchSize) {
    await ingestChat(db, { platform: 'youtube', key: 'benchmark' }, messages.slice(i, i + batchSize), catalog, { cache });
  }
  const elapsed = performance.now() - started;
  if ((await countChatMessages(db)) !== count) throw new Error('ingest lost messages');
  db.close();
  return elapsed;
}

/** Baseline: the same rows as stored records, written with a plain Dexie bulkPut per batch. */
async function timeBulkPut(count: number, batchSize: number): Promise<number> {
  const db = new Dexie(`bench-bulkput-${Date.now()}`);
  db.version(1).stores({ messages: 'id, [streamId+observedAt]' });
  const rows = benchMessages(count).map((m) => ({ ...m, id: `youtube:${m.messageId}`, streamId: 'youtube:benchmark', receivedAt: Date.now() }));
  await db.open();
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batchSize) await db.table('messages').bulkPut(rows.slice(i, i + batchSize));
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

(window as unknown as { chotBench: unknown }).chotBench = { timeIngest, timeBulkPut };
