import { expect, type Frame, type Page } from '@playwright/test';
import type { FixtureHandler } from '../../scripts/lib/extension-browser';
import { fixturePage, youtubeStudioPage, youtubeWatchPage, type FixtureRow } from '../../scripts/lib/fixture-pages';

const html = (body: string) => ({ body, contentType: 'text/html' });

/**
 * Fixture YouTube: chat pages (popout, continuation frames, replays) show `rows()` at load; watch pages and
 * Studio's live control room embed the chat as a continuation frame (Studio's on www.youtube.com when
 * `studioChatOrigin` says so, cross-origin).
 */
export function youtubeFixtures(
  rows: () => readonly FixtureRow[],
  titles: Record<string, string> = {},
  studioChatOrigin?: 'https://www.youtube.com',
): FixtureHandler {
  return (url) => {
    if (url.hostname !== 'www.youtube.com' && url.hostname !== 'studio.youtube.com') return undefined;
    if (url.pathname === '/live_chat' || url.pathname === '/live_chat_replay') return html(fixturePage('youtube', rows()));
    const videoId = url.searchParams.get('v');
    if (url.hostname === 'www.youtube.com' && url.pathname === '/watch' && videoId) return html(youtubeWatchPage(videoId, titles[videoId] ?? videoId));
    const studio = /^\/video\/([\w-]+)\/livestreaming$/.exec(url.pathname)?.[1];
    if (url.hostname === 'studio.youtube.com' && studio) return html(youtubeStudioPage(studio, studioChatOrigin));
    return undefined;
  };
}

// TikTok's gift pictures come from its CDN.
const GIFT_PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18"><circle cx="9" cy="9" r="8" fill="#e0245e"/></svg>';

/** The chat frame inside a watch or Studio page. */
export function chatFrameOf(page: Page): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/live_chat');
  if (!frame) throw new Error('no chat frame on the page');
  return frame;
}

/** Which Facebook fixture page a URL shows: the Watch layout for live videos, the v2 dashboard for Live Producer. */
function facebookPage(url: URL): 'live' | 'producer' | undefined {
  if (!['www.facebook.com', 'web.facebook.com', 'business.facebook.com'].includes(url.hostname)) return undefined;
  if (url.pathname.startsWith('/live/producer')) return 'producer';
  if (url.pathname.includes('/videos/') || url.pathname.startsWith('/watch/')) return 'live';
  return undefined;
}

/**
 * All three sites: YouTube as above, TikTok live rooms under /@handle/live (`tiktokPage`: another layout,
 * e.g. "live-classic") and LIVE Center's chat, Facebook live videos and Live Producer.
 */
export function allFixtures(rows: {
  youtube?: () => readonly FixtureRow[];
  tiktok?: () => readonly FixtureRow[];
  facebook?: () => readonly FixtureRow[];
  tiktokPage?: string;
}): FixtureHandler {
  const youtube = youtubeFixtures(rows.youtube ?? (() => []));
  return (url) => {
    if (url.hostname === 'www.tiktok.com' && /^\/@[\w.]+\/live\/?$/.test(url.pathname))
      return html(fixturePage('tiktok', rows.tiktok?.() ?? [], rows.tiktokPage));
    if (url.hostname === 'livecenter.tiktok.com' && url.pathname === '/common_live_chat')
      return html(fixturePage('tiktok', rows.tiktok?.() ?? [], 'livecenter'));
    if (url.hostname.endsWith('.tiktokcdn.com')) return { body: GIFT_PICTURE, contentType: 'image/svg+xml' };
    const facebook = facebookPage(url);
    if (facebook) return html(fixturePage('facebook', rows.facebook?.() ?? [], facebook));
    return youtube(url);
  };
}

export async function expectTally(panel: Page, expected: { pendingKg: number; confirmedKg: number; orders: number }): Promise<void> {
  const tally = panel.getByTestId('tally');
  await expect(tally).toHaveAttribute('data-orders', String(expected.orders));
  await expect(tally).toHaveAttribute('data-pending-kg', String(expected.pendingKg));
  await expect(tally).toHaveAttribute('data-confirmed-kg', String(expected.confirmedKg));
}

/** Order ids and kg as the side panel lists them, oldest first. */
export async function listedOrders(panel: Page): Promise<{ id: string; kg: string; status: string }[]> {
  const rows = panel.getByTestId('order');
  const found = await rows.evaluateAll((elements) =>
    elements.map((e) => ({ id: e.getAttribute('data-order-id') ?? '', kg: e.getAttribute('data-kg') ?? '', status: e.getAttribute('data-status') ?? '' })),
  );
  return found.reverse();
}

export async function addRows(chat: Page | Frame, rows: FixtureRow[]): Promise<void> {
  await chat.evaluate((r) => (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add(r), rows);
}
