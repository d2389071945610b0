import type { Language } from '../store/records';
import type { OrderLine } from './order-lines';
import { orderWorkbookIn } from './workbook';

/**
 * The workbook, built in a worker where the page has workers (the extension's pages), else in place (tests).
 * The worker and the spreadsheet library are loaded only when someone exports.
 */
export function orderWorkbookOffThread(lines: readonly OrderLine[], language: Language): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof Worker === 'undefined') return orderWorkbookIn(lines, language);
  const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }>) => {
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the workbook worker failed'));
    worker.postMessage({ lines, language });
  }).finally(() => worker.terminate());
}
