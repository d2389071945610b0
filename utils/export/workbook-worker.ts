// Builds the xlsx off the page's main thread, telling the page how far it has got; the page must keep
// answering meanwhile.
import { z } from 'zod';
import { languageSchema } from '../store/records';
import { orderWorkbookIn } from './workbook';
import type { OrderLine } from './order-lines';
import type { WorkbookReply } from './workbook-off-thread';

const requestSchema = z.object({ lines: z.array(z.custom<OrderLine>((value) => typeof value === 'object' && value !== null)), language: languageSchema });
const reply = (message: WorkbookReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<unknown>) => {
  const request = requestSchema.safeParse(event.data);
  if (!request.success) return reply({ kind: 'failed', error: 'malformed workbook request' });
  try {
    // A Blob crosses to the page without copying its bytes.
    const blob = await orderWorkbookIn(request.data.lines, request.data.language, (written, total) => reply({ kind: 'progress', written, total }));
    reply({ kind: 'done', blob });
  } catch (error) {
    reply({ kind: 'failed', error: String(error) });
  }
};
