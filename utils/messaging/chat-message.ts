import { z } from 'zod';
import { platformSchema } from '../platforms/platform';

/** Longest text accepted from a chat row; YouTube itself caps chat at 200 characters. */
export const MAX_MESSAGE_TEXT = 2000;
export const MAX_AUTHOR_NAME = 200;
export const MAX_BATCH_MESSAGES = 500;

const boundedText = (max: number) => z.string().trim().min(1).max(max);

/** One chat row as read by a content script. Untrusted: validated in the background before storing. */
export const chatMessageSchema = z.object({
  platform: platformSchema,
  /** The site's own id of the row (YouTube's row id attribute). */
  messageId: z.string().min(1).max(200).regex(/^[\w\-.:=%]+$/),
  kind: z.enum(['chat', 'paid']),
  authorName: boundedText(MAX_AUTHOR_NAME),
  authorChannelId: z.string().min(1).max(200).optional(),
  text: boundedText(MAX_MESSAGE_TEXT),
  /** Super Chat amount as shown, e.g. "₫50.000". */
  paidAmount: z.string().trim().max(50).optional(),
  /** When the reader first saw the row (ms since epoch). */
  observedAt: z.number().int().min(1_500_000_000_000).max(4_000_000_000_000),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A batch from a chat reader. Messages are validated one by one so one bad row does not sink the batch. */
export const chatBatchSchema = z.object({
  type: z.literal('chat-batch'),
  /** Stream title when the page shows one. */
  title: z.string().trim().min(1).max(300).optional(),
  messages: z.array(z.unknown()).max(MAX_BATCH_MESSAGES),
});

export type ChatBatch = z.infer<typeof chatBatchSchema>;

export const ingestAckSchema = z.object({
  ok: z.literal(true),
  stored: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
});

export type IngestAck = z.infer<typeof ingestAckSchema>;
