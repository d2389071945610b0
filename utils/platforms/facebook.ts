import type { PlatformAdapter, RowReading } from './adapter';
import type { StreamClaim } from '../messaging/chat-message';
import { FACEBOOK_SELECTORS as S } from './facebook-selectors';
import { siteUrl } from './site-url';
import { textWithEmoji, tidy } from './dom-text';
import { MAX_AUTHOR_NAME, MAX_MESSAGE_TEXT } from '../messaging/chat-message';

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'business.facebook.com']);

/**
 * The live video a Facebook URL shows: "/videos/123", "/watch/live/?v=123", "/watch/?v=123",
 * "/live/producer/123", "/live/producer/dashboard/123/" (the v2 dashboard, also on business.facebook.com).
 */
function videoKeyOf(url: string): string | undefined {
  const parsed = siteUrl(url, HOSTS);
  if (!parsed) return undefined;
  const path = parsed.pathname;
  const video = /\/videos\/(?:[^/]+\/)?(\d{5,25})/.exec(path)?.[1];
  if (video) return video;
  if (/^\/watch(?:\/live)?\/?$/.test(path)) return /^\d{5,25}$/.test(parsed.searchParams.get('v') ?? '') ? parsed.searchParams.get('v')! : undefined;
  if (path.startsWith('/live/producer')) return /\/(\d{5,25})(?:\/|$)/.exec(path)?.[1] ?? 'producer';
  return undefined;
}

/** Parts of the comment matching a selector, leaving out those inside a nested reply (an article in the article). */
function ownParts(row: Element, selector: string): Element[] {
  return [...row.querySelectorAll(selector)].filter((element) => element.closest('[role="article"]') === row);
}

/**
 * The comment's id: on the article or on its parent, and nowhere further up (a page-root wrapper has an id
 * too, and would give every comment the same one); else in its own timestamp link.
 */
function commentIdOf(row: Element): string | undefined {
  const parent = row.parentElement;
  // A parent holding several comments is a list, not a comment's wrapper.
  const ownParent = parent && ![...parent.children].some((sibling) => sibling !== row && sibling.matches(S.row.join(',')));
  for (const element of ownParent ? [row, parent] : [row]) {
    for (const attribute of S.idAttributes) {
      const value = element.getAttribute(attribute);
      if (value) return value;
    }
  }
  const link = ownParts(row, S.idLink)[0]?.getAttribute('href') ?? '';
  const id = /[?&]comment_id=([\w%=.-]{1,200})/.exec(link)?.[1];
  return id && id !== '0' ? id : undefined;
}

/** The comment's author element: the first name in a profile link, else the first dir="auto" span. */
function authorOf(row: Element): Element | undefined {
  return S.fields.author.map((selector) => ownParts(row, selector)[0]).find(Boolean);
}

/**
 * The comment's text block: the dir="auto" span that is not the author's, preferring the one that holds
 * paragraphs (one div[dir=auto] per typed line).
 */
function textBlockOf(row: Element, author: Element): Element | undefined {
  const authorScope = author.closest('a') ?? author;
  const blocks = S.fields.text.flatMap((selector) => ownParts(row, selector)).filter((block) => !authorScope.contains(block) && !block.contains(authorScope));
  return blocks.find((block) => block.querySelector(S.paragraph)) ?? blocks.at(-1);
}

/** All the lines of the text, in order, joined by a line break (the parser reads it as a space). */
function textOf(block: Element): string {
  const paragraphs = [...block.querySelectorAll(S.paragraph)].filter((paragraph) => !paragraph.querySelector(S.paragraph));
  if (paragraphs.length === 0) return tidy(textWithEmoji(block));
  return paragraphs
    .map((paragraph) => tidy(textWithEmoji(paragraph)))
    .filter(Boolean)
    .join('\n');
}

function readRow(row: Element): RowReading {
  const id = commentIdOf(row);
  if (!id) return { ok: false, reason: 'no-id', retry: true };
  // An optimistic comment shows a "client:" id until Facebook confirms it: wait for the real one.
  if (id.startsWith('client:')) return { ok: false, reason: 'pending-id', retry: true };
  const authorElement = authorOf(row);
  const authorName = tidy(authorElement?.textContent ?? '');
  if (!authorElement || !authorName) return { ok: false, reason: 'empty-author', retry: true };
  const block = textBlockOf(row, authorElement);
  // A long comment is cut with a "See more" button inside its text (labelled in the page's language): expand, then read again.
  const seeMore = block?.querySelector<HTMLElement>(S.seeMore);
  if (seeMore) {
    seeMore.click();
    return { ok: false, reason: 'empty-text', retry: true };
  }
  const text = block ? textOf(block) : '';
  if (!text) return { ok: false, reason: 'empty-text', retry: true };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, reason: 'too-long' };
  const profile = row.querySelector(S.profileLink)?.getAttribute('href') ?? '';
  const profileId = /[?&]id=(\d+)/.exec(profile)?.[1] ?? /^(?:https:\/\/(?:www|web)\.facebook\.com)?\/([\w.]{3,80})\/?(?:\?|$)/.exec(profile)?.[1];
  return {
    ok: true,
    message: {
      platform: 'facebook',
      messageId: id.replace(/[^\w\-.:=%@/]/g, '_').slice(0, 200),
      kind: 'chat',
      authorName: authorName.slice(0, MAX_AUTHOR_NAME),
      ...(profileId ? { authorId: profileId } : {}),
      text,
    },
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
