import type { CommandReply, PanelCommand } from '../messaging/commands';
import type { StreamClaim } from '../messaging/chat-message';
import { MAX_BATCH_MESSAGES } from '../messaging/chat-message';
import type { ChatLog } from './chat-log';

export interface SendResult {
  stored: number;
  duplicates: number;
  invalid: number;
  /** Messages sent before a cancel or a failure; what was sent stays stored. */
  sent: number;
  cancelled: boolean;
  error?: string;
}

/**
 * Hands a read log to the background in batches, the way a chat reader does, in time order. Each batch is
 * one transaction: a cancel or a failure keeps the batches already stored, and importing the same file
 * again skips them.
 */
export async function sendChatLog(log: ChatLog, stream: StreamClaim, run: (command: PanelCommand) => Promise<CommandReply>, options: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}): Promise<SendResult> {
  const messages = [...log.messages].sort((a, b) => a.observedAt - b.observedAt);
  const result: SendResult = { stored: 0, duplicates: 0, invalid: 0, sent: 0, cancelled: false };
  for (let start = 0; start < messages.length; start += MAX_BATCH_MESSAGES) {
    if (options.signal?.aborted) return { ...result, cancelled: true };
    const batch = messages.slice(start, start + MAX_BATCH_MESSAGES);
    const reply = await run({ type: 'import-chat', stream, messages: batch });
    if (!reply.ok) return { ...result, error: reply.error };
    const counts = 'counts' in reply ? reply.counts : undefined;
    result.stored += counts?.stored ?? 0;
    result.duplicates += counts?.duplicates ?? 0;
    result.invalid += counts?.invalid ?? 0;
    result.sent += batch.length;
    options.onProgress?.(result.sent, messages.length);
  }
  return result;
}
