import { z } from 'zod';
import type { PageSample } from './page-sample';

/** The background asks the frame reading a chat for a page sample. */
export const captureRequestSchema = z.object({ type: z.literal('capture-sample') });

export type SampleAnswer = PageSample | { ok: false; error: string };

/**
 * The content script's side: only the extension itself may ask (a page script cannot reach this listener,
 * but another extension could message it). Undefined: not a request for us, no answer.
 */
export function answerSampleRequest(message: unknown, sender: { id?: string }, extensionId: string, capture: () => SampleAnswer): SampleAnswer | undefined {
  if (sender.id !== extensionId || !captureRequestSchema.safeParse(message).success) return undefined;
  return capture();
}
