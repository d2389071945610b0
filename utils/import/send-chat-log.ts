import type { CommandReply, PanelCommand } from '../messaging/commands';
import type { ChatMessage, StreamClaim } from '../messaging/chat-message';
import { MAX_BATCH_MESSAGES } from '../messaging/chat-message';
import type { ImportProgress } from '../store/import-progress';
import { streamIdOf } from '../store/ingest';
import type { ChatLog } from './chat-log';

export interface SendResult {
  stored: number;
  duplicates: number;
  invalid: number;
  /** Messages handed over in this run, before a cancel or a failure. */
  sent: number;
  /** Messages of the file stored in all (earlier runs included), as the background's progress record says. */
  done: number;
  total: number;
  /** Messages a former run had stored, skipped this time. */
  resumedFrom: number;
  cancelled: boolean;
  error?: string;
}

/** A fingerprint of a log's entries (ids, times, texts) in time order: the key of its progress record. */
export function entriesFingerprint(messages: readonly ChatMessage[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
  };
  for (const message of messages) mix(`${message.messageId}\u0000${message.observedAt}\u0000${message.text}\u0001`);
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${messages.length}`;
}

export interface SendOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Reads the import's progress record (the page reads the store; only the background writes it). */
  progressOf?: (importId: string) => Promise<ImportProgress | undefined>;
}

/**
 * Hands a checked log to the background in steps of 500 messages, in time order. Each step is one
 * transaction with its progress record: a cancel, a failure or a stopped service worker keeps the steps
 * already stored and the record says how many; the same file sent again goes on after them (and message
 * ids make a step sent twice store nothing twice).
 */
export async function sendChatLog(
  log: ChatLog,
  stream: StreamClaim,
  run: (command: PanelCommand) => Promise<CommandReply>,
  options: SendOptions = {},
): Promise<SendResult> {
  const messages = [...log.messages].sort((a, b) => a.observedAt - b.observedAt || (a.messageId < b.messageId ? -1 : 1));
  const total = messages.length;
  const importId = entriesFingerprint(messages);
  const previous = await options.progressOf?.(importId);
  const resumedFrom = previous && previous.streamId === streamIdOf(stream) && previous.done < total ? previous.done : 0;
  const result: SendResult = { stored: 0, duplicates: 0, invalid: 0, sent: 0, done: resumedFrom, total, resumedFrom, cancelled: false };
  if (resumedFrom > 0) options.onProgress?.(resumedFrom, total);
  const stop = async (error: string) => ({ ...result, error, done: (await options.progressOf?.(importId).catch(() => undefined))?.done ?? result.done });
  for (let offset = resumedFrom; offset < total; offset += MAX_BATCH_MESSAGES) {
    if (options.signal?.aborted) return { ...result, cancelled: true };
    const batch = messages.slice(offset, offset + MAX_BATCH_MESSAGES);
    let reply: CommandReply;
    try {
      reply = await run({ type: 'import-chat', stream, messages: batch, importId, offset, total });
    } catch (error) {
      // The background stopped (or the page lost it) mid-step: what the store holds is what the record says.
      return stop(error instanceof Error ? error.message : String(error));
    }
    if (!reply.ok) return stop(reply.error);
    const counts = 'counts' in reply ? reply.counts : undefined;
    result.stored += counts?.stored ?? 0;
    result.duplicates += counts?.duplicates ?? 0;
    result.invalid += counts?.invalid ?? 0;
    result.sent += batch.length;
    result.done = counts?.done ?? offset + batch.length;
    options.onProgress?.(result.done, total);
  }
  return result;
}
