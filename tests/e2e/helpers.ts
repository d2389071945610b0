import { expect, type Page } from '@playwright/test';
import type { FixtureHandler } from '../../scripts/lib/extension-browser';
import { youtubeChatPage, youtubeWatchPage, type FixtureRow } from '../../scripts/lib/youtube-fixture';

/** Fixture YouTube: chat pages show `rows()` at load; watch pages embed the chat. */
export function youtubeFixtures(rows: () => readonly FixtureRow[], titles: Record<string, string> = {}): FixtureHandler {
  return (url) => {
    if (url.hostname !== 'www.youtube.com' && url.hostname !== 'studio.youtube.com') return undefined;
    if (url.pathname === '/live_chat' || url.pathname === '/live_chat_replay') return { body: youtubeChatPage(rows()), contentType: 'text/html' };
    const videoId = url.searchParams.get('v');
    if (url.pathname === '/watch' && videoId) return { body: youtubeWatchPage(videoId, titles[videoId] ?? videoId), contentType: 'text/html' };
    return undefined;
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

export async function addRows(chat: Page, rows: FixtureRow[]): Promise<void> {
  await chat.evaluate((r) => (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add(r), rows);
}
