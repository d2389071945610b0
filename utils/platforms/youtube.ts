import type { PlatformAdapter, RowReading } from './adapter';
import { YOUTUBE_SELECTORS as S } from './youtube-selectors';
import { ownText, queryFirst, textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const CHAT_HOSTS = new Set(['www.youtube.com', 'studio.youtube.com']);
const VIDEO_ID = /^[\w-]{5,64}$/;

function streamFromUrl(url: string): { videoId: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // live_chat_replay is a recording: its rows are not live orders.
  if (parsed.protocol !== 'https:' || !CHAT_HOSTS.has(parsed.hostname) || parsed.pathname !== '/live_chat') return undefined;
  const videoId = parsed.searchParams.get('v');
  return videoId && VIDEO_ID.test(videoId) ? { videoId } : undefined;
}

function readRow(row: Element): RowReading {
  const messageId = row.id;
  if (!messageId) return { ok: false, reason: 'no-id' };
  if (row.hasAttribute(S.deletedAttribute)) return { ok: false, reason: 'deleted' };
  const tag = row.tagName.toLowerCase();
  const kind = tag === S.paidRowTag ? 'paid' : tag === 'yt-live-chat-text-message-renderer' ? 'chat' : undefined;
  if (!kind) return { ok: false, reason: 'not-chat' };
  const authorElement = queryFirst(row, S.author);
  const authorName = authorElement ? tidy(ownText(authorElement)) : '';
  if (!authorName) return { ok: false, reason: 'empty-author' };
  const messageElement = queryFirst(row, S.message);
  const text = messageElement ? tidy(textWithEmoji(messageElement)) : '';
  if (!text) return { ok: false, reason: 'empty-text' };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  const amountElement = kind === 'paid' ? queryFirst(row, S.paidAmount) : null;
  const paidAmount = amountElement ? tidy(amountElement.textContent ?? '').slice(0, 50) : undefined;
  return {
    ok: true,
    message: {
      platform: 'youtube',
      messageId,
      kind,
      authorName: authorName.slice(0, MAX_AUTHOR_NAME),
      text,
      ...(paidAmount ? { paidAmount } : {}),
    },
  };
}

/** The watch page embeds the chat in a same-origin iframe: its title names the stream. */
function readTitle(document: Document): string | undefined {
  try {
    const top = window.top;
    const title = top && top !== window ? top.document.title : undefined;
    const cleaned = title?.replace(/\s*-\s*YouTube\s*$/, '').trim();
    return cleaned ? cleaned.slice(0, 300) : undefined;
  } catch {
    return undefined; // cross-origin parent, e.g. an embed on another site
  }
}

export const youtubeAdapter: PlatformAdapter = {
  platform: 'youtube',
  matches: ['https://www.youtube.com/live_chat*', 'https://studio.youtube.com/live_chat*'],
  excludeMatches: ['https://www.youtube.com/live_chat_replay*', 'https://studio.youtube.com/live_chat_replay*'],
  streamFromUrl,
  selectors: { list: S.list, row: S.row },
  readRow,
  readTitle,
};
