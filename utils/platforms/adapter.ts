import type { ChatMessage } from '../messaging/chat-message';
import type { Platform } from './platform';

/** Why a row was not sent: shown in health counts so a site change does not fail quietly. */
export type SkipReason = 'no-id' | 'empty-author' | 'empty-text' | 'too-long' | 'deleted' | 'not-chat';

export type RowReading =
  | { ok: true; message: Omit<ChatMessage, 'observedAt'> }
  | { ok: false; reason: SkipReason };

/** Selectors as data, each a list of fallbacks tried in order. */
export interface ChatSelectors {
  /** The element whose children are chat rows. */
  list: readonly string[];
  /** Chat rows inside the list. */
  row: readonly string[];
}

/** One per platform, all of the same shape. */
export interface PlatformAdapter {
  platform: Platform;
  /** Content script match patterns. */
  matches: string[];
  excludeMatches: string[];
  /** The stream a chat page belongs to, or undefined when the URL is not a live chat this adapter reads. */
  streamFromUrl(url: string): { videoId: string } | undefined;
  selectors: ChatSelectors;
  readRow(row: Element): RowReading;
  /** Stream title when the page shows one. */
  readTitle(document: Document): string | undefined;
}
