import type { ChatMessage, StreamClaim } from '../messaging/chat-message';
import type { SkipReason } from '../messaging/reader-health';
import type { Platform } from './platform';

/** A chat row as read from the page; the reader adds the time and, where the site has none, the id. */
export type RowMessage = Omit<ChatMessage, 'observedAt' | 'messageId'> & { messageId?: string };

export type RowReading =
  | { ok: true; message: RowMessage }
  /** `retry`: the row is not ready (content or id still coming, "See more" being expanded): look again. */
  | { ok: false; reason: SkipReason; retry?: boolean };

/** Selectors as data, each a list of fallbacks tried in order. */
export interface ChatSelectors {
  /** The element whose children are chat rows. */
  list: readonly string[];
  /** Chat rows inside the list. */
  row: readonly string[];
  /** Fields inside a row, named for health messages ("author", "text"). */
  fields: Readonly<Record<string, readonly string[]>>;
  /**
   * Signs on the page that explain a silent chat: the chat is closed (its input disabled or replaced by a
   * notice), or the site asks to log in. Looked for only when no rows come.
   */
  notices?: { closed: readonly string[]; login: readonly string[] };
}

/** One per platform, all of the same shape. */
export interface PlatformAdapter {
  platform: Platform;
  /** Content script match patterns (whole sites where the site navigates without reloading). */
  matches: string[];
  excludeMatches: string[];
  /** Whether a URL is a live chat this adapter reads; the background checks senders with it. */
  isChatUrl(url: string): boolean;
  /**
   * The stream the page shows now, or undefined when it shows none. `since`: when reading started, for
   * sites whose streams are named by the day (TikTok). `pageUrl`: the top page's URL when the chat is a
   * frame of it (YouTube's chat beside the video names its video only there).
   */
  streamOf(document: Document, url: string, since: number, pageUrl?: string): StreamClaim | undefined;
  /**
   * For chat that is a frame of another page (YouTube): the stream a sender's frame belongs to, from the
   * frame's URL and its tab's URL, as the background sees them; undefined when it is not a live chat frame
   * of a page naming a stream. The background checks batches with it rather than trusting the page's claim.
   */
  streamOfSender?(frameUrl: string | undefined, tabUrl: string | undefined): string | undefined;
  /**
   * For chat that can be a frame (YouTube): whether the pages around it (`location.ancestorOrigins`, nearest
   * first) are the site's own. A chat frame on any other site is not read, and shows no overlay.
   */
  readsInFrameOf?(ancestorOrigins: readonly string[]): boolean;
  /** Attributes of rows whose change matters: a row's id being replaced, a moderator's deletion. */
  watchedAttributes?: readonly string[];
  /** A row already read that the site has since withdrawn (deleted by a moderator): its message id. */
  withdrawnId?(row: Element): string | undefined;
  selectors: ChatSelectors;
  /** Whether rows carry the site's own ids; without them the reader de-duplicates by author and text. */
  hasMessageIds: boolean;
  readRow(row: Element): RowReading;
  /** The name of a chat filter that hides messages ("Top chat", "Most relevant"), when one is on. */
  hiddenByFilter(document: Document): string | undefined;
}
