import { z } from 'zod';
import { platformSchema } from '../platforms/platform';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';
import { importEntrySchema, refusalError, type Refusal } from './import-entry';

/** A chat log bigger than this is refused before it is read: 100,000 messages of YouTube JSON is about 150 MB. */
export const MAX_CHAT_LOG_BYTES = 300 * 1024 * 1024;

export const CHAT_LOG_FORMATS = ['youtube-actions', 'chat-downloader-messages', 'csv', 'text'] as const;

/** What a chat log held, every entry checked by the schema the background checks it by again. */
export const chatLogSchema = z.object({
  format: z.enum(CHAT_LOG_FORMATS),
  platform: platformSchema,
  messages: z.array(importEntrySchema),
  /** Entries that are not chat (stickers, memberships, banners, polls…) or were deleted in the chat, by kind. */
  skipped: z.record(z.string(), z.number()),
});

export type ChatLog = z.infer<typeof chatLogSchema>;
/** A refusal names the file's line and the reason when it is one entry's fault. */
export type ChatLogResult = { ok: true; log: ChatLog } | { ok: false; error: string; refusal?: Refusal };

export const refused = (refusal: Refusal): ChatLogResult => ({ ok: false, error: refusalError(refusal), refusal });

/** What every reader of a log file is given. */
export interface ReadOptions {
  platform: z.infer<typeof platformSchema>;
  /** The day a time-only log ("20:15:03") belongs to, as local midnight in ms. */
  day: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Chat text and names as the live reader would give them: trimmed, bounded, never empty. */
export const boundText = (text: string, max = MAX_MESSAGE_TEXT) => text.replace(/\s+/g, ' ').trim().slice(0, max);
export const boundName = (name: string) => boundText(name, MAX_AUTHOR_NAME) || '?';

/** Lets the page paint and handle input between chunks of a long read. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ReadCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Runs `each` over items in chunks, yielding to the page and reporting progress between chunks. */
export async function inChunks<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  options: Pick<ReadOptions, 'onProgress' | 'signal'>,
  chunk = 5000,
): Promise<void> {
  for (let start = 0; start < items.length; start += chunk) {
    if (options.signal?.aborted) throw new ReadCancelled();
    const end = Math.min(items.length, start + chunk);
    for (let i = start; i < end; i += 1) each(items[i]!, i);
    options.onProgress?.(end, items.length);
    if (end < items.length) await yieldToPage();
  }
}

/** A short stable fingerprint of a file's text, so importing the same file again lands in the same stream. */
export function fingerprint(text: string): string {
  // FNV-1a over the first and last 64 KB and the length: enough to tell logs apart, cheap on 150 MB.
  const sample = text.length > 131_072 ? `${text.slice(0, 65_536)}${text.slice(-65_536)}${text.length}` : text;
  let hash = 0x811c9dc5;
  for (let i = 0; i < sample.length; i += 1) {
    hash ^= sample.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
