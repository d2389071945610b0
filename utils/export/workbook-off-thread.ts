import type { Language } from '../store/records';
import type { OrderLine } from './order-lines';
import { orderWorkbookIn, type WorkbookProgress } from './workbook';

/** What the workbook worker says: how far it has got, then the file or why not. */
export type WorkbookReply = { kind: 'progress'; written: number; total: number } | { kind: 'done'; blob: Blob } | { kind: 'failed'; error: string };

/**
 * The workbook, built in a worker where the page has workers (the extension's pages), else in place (tests).
 * The worker is loaded only when someone exports.
 */
export function orderWorkbookOffThread(lines: readonly OrderLine[], language: Language, onProgress?: WorkbookProgress): Promise<Blob> {
  if (typeof Worker === 'undefined') return orderWorkbookIn(lines, language, onProgress);
  const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkbookReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') onProgress?.(reply.written, reply.total);
      else if (reply.kind === 'done') resolve(reply.blob);
      else reject(new Error(reply.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the workbook worker failed'));
    worker.postMessage({ lines, language });
  }).finally(() => worker.terminate());
}
