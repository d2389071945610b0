import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { TIKTOK_SELECTORS as S } from './tiktok-selectors';
import { siteUrl } from './site-url';
import { queryFirst, textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const HANDLE = /^@([\w.]{1,64})$/;

const HOSTS = new Set(['www.tiktok.com']);
const LIVE_CENTER = new Set(['livecenter.tiktok.com']);

/**
 * "/@vuonvaibacgiang/live" → "vuonvaibacgiang"; "/live" is TikTok's live feed and LIVE Center's chat
 * (`livecenter.tiktok.com/common_live_chat`) the host's own: there the host is only in the page.
 */
function liveHandleOf(url: string): string | null | undefined {
  if (siteUrl(url, LIVE_CENTER)) return /^\/common_live_chat\/?$/.test(new URL(url).pathname) ? null : undefined;
  const parsed = siteUrl(url, HOSTS);
  if (!parsed) return undefined;
  if (/^\/live\/?$/.test(parsed.pathname)) return null;
  const match = /^\/(@[\w.]{1,64})\/live\/?$/.exec(parsed.pathname);
  return match ? HANDLE.exec(match[1]!)![1]! : undefined;
}

/** The handle in a profile link, relative ("/@x") or absolute ("https://www.tiktok.com/@x"). */
function handleFromLink(link: Element | null): string | undefined {
  const href = link?.getAttribute('href') ?? '';
  const match = /^(?:https:\/\/www\.tiktok\.com)?\/@([\w.]{1,64})(?:[/?#]|$)/.exec(href);
  return match?.[1];
}

const rowSelector = S.row.join(',');

/** LIVE Center: the first profile link that is not in a chat row is the host's. */
function liveCenterHost(document: Document): Element | null {
  for (const link of document.querySelectorAll(S.liveCenterHostLink)) if (!link.closest(rowSelector) && handleFromLink(link)) return link;
  return null;
}

const localDay = (time: number) => {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** A TikTok live has no id in the page: the stream is the host on the day the reading started. */
function streamOf(document: Document, url: string, since: number): StreamClaim | undefined {
  const fromUrl = liveHandleOf(url);
  if (fromUrl === undefined) return undefined;
  if (siteUrl(url, LIVE_CENTER)) {
    const link = liveCenterHost(document);
    const handle = handleFromLink(link);
    // Without the host in the page, the day's LIVE Center chat is a stream of its own (joinable in the panel).
    if (!handle) return { platform: 'tiktok', key: `livecenter/${localDay(since)}`, host: 'TikTok LIVE Center' };
    return { platform: 'tiktok', key: `@${handle}/${localDay(since)}`, host: (tidy(link?.textContent ?? '') || `@${handle}`).slice(0, 200) };
  }
  const handle = handleFromLink(queryFirst(document, S.hostLink)) ?? fromUrl;
  if (!handle) return undefined;
  const host = tidy(queryFirst(document, S.hostName)?.textContent ?? '') || `@${handle}`;
  const title = tidy(queryFirst(document, S.title)?.textContent ?? '');
  return { platform: 'tiktok', key: `@${handle}/${localDay(since)}`, host: host.slice(0, 200), ...(title ? { title: title.slice(0, 300) } : {}) };
}

/** The comment: by class, else the element right after the user info. */
function commentElement(row: Element): Element | null {
  return queryFirst(row, S.fields.text) ?? queryFirst(row, S.userInfo)?.nextElementSibling ?? null;
}

/** The block around the owner name that holds nothing else of the row's text (name, badges). */
function ownerBlock(row: Element, owner: Element): Element {
  const name = owner.textContent ?? '';
  let block = owner;
  while (block.parentElement && block.parentElement !== row && (block.parentElement.textContent ?? '') === name) block = block.parentElement;
  return block;
}

/** Class-free: everything after the owner-name block, in order. */
function textAfterOwner(row: Element, owner: Element): string {
  let text = '';
  for (let node = ownerBlock(row, owner).nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) text += ` ${textWithEmoji(node as Element)}`;
  }
  return tidy(text).replace(/^:\s*/, '');
}

/** A gift in the shared chat: the comment ends in the gift's picture and "×N". */
function giftInComment(comment: Element): { name: string; count: string } | undefined {
  const last = comment.lastChild;
  const count = last?.nodeType === 3 ? S.giftCountText.exec(tidy(last.nodeValue ?? ''))?.[1] : undefined;
  const picture = last?.previousSibling;
  if (!count || picture?.nodeType !== 1 || (picture as Element).tagName !== 'IMG') return undefined;
  const image = picture as Element;
  return { name: tidy(image.getAttribute('alt') ?? '') || tidy(image.getAttribute('title') ?? '') || 'gift', count };
}

const isSystemText = (text: string) => S.systemText.some((pattern) => pattern.test(text));

function readRow(row: Element): RowReading {
  if (row.matches(S.systemRow)) return { ok: false, reason: 'system' };
  const authorElement = queryFirst(row, S.fields.author);
  // TikTok's own notices come as list rows with no owner.
  if (!authorElement && isSystemText(tidy(row.textContent ?? ''))) return { ok: false, reason: 'system' };
  const authorName = tidy(authorElement?.textContent ?? '') || tidy(authorElement?.getAttribute('title') ?? '');
  if (!authorElement || !authorName) return { ok: false, reason: 'empty-author', retry: true };
  const authorId = handleFromLink(queryFirst(row, S.authorLink));
  const author = { authorName: authorName.slice(0, MAX_AUTHOR_NAME), ...(authorId ? { authorId: `@${authorId}` } : {}) };
  // Gifts are kept as their own kind, never read as orders.
  if (row.matches(S.giftRow)) {
    const gift = tidy(queryFirst(row, S.giftName)?.textContent ?? '') || 'gift';
    const count = tidy(queryFirst(row, S.giftCount)?.textContent ?? '');
    return {
      ok: true,
      message: {
        platform: 'tiktok',
        kind: 'gift',
        ...author,
        text: `${gift} ${count}`.trim().slice(0, 200),
        paidAmount: `${gift} ${count}`.trim().slice(0, 50),
      },
    };
  }
  const commentNode = commentElement(row);
  const gift = commentNode ? giftInComment(commentNode) : undefined;
  if (gift) {
    const amount = `${gift.name} ×${gift.count}`;
    return { ok: true, message: { platform: 'tiktok', kind: 'gift', ...author, text: amount.slice(0, 200), paidAmount: amount.slice(0, 50) } };
  }
  const text = commentNode ? tidy(textWithEmoji(commentNode)) : textAfterOwner(row, authorElement);
  if (!text) return { ok: false, reason: 'empty-text', retry: true };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  return { ok: true, message: { platform: 'tiktok', kind: 'chat', ...author, text } };
}

export const tiktokAdapter: PlatformAdapter = {
  platform: 'tiktok',
  // TikTok moves between pages without reloading: the script runs site-wide and reads only live pages.
  matches: ['https://www.tiktok.com/*', 'https://livecenter.tiktok.com/*'],
  excludeMatches: [],
  isChatUrl: (url) => liveHandleOf(url) !== undefined,
  streamOf,
  selectors: S,
  hasMessageIds: false,
  readRow,
  hiddenByFilter: () => undefined,
};
