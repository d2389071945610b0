// Bundled by scripts/bench.ts and run in a plain page of the bench's browser: makes the desk bench's
// backup with the extension's own store code (catalog import, chat ingest, bulk confirm, backup), so the
// records are what the extension itself writes. The extension then restores it through its dashboard.
import { ChotDatabase } from '../../utils/store/db';
import { ingestChat } from '../../utils/store/ingest';
import { importCatalog, loadStoredCatalog } from '../../utils/store/catalog';
import { decideOrders } from '../../utils/store/orders';
import { createBackup } from '../../utils/export/backup';
import { indexCatalog } from '../../utils/parser/index';
import { DESK_VIDEO_ID, deskChat } from './desk-chat';

/** A six-hour stream: the rows are spread over it and end a minute before now. */
const STREAM_MS = 6 * 3600_000;
/** The largest batch a reader may send: the fill is the slowest part of the bench at 20,000 orders. */
const BATCH = 500;

export interface DeskFill {
  json: string;
  orders: number;
  confirmed: number;
  messages: number;
  ms: number;
}

/** `catalogJson`: the catalog file's text (tests/fixtures/lychee-catalog.json), imported as the dashboard does. */
async function makeBackup(orders: number, catalogJson: string): Promise<DeskFill> {
  const started = performance.now();
  const db = new ChotDatabase(`chot-desk-fill-${orders}-${Date.now()}`);
  const imported = await importCatalog(db, catalogJson);
  if (!imported.ok) throw new Error(`catalog import failed: ${imported.error}`);
  const catalog = indexCatalog(await loadStoredCatalog(db));
  const rows = deskChat(orders, 'Khách', 'fill', 54);
  const end = Date.now() - 60_000;
  const step = STREAM_MS / rows.length;
  const messages = rows.map((row, i) => ({
    platform: 'youtube' as const,
    messageId: row.id,
    kind: 'chat' as const,
    authorName: row.author,
    text: row.text,
    observedAt: Math.round(end - (rows.length - i) * step),
  }));
  for (let i = 0; i < messages.length; i += BATCH) {
    const batch = messages.slice(i, i + BATCH);
    await ingestChat(db, { platform: 'youtube', key: DESK_VIDEO_ID }, batch, catalog, { now: batch.at(-1)!.observedAt + 500 });
  }
  // The assistant confirmed the older orders as the stream went: about the first 40 %, three in four of them.
  const ids = rows.filter((row) => row.order).map((row) => `youtube:${row.id}`);
  const confirm = ids.slice(0, Math.floor(ids.length * 0.4)).filter((_, i) => i % 4 !== 3);
  for (let i = 0; i < confirm.length; i += 500) await decideOrders(db, confirm.slice(i, i + 500), 'confirmed', end);
  const backup = await createBackup(db, end);
  db.close();
  if (backup.orders.length !== orders) throw new Error(`ingest made ${backup.orders.length} orders of ${orders} order comments`);
  return {
    json: JSON.stringify(backup),
    orders: backup.orders.length,
    confirmed: backup.orders.filter((o) => o.status === 'confirmed').length,
    messages: backup.messages.length,
    ms: performance.now() - started,
  };
}

(window as unknown as { chotDeskFill: unknown }).chotDeskFill = { makeBackup };
