import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { FACEBOOK_SELECTORS as S } from './facebook-selectors';
import { siteUrl } from './site-url';
import { textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'business.facebook.com']);

/** The live video a Facebook URL shows: "/videos/123", "/watch/live/?v=123", "/live/producer/123". */
function videoKeyOf(url: string): string | undefined {
  const parsed = siteUrl(url, HOSTS);
  if (!parsed) return undefined;
  const path = parsed.pathname;
  const video = /\/videos\/(?:[^/]+\/)?(\d{5,25})/.exec(path)?.[1];
  if (video) return video;
  if (/^\/watch\/live\/?$/.test(path)) return /^\d{5,25}$/.test(parsed.searchParams.get('v') ?? '') ? parsed.searchParams.get('v')! : undefined;
  if (path.startsWith('/live/producer')) return /\/(\d{5,25})/.exec(path)?.[1] ?? 'producer';
  return undefined;
}

function commentIdOf(row: Element): string | undefined {
  for (let element: Element | null = row; element; element = element.parentElement) {
    for (const attribute of S.idAttributes) {
      const value = element.getAttribute(attribute);
      if (value) return value;
    }
    if (element.matches('[role="feed"], [role="complementary"], body')) break;
  }
  const link = row.querySelector(S.idLink)?.getAttribute('href') ?? '';
  return /comment_id=(\d+)/.exec(link)?.[1];
}

/** Text parts of the comment: dir="auto" blocks that are not inside a nested reply. */
function ownParts(row: Element, selector: string): Element[] {
  return [...row.querySelectorAll(selector)].filter((element) => element.closest('[role="article"]') === row);
}

function readRow(row: Element): RowReading {
  const id = commentIdOf(row);
  if (!id) return { ok: false, reason: 'no-id', retry: true };
  // An optimistic comment shows a "client:" id until Facebook confirms it: wait for the real one.
  if (id.startsWith('client:')) return { ok: false, reason: 'pending-id', retry: true };
  const seeMore = [...row.querySelectorAll<HTMLElement>(S.seeMore)].find((button) => (S.seeMoreLabels as readonly string[]).includes(tidy(button.textContent ?? '').toLowerCase()));
  if (seeMore) {
    seeMore.click(); // long comments are cut: expand, then read again
    return { ok: false, reason: 'empty-text', retry: true };
  }
  const authorElement = S.fields.author.map((selector) => ownParts(row, selector)[0]).find(Boolean);
  const authorName = tidy(authorElement?.textContent ?? '');
  if (!authorName) return { ok: false, reason: 'empty-author', retry: true };
  const textParts = S.fields.text.map((selector) => ownParts(row, selector).filter((part) => part !== authorElement && !part.contains(authorElement!))).find((parts) => parts.length > 0);
  const textElement = textParts?.[textParts.length - 1];
  const text = textElement ? tidy(textWithEmoji(textElement)) : '';
  if (!text) return { ok: false, reason: 'empty-text', retry: true };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  const profile = row.querySelector(S.profileLink)?.getAttribute('href') ?? '';
  const profileId = /[?&]id=(\d+)/.exec(profile)?.[1] ?? /^(?:https:\/\/(?:www|web)\.facebook\.com)?\/([\w.]{3,80})\/?(?:\?|$)/.exec(profile)?.[1];
  return {
    ok: true,
    message: { platform: 'facebook', messageId: id.replace(/[^\w\-.:=%@/]/g, '_').slice(0, 200), kind: 'chat', authorName: authorName.slice(0, MAX_AUTHOR_NAME), ...(profileId ? { authorId: profileId } : {}), text },
  };
}

function streamOf(document: Document, url: string): StreamClaim | undefined {
  const key = videoKeyOf(url);
  if (!key) return undefined;
  const title = document.title.replace(/\s*\|\s*Facebook\s*$/, '').trim();
  return { platform: 'facebook', key, ...(title ? { title: title.slice(0, 300) } : {}) };
}

function hiddenByFilter(document: Document): string | undefined {
  for (const selector of S.filterButton) {
    for (const button of document.querySelectorAll(selector)) {
      const label = tidy(button.textContent ?? '');
      if ((S.hidingFilters as readonly string[]).includes(label.toLowerCase())) return label;
    }
  }
  return undefined;
}

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',
  // Facebook moves between pages without reloading: the script runs site-wide and reads only live videos.
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://business.facebook.com/*'],
  excludeMatches: [],
  isChatUrl: (url) => videoKeyOf(url) !== undefined,
  streamOf,
  selectors: S,
  hasMessageIds: true,
  readRow,
  hiddenByFilter,
};
