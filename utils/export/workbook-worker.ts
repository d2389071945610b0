// Builds the xlsx off the page's main thread: 100,000 lines take tens of seconds, and the page must keep
// answering meanwhile.
import { z } from 'zod';
import { languageSchema } from '../store/records';
import { orderWorkbookIn } from './workbook';
import type { OrderLine } from './order-lines';

const requestSchema = z.object({ lines: z.array(z.custom<OrderLine>((value) => typeof value === 'object' && value !== null)), language: languageSchema });

self.onmessage = async (event: MessageEvent<unknown>) => {
  const request = requestSchema.safeParse(event.data);
  if (!request.success) return self.postMessage({ ok: false, error: 'malformed workbook request' });
  try {
    const bytes = await orderWorkbookIn(request.data.lines, request.data.language);
    (self as unknown as Worker).postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ ok: false, error: String(error) });
  }
};
