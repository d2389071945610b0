import { z } from 'zod';
import { platformSchema } from '../platforms/platform';

/** Longest text accepted from a chat row; YouTube caps chat at 200 characters, TikTok at 150. */
export const MAX_MESSAGE_TEXT = 2000;
export const MAX_AUTHOR_NAME = 200;
export const MAX_BATCH_MESSAGES = 500;

const boundedText = (max: number) => z.string().trim().min(1).max(max);
/** Site ids: message ids, channel ids, stream keys. Conservative characters only. */
export const siteIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w\-.:=%@/]+$/);

export const MESSAGE_KINDS = ['chat', 'paid', 'gift'] as const;

/** One chat row as read by a content script. Untrusted: validated in the background before storing. */
export const chatMessageSchema = z.object({
  platform: platformSchema,
  /** The site's id of the row, or one the reader made for a site without ids (TikTok). */
  messageId: siteIdSchema,
  /** Gifts are stored for the record but never read as orders. */
  kind: z.enum(MESSAGE_KINDS),
  authorName: boundedText(MAX_AUTHOR_NAME),
  /** The author's id on the site when the page shows one (channel id, profile handle). */
  authorId: siteIdSchema.optional(),
  text: boundedText(MAX_MESSAGE_TEXT),
  /** Super Chat or gift amount as shown, e.g. "₫50.000", "Rose x5". */
  paidAmount: z.string().trim().max(50).optional(),
  /** When the reader first saw the row (ms since epoch). */
  observedAt: z.number().int().min(1_500_000_000_000).max(4_000_000_000_000),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * A message read before and since deleted in the chat by a moderator (YouTube's `is-deleted`): its order
 * stops counting. Sent in the same ordered batches as messages, so it never overtakes the message it names.
 */
export const chatWithdrawalSchema = z.object({
  platform: platformSchema,
  messageId: siteIdSchema,
  kind: z.literal('withdrawn'),
  observedAt: chatMessageSchema.shape.observedAt,
});

export type ChatWithdrawal = z.infer<typeof chatWithdrawalSchema>;
/** What a chat batch carries: messages read, and withdrawals of messages read before. */
export type ChatEntry = ChatMessage | ChatWithdrawal;

/** Which stream a batch belongs to, as the page shows it. */
export const streamClaimSchema = z.object({
  platform: platformSchema,
  /** YouTube video id, TikTok host handle with the day, Facebook video id. */
  key: siteIdSchema,
  title: z.string().trim().min(1).max(300).optional(),
  /** The streamer as the page names them. */
  host: z.string().trim().min(1).max(200).optional(),
});

export type StreamClaim = z.infer<typeof streamClaimSchema>;

/** A batch from a chat reader. Messages are validated one by one so one bad row does not sink the batch. */
export const chatBatchSchema = z.object({
  type: z.literal('chat-batch'),
  stream: streamClaimSchema,
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
