// Bundled by scripts/bench.ts and run in a Chromium page: exports of 100,000 order lines and the import of a
// 100,000-message chat log, as the extension's pages do them (the import's writes go to real IndexedDB).
import { ChotDatabase } from '../../utils/store/db';
import { ingestChat } from '../../utils/store/ingest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { orderLinesCsv } from '../../utils/export/csv';
import { orderWorkbookBlob } from '../../utils/export/workbook';
import { translate } from '../../utils/i18n/messages';
import type { OrderLine } from '../../utils/export/order-lines';
import { readChatLog } from '../../utils/import/read-chat-log';
import { sendChatLog } from '../../utils/import/send-chat-log';
import { importedStreamClaim } from '../../utils/import/read-chat-log';
import { youtubeReplayLog } from '../lib/youtube-replay-log';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { benchComments } from './bench-comments';

function benchLines(count: number): OrderLine[] {
  const comments = benchComments(count);
  return comments.map((comment, i) => ({
    orderId: `youtube:m${Math.floor(i / 2)}`,
    time: new Date(1_780_000_000_000 + i * 200),
    stream: 'Vải thiều Lục Ngạn',
    platform: 'youtube',
    buyer: `Nguyễn Thị Khách ${i % 5000}`,
    phone: i % 3 === 0 ? `09${String(10_000_000 + i)}` : '',
    address: i % 4 === 0 ? `${i % 200} Lê Lợi, Bắc Giang` : '',
    product: ['V1', 'V2', 'V3', ''][i % 4]!,
    quantity: (i % 9) + 1,
    unit: i % 2 ? 'kg' : 'thùng',
    kg: i % 2 ? (i % 9) + 1 : ((i % 9) + 1) * 10,
    pricePerKg: 45_000,
    amount: 45_000 * ((i % 9) + 1),
    status: i % 5 ? 'confirmed' : 'pending',
    comment,
  }));
}

const words = (key: Parameters<typeof translate>[1]) => translate('vi', key);
/** The JS heap now (Chromium; exact only with --enable-precise-memory-info). */
const heapBytes = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

/** CSV and xlsx of the same lines, taken in turn three times so that both meet the same moments of a busy machine. */
async function timeExports(count: number) {
  const lines = benchLines(count);
  const csvRuns: number[] = [];
  const xlsxRuns: number[] = [];
  let csvBytes = 0;
  let xlsxBytes = 0;
  for (let run = 0; run < 3; run += 1) {
    let started = performance.now();
    const csv = orderLinesCsv(lines);
    csvRuns.push(performance.now() - started);
    csvBytes = new Blob([csv]).size;
    started = performance.now();
    const xlsx = await orderWorkbookBlob(lines, words, (status) => status);
    xlsxRuns.push(performance.now() - started);
    xlsxBytes = xlsx.size;
  }
  return { csvRuns, csvBytes, xlsxRuns, xlsxBytes };
}

let kept: OrderLine[] = [];
/** Makes the lines and keeps them, so that the caller can collect garbage before the workbook is timed. */
function makeLines(count: number) {
  const before = heapBytes();
  kept = benchLines(count);
  return { linesBytes: heapBytes() - before };
}

/**
 * The workbook of the kept lines, with the JS heap sampled at every progress report (every 5,000 rows): as it
 * is (garbage included), and after a full collection at every 10th report (what the writing really holds).
 */
async function workbookMemory() {
  const collect = (globalThis as unknown as { gc?: () => void }).gc;
  collect?.();
  const baseline = heapBytes();
  let peak = baseline;
  let livePeak = baseline;
  let reports = 0;
  const started = performance.now();
  const blob = await orderWorkbookBlob(
    kept,
    words,
    (status) => status,
    () => {
      reports += 1;
      peak = Math.max(peak, heapBytes());
      if (collect && reports % 10 === 0) {
        collect();
        livePeak = Math.max(livePeak, heapBytes());
      }
    },
  );
  const ms = performance.now() - started;
  kept = [];
  return { ms, bytes: blob.size, peakOverBaselineBytes: peak - baseline, livePeakOverBaselineBytes: collect ? livePeak - baseline : null, reports };
}

/** A YouTube replay log of the bench comments, as chat downloaders save it. */
function benchLog(count: number): string {
  return youtubeReplayLog(
    benchComments(count, 7).map((text, i) => ({
      id: `bench${i}`,
      author: `Khách ${i % 3000}`,
      channelId: `UCbench${i % 3000}`,
      text,
      at: 1_780_000_000_000 + i * 150,
      offsetMs: i * 150,
    })),
  );
}

async function timeImport(count: number) {
  const text = benchLog(count);
  const db = new ChotDatabase(`bench-import-${Date.now()}`);
  const catalog = indexCatalog(EMPTY_CATALOG);
  // The background's side of the import, without the message hop.
  const run = async (command: PanelCommand): Promise<CommandReply> => {
    if (command.type !== 'import-chat') return { ok: true };
    return { ok: true, counts: { ...(await ingestChat(db, command.stream, command.messages, catalog)) } };
  };
  let longestStepMs = 0;
  let last = performance.now();
  const step = () => {
    const now = performance.now();
    longestStepMs = Math.max(longestStepMs, now - last);
    last = now;
  };
  let started = performance.now();
  const read = await readChatLog(text, { platform: 'youtube', day: 0, onProgress: step });
  const readMs = performance.now() - started;
  // The read runs in the page; the ingest, in the extension, in the background's service worker.
  const longestReadStepMs = longestStepMs;
  if (!read.ok) throw new Error(read.error);
  started = performance.now();
  last = started;
  const sent = await sendChatLog(read.log, importedStreamClaim(read.log, 'bench.json', read.key), run, { onProgress: step });
  const ingestMs = performance.now() - started;
  const orders = await db.orders.count();
  db.close();
  return { megabytes: text.length / 2 ** 20, readMs, ingestMs, stored: sent.stored, orders, longestReadStepMs };
}

(window as unknown as { chotExchangeBench: unknown }).chotExchangeBench = { timeExports, timeImport, makeLines, workbookMemory };
