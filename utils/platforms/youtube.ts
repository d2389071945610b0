import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { YOUTUBE_SELECTORS as S } from './youtube-selectors';
import { siteUrl } from './site-url';
import { ownText, queryFields, queryFirst, textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const CHAT_HOSTS = new Set(['www.youtube.com', 'studio.youtube.com']);
const VIDEO_ID = /^[\w-]{5,64}$/;

let lastUrl = '';
let lastVideoId: string | undefined;

/** The chat reader asks on every batch of rows: the answer for an unchanged URL is kept. */
function videoIdOf(url: string): string | undefined {
  if (url !== lastUrl) {
    lastUrl = url;
    lastVideoId = parseVideoId(url);
  }
  return lastVideoId;
}

function parseVideoId(url: string): string | undefined {
  const parsed = siteUrl(url, CHAT_HOSTS);
  // live_chat_replay is a recording: its rows are not live orders.
  if (!parsed || parsed.pathname !== '/live_chat') return undefined;
  const videoId = parsed.searchParams.get('v');
  return videoId && VIDEO_ID.test(videoId) ? videoId : undefined;
}

function readRow(row: Element): RowReading {
  const messageId = row.id;
  if (!messageId) return { ok: false, reason: 'no-id' };
  if (row.hasAttribute(S.deletedAttribute)) return { ok: false, reason: 'deleted' };
  const kind = S.rowKinds[row.localName];
  if (!kind) return { ok: false, reason: 'not-chat' };
  const parts = queryFields(row, S.fields); // author and text in one walk of the row
  const authorName = parts.author ? tidy(ownText(parts.author)) : '';
  if (!authorName) return { ok: false, reason: 'empty-author', retry: true };
  const text = parts.text ? tidy(textWithEmoji(parts.text)) : '';
  if (!text) return { ok: false, reason: 'empty-text', retry: true };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  const amountElement = kind === 'paid' ? queryFirst(row, S.paidAmount) : null;
  const paidAmount = amountElement ? tidy(amountElement.textContent ?? '').slice(0, 50) : undefined;
  return { ok: true, message: { platform: 'youtube', messageId, kind, authorName: authorName.slice(0, MAX_AUTHOR_NAME), text, ...(paidAmount ? { paidAmount } : {}) } };
}

/** The watch page embeds the chat in a same-origin iframe: it names the stream and the channel. */
function aroundChat(): { title?: string; host?: string } {
  try {
    const top = window.top;
    if (!top || top === window) return {};
    const title = top.document.title.replace(/\s*-\s*YouTube\s*$/, '').trim();
    const host = tidy(queryFirst(top.document, S.channelName)?.textContent ?? '');
    return { ...(title ? { title: title.slice(0, 300) } : {}), ...(host ? { host: host.slice(0, 200) } : {}) };
  } catch {
    return {}; // cross-origin parent, e.g. an embed on another site
  }
}

function streamOf(_document: Document, url: string): StreamClaim | undefined {
  const videoId = videoIdOf(url);
  return videoId ? { platform: 'youtube', key: videoId, ...aroundChat() } : undefined;
}

function hiddenByFilter(document: Document): string | undefined {
  for (const selector of S.viewMenuItems) {
    const items = [...document.querySelectorAll(selector)];
    if (items.length < 2) continue;
    const selected = items.findIndex((item) => item.matches(S.viewMenuSelected) || item.querySelector(S.viewMenuSelected));
    if (selected === 0) return tidy(items[0]!.textContent ?? '') || 'Top chat';
    if (selected > 0) return undefined;
  }
  const label = tidy(queryFirst(document, S.viewLabel)?.textContent ?? '');
  return S.topChatLabels.some((top) => label.toLowerCase().startsWith(top)) ? label : undefined;
}

export const youtubeAdapter: PlatformAdapter = {
  platform: 'youtube',
  matches: ['https://www.youtube.com/live_chat*', 'https://studio.youtube.com/live_chat*'],
  excludeMatches: ['https://www.youtube.com/live_chat_replay*', 'https://studio.youtube.com/live_chat_replay*'],
  isChatUrl: (url) => videoIdOf(url) !== undefined,
  streamOf,
  selectors: S,
  hasMessageIds: true,
  readRow,
  hiddenByFilter,
};
