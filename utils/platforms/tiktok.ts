import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { TIKTOK_SELECTORS as S } from './tiktok-selectors';
import { siteUrl } from './site-url';
import { queryFirst, textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const HANDLE = /^@([\w.]{1,64})$/;

const HOSTS = new Set(['www.tiktok.com']);

/** "/@vuonvaibacgiang/live" → "vuonvaibacgiang"; "/live" is TikTok's live feed (host only in the page). */
function liveHandleOf(url: string): string | null | undefined {
  const parsed = siteUrl(url, HOSTS);
  if (!parsed) return undefined;
  if (/^\/live\/?$/.test(parsed.pathname)) return null;
  const match = /^\/(@[\w.]{1,64})\/live\/?$/.exec(parsed.pathname);
  return match ? HANDLE.exec(match[1]!)![1]! : undefined;
}

function handleFromLink(link: Element | null): string | undefined {
  const href = link?.getAttribute('href') ?? '';
  const match = /^\/@([\w.]{1,64})/.exec(href);
  return match?.[1];
}

const localDay = (time: number) => {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** A TikTok live has no id in the page: the stream is the host on the day the reading started. */
function streamOf(document: Document, url: string, since: number): StreamClaim | undefined {
  const fromUrl = liveHandleOf(url);
  if (fromUrl === undefined) return undefined;
  const handle = handleFromLink(queryFirst(document, S.hostLink)) ?? fromUrl;
  if (!handle) return undefined;
  const host = tidy(queryFirst(document, S.hostName)?.textContent ?? '') || `@${handle}`;
  const title = tidy(queryFirst(document, S.title)?.textContent ?? '');
  return { platform: 'tiktok', key: `@${handle}/${localDay(since)}`, host: host.slice(0, 200), ...(title ? { title: title.slice(0, 300) } : {}) };
}

function commentElement(row: Element): Element | null {
  const direct = queryFirst(row, S.fields.text);
  if (direct) return direct;
  // Without the class fragment the comment is the element right after the user info.
  return queryFirst(row, S.userInfo)?.nextElementSibling ?? null;
}

function readRow(row: Element): RowReading {
  if (row.matches(S.systemRow)) return { ok: false, reason: 'system' };
  const authorElement = queryFirst(row, S.fields.author);
  const authorName = tidy(authorElement?.textContent ?? '') || tidy(authorElement?.getAttribute('title') ?? '');
  if (!authorName) return { ok: false, reason: 'empty-author', retry: true };
  const authorId = handleFromLink(queryFirst(row, S.authorLink));
  const author = { authorName: authorName.slice(0, MAX_AUTHOR_NAME), ...(authorId ? { authorId: `@${authorId}` } : {}) };
  if (row.matches(S.giftRow)) {
    // Gifts are kept as their own kind, never read as orders.
    const gift = tidy(queryFirst(row, S.giftName)?.textContent ?? '') || 'gift';
    const count = tidy(queryFirst(row, S.giftCount)?.textContent ?? '');
    return { ok: true, message: { platform: 'tiktok', kind: 'gift', ...author, text: `${gift} ${count}`.trim().slice(0, 200), paidAmount: `${gift} ${count}`.trim().slice(0, 50) } };
  }
  const commentNode = commentElement(row);
  const text = commentNode ? tidy(textWithEmoji(commentNode)) : '';
  if (!text) return { ok: false, reason: 'empty-text', retry: true };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  return { ok: true, message: { platform: 'tiktok', kind: 'chat', ...author, text } };
}

export const tiktokAdapter: PlatformAdapter = {
  platform: 'tiktok',
  // TikTok moves between pages without reloading: the script runs site-wide and reads only live pages.
  matches: ['https://www.tiktok.com/*'],
  excludeMatches: [],
  isChatUrl: (url) => liveHandleOf(url) !== undefined,
  streamOf,
  selectors: S,
  hasMessageIds: false,
  readRow,
  hiddenByFilter: () => undefined,
};
