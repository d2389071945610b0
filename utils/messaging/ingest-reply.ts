import { z } from 'zod';
import { ingestAckSchema, type IngestAck } from './chat-message';

const refusalSchema = z.object({ ok: z.literal(false), error: z.string().max(500), transient: z.boolean().optional() });

export type IngestReply =
  | { ok: true; ack: IngestAck }
  /** refused: the background answered no; otherwise the reply was missing or unreadable (worth retrying). */
  | { ok: false; refused: boolean; reason: string };

/** Reads the background's answer to a chat batch. */
export function readIngestReply(reply: unknown): IngestReply {
  const ack = ingestAckSchema.safeParse(reply);
  if (ack.success) return { ok: true, ack: ack.data };
  const refusal = refusalSchema.safeParse(reply);
  // A failure inside the background (storage full, a worker stopping) is worth sending again; a refusal is not.
  if (refusal.success) return { ok: false, refused: !refusal.data.transient, reason: refusal.data.error };
  return { ok: false, refused: false, reason: 'no usable reply from the background' };
}
