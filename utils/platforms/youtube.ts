import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { YOUTUBE_SELECTORS as S } from './youtube-selectors';
import { chatStreamOfSender, parseChatUrl, videoIdOfPage, youtubeAncestors, type ChatFrameUrl } from './youtube-urls';
import { ownText, queryFields, queryFirst, textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

let lastUrl = '';
let lastChat: ChatFrameUrl | undefined;

/** The chat reader asks on every batch of rows: the answer for an unchanged URL is kept. */
function chatUrl(url: string): ChatFrameUrl | undefined {
  if (url !== lastUrl) {
    lastUrl = url;
    lastChat = parseChatUrl(url);
  }
  return lastChat;
}

function readRow(row: Element): RowReading {
  const messageId = row.id;
  if (!messageId) return { ok: false, reason: 'no-id' };
  if (row.hasAttribute(S.deletedAttribute)) return { ok: false, reason: 'deleted' };
  // The pinned banner repeats a message already in the chat.
  if (row.closest(S.bannerRow) || row.querySelector(S.bannerMark)) return { ok: false, reason: 'not-chat' };
  // Sent from this browser and not yet confirmed: the row gets YouTube's id soon (the reader watches for it).
  if (S.temporaryId.test(messageId)) return { ok: false, reason: 'pending-id', retry: true };
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
  return {
    ok: true,
    message: { platform: 'youtube', messageId, kind, authorName: authorName.slice(0, MAX_AUTHOR_NAME), text, ...(paidAmount ? { paidAmount } : {}) },
  };
}

/** The page around a chat frame when it can be read (same origin): its URL names the video. */
export function topPageUrl(): string | undefined {
  try {
    const top = window.top;
    return top && top !== window ? top.location.href : undefined;
  } catch {
    return undefined; // cross-origin, e.g. Studio around a www.youtube.com chat frame
  }
}

/** The watch page embeds the chat in a same-origin iframe: it names the stream and the channel. */
function aroundChat(): { title?: string; host?: string } {
  try {
    const top = window.top;
    if (!top || top === window) return {};
    const title = top.document.title.replace(/\s*(?:-\s*YouTube(?: Studio)?|\|\s*YouTube Studio)\s*$/, '').trim();
    const host = tidy(queryFirst(top.document, S.channelName)?.textContent ?? '');
    return { ...(title ? { title: title.slice(0, 300) } : {}), ...(host ? { host: host.slice(0, 200) } : {}) };
  } catch {
    return {}; // cross-origin parent, e.g. an embed on another site
  }
}

/**
 * The popout names its video; the chat beside the video and Studio's do not, so the page around them does
 * (`pageUrl`: read from the top page, or told by the background, which knows the tab's URL).
 */
function streamOf(_document: Document, url: string, _since: number, pageUrl?: string): StreamClaim | undefined {
  const chat = chatUrl(url);
  const videoId = chat && (chat.videoId ?? videoIdOfPage(pageUrl));
  return videoId ? { platform: 'youtube', key: videoId, ...aroundChat() } : undefined;
}

/** A read row a moderator deleted since: its id, so its order stops counting. */
function withdrawnId(row: Element): string | undefined {
  return row.hasAttribute(S.deletedAttribute) && row.id && !S.temporaryId.test(row.id) ? row.id : undefined;
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
  isChatUrl: (url) => chatUrl(url) !== undefined,
  streamOf,
  streamOfSender: chatStreamOfSender,
  readsInFrameOf: youtubeAncestors,
  watchedAttributes: ['id', S.deletedAttribute],
  withdrawnId,
  selectors: S,
  hasMessageIds: true,
  readRow,
  hiddenByFilter,
};
