import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, allFixtures, expectTally, listedOrders } from './helpers';
import { pageClock } from './page-clock';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const LIVE = 'https://www.tiktok.com/@vuonvaibacgiang/live';
type Fixture = Record<string, (...args: never[]) => unknown>;
const fixture = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ([name, params]) => ((window as unknown as { chatFixture: Fixture }).chatFixture[name as string] as (...a: unknown[]) => unknown)(...(params as unknown[])),
    [method, args] as const,
  );

/** The messages stored for TikTok, read from the extension's database in one of its pages. */
const storedTikTok = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<{ kind: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('chot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // the chat log's pages (chat-log.ts), each holding a batch's rows
          const all = open.result.transaction('chatLog').objectStore('chatLog').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { rows: { platform: string; kind: string; text: string; observedAt: number }[] }[])
                .flatMap((page) => page.rows)
                .filter((m) => m.platform === 'tiktok')
                .sort((a, b) => a.observedAt - b.observedAt)
                .map(({ kind, text }) => ({ kind, text })),
            );
            open.result.close();
          };
        };
      }),
  );

for (const [layout, page] of [
  ['the 2025–2026 room (data-index rows)', 'live'],
  ['the 2024–2025 room (rows without index)', 'live-classic'],
] as const) {
  test(`TikTok, ${layout}: the list rebuilt after 20 s is not counted again; the buyer's same words after 60 s are, flagged`, async () => {
    const onScreen: FixtureRow[] = [
      { author: 'Lan', handle: 'lan.vai', text: 'chốt 2kg' },
      { author: 'Minh', text: 'lấy 3kg' },
    ];
    browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ tiktok: () => onScreen, tiktokPage: page }) });
    const live = await browser.context.newPage();
    await live.goto(LIVE);
    const panel = await browser.sidePanel();
    await expectTally(panel, { pendingKg: 5, confirmedKg: 0, orders: 2 });
    await addRows(live, [{ author: 'Hà', text: 'xí 1 yến' }]);
    await expectTally(panel, { pendingKg: 15, confirmedKg: 0, orders: 3 });

    // 20 s on (the page's own clock, content scripts included), TikTok rebuilds the list: every row a new element
    const clock = await pageClock(browser.context, live);
    await clock.advance(20_000);
    await fixture(live, 'rebuild');
    await clock.advance(1_000);
    await live.waitForTimeout(500);
    await expectTally(panel, { pendingKg: 15, confirmedKg: 0, orders: 3 });

    // a minute after her first comment Lan really sends the same words: a new row at the bottom
    await clock.advance(39_000);
    await addRows(live, [{ author: 'Lan', handle: 'lan.vai', text: 'chốt 2kg' }]);
    await clock.advance(1_000);
    await expectTally(panel, { pendingKg: 17, confirmedKg: 0, orders: 4 });
    const orders = await listedOrders(panel);
    await expect(panel.locator(`[data-order-id="${orders.at(-1)!.id}"] [data-testid="possible-repeat"]`)).toBeVisible();
    await expect(panel.getByTestId('possible-repeat')).toHaveCount(1);

    // and rebuilt again, with only the newest rows: still four orders
    await clock.advance(20_000);
    await fixture(live, 'rebuild', 2);
    await clock.advance(1_000);
    await live.waitForTimeout(500);
    await expectTally(panel, { pendingKg: 17, confirmedKg: 0, orders: 4 });
    expect(browser.blockedRequests).toEqual([]);
  });
}

test('TikTok, the 2025–2026 room: the shared LIVE chat list is read, comments with or without class names, notices skipped', async () => {
  const onScreen: FixtureRow[] = [
    { author: '', kind: 'system', text: 'Welcome to TikTok LIVE! Have fun interacting with others in real time. Creators must be 18 or older to go LIVE.' },
    { author: 'Lan Anh', handle: 'lananh.99', text: 'chốt 5kg :cherries:' },
    { author: 'Minh', text: 'lấy 1 yến', plainComment: true, role: 'moderator' },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ tiktok: () => onScreen }) });
  const live = await browser.context.newPage();
  await live.goto(LIVE);
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 15, confirmedKg: 0, orders: 2 });
  await addRows(live, [
    { author: '', kind: 'system', text: 'Some comments in this LIVE were filtered to protect the community’s experience.' },
    { author: 'Tú', kind: 'system', text: 'đã tham gia' },
    { author: 'Hà', text: 'xí 2 ký 0912 345 678', plainComment: true },
  ]);
  await expectTally(panel, { pendingKg: 17, confirmedKg: 0, orders: 3 });
  await expect(panel.getByTestId('health-tab')).toHaveAttribute('data-rows', '3', { timeout: 15_000 });
  await expect(panel.getByTestId('health-tab')).toHaveAttribute('data-warnings', '');
  expect((await storedTikTok(panel)).map((m) => m.text)).toEqual(['chốt 5kg 🍒', 'lấy 1 yến', 'xí 2 ký 0912 345 678']);
  expect(browser.blockedRequests).toEqual([]);
});

test("TikTok LIVE Center: the host's own chat page is read, under the host's stream", async () => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ tiktok: () => [{ author: 'Lan', text: 'chốt 2kg' }] }) });
  const center = await browser.context.newPage();
  await center.goto('https://livecenter.tiktok.com/common_live_chat?lang=vi-VN');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await addRows(center, [{ author: 'Minh', text: 'lấy 1 yến' }]);
  await expectTally(panel, { pendingKg: 12, confirmedKg: 0, orders: 2 });
  await expect(panel.getByTestId('stream-picker').locator('option').first()).toContainText('Vườn Vải Bắc Giang');
  expect(browser.blockedRequests).toEqual([]);
});

for (const [layout, page, gift] of [
  ['2025–2026 room', 'live', 'gift ×10'],
  ['2024–2025 room', 'live-classic', 'Rose x10'],
] as const) {
  test(`TikTok, ${layout}: a gift combo counting up in place is one gift with its last count, never an order, also after a rebuild`, async () => {
    browser = await launchExtensionBrowser({
      headless: true,
      fixtures: allFixtures({ tiktok: () => [{ author: 'Lan', text: 'chốt 2kg' }], tiktokPage: page }),
    });
    const live = await browser.context.newPage();
    await live.goto(LIVE);
    const panel = await browser.sidePanel();
    await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
    await addRows(live, [{ author: 'Hùng', kind: 'gift', gift: 'Rose', count: 1, text: '' }]);
    for (let count = 2; count <= 10; count += 1) await fixture(live, 'combo', 'Hùng', count);
    await expect
      .poll(() => storedTikTok(panel))
      .toEqual([
        { kind: 'chat', text: 'chốt 2kg' },
        { kind: 'gift', text: gift },
      ]);

    const clock = await pageClock(browser.context, live);
    await clock.advance(20_000);
    await fixture(live, 'rebuild');
    await addRows(live, [{ author: 'Hùng', text: 'chốt 3kg' }]);
    await clock.advance(1_000);
    await expectTally(panel, { pendingKg: 5, confirmedKg: 0, orders: 2 });
    expect(await storedTikTok(panel)).toEqual([
      { kind: 'chat', text: 'chốt 2kg' },
      { kind: 'gift', text: gift },
      { kind: 'chat', text: 'chốt 3kg' },
    ]);
    expect(browser.blockedRequests).toEqual([]);
  });
}
