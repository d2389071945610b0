import { test, expect, chromium, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser, type FixtureHandler } from '../../scripts/lib/extension-browser';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork } from '../../scripts/lib/chromium';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { allFixtures, expectTally, youtubeFixtures } from './helpers';
import { closedOverlay } from './closed-overlay';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const PHONE = /0\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}|\d{3}\*{3}\d{3}/;
const ROWS: FixtureRow[] = [
  { id: 'y1', author: 'Nguyễn Thị Lan', text: 'chốt 5kg 0912345678 địa chỉ 12 Lê Lợi' },
  { id: 'y2', author: 'Trần Văn Hùng', text: 'vải đẹp quá' },
  { id: 'y3', author: 'Phạm Mai', text: 'lấy 2 tạ' },
  { id: 'y4', author: 'Lê Minh', text: 'chốt 3 ký' },
];

const TICKER = '[data-testid="chot-ticker"]';
const BADGES = '[data-testid="chot-badge"]';
const BADGE = (id: string) => `[data-message-id="${id}"]`;

/** The boxes of the page's own elements (Chốt's host left out), to compare with and without the extension. */
const pageBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((node) => !node.closest('chot-overlay'))
      .map((node) => {
        const box = node.getBoundingClientRect();
        return `${node.tagName}#${node.id} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
      }),
  );

async function boxesWithoutExtension(url: string, fixtures: FixtureHandler): Promise<string[]> {
  const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
  const context = await plain.newContext({ viewport: { width: 1280, height: 800 } });
  await closeNetwork(context, fixtures);
  const page = await context.newPage();
  await page.goto(url);
  const boxes = await pageBoxes(page);
  await plain.close();
  return boxes;
}

test('YouTube chat: the ticker counts, badges sit on the order rows, survive re-rendering, and decide orders', async ({}, testInfo) => {
  const url = 'https://www.youtube.com/live_chat?is_popout=1&v=onAirTest01';
  const baseline = await boxesWithoutExtension(
    url,
    youtubeFixtures(() => ROWS),
  );
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  const panel = await browser.sidePanel();
  await panel.getByTestId('language').selectOption('vi');
  const chat = await browser.context.newPage();
  await chat.goto(url);
  await expectTally(panel, { pendingKg: 208, confirmedKg: 0, orders: 3 });

  const overlay = closedOverlay(chat);
  await expect.poll(() => overlay.attribute(TICKER, 'data-total-kg')).toBe('208');
  await expect.poll(() => overlay.text(TICKER)).toContain('208 kg');
  expect(await overlay.text(TICKER)).toContain('Lan: 5 kg');
  await expect.poll(() => overlay.count(BADGES)).toBe(3);
  expect(
    await overlay.evaluate(
      (root, s) => [...root!.querySelectorAll<HTMLElement>(s)].map((node) => [node.dataset.messageId, node.querySelector('.label')!.textContent]).sort(),
      BADGES,
    ),
  ).toEqual(
    [
      ['y1', '5 kg · Chờ'],
      ['y3', '2 tạ · 200 kg · Chờ'],
      ['y4', '3 kg · Chờ'],
    ].sort(),
  );
  // each badge sits on its own row's line
  for (const id of ['y1', 'y3', 'y4']) {
    const row = await chat.locator(`#${id}`).boundingBox();
    const badge = await overlay.box(BADGE(id));
    expect(badge!.y).toBeGreaterThanOrEqual(row!.y - 1);
    expect(badge!.y + badge!.height).toBeLessThanOrEqual(row!.y + Math.max(row!.height, 20) + 1);
  }
  // the page's own layout is what it is without the extension
  expect(await pageBoxes(chat)).toEqual(baseline);
  // the reader never took a badge for chat: still three orders, four messages
  await expect(panel.getByTestId('tally')).toHaveAttribute('data-orders', '3');

  await overlay.click(`${BADGE('y3')} button[data-action="confirm"]`);
  await expectTally(panel, { pendingKg: 8, confirmedKg: 200, orders: 3 });
  await expect.poll(() => overlay.attribute(BADGE('y3'), 'data-status')).toBe('confirmed');
  await expect.poll(() => overlay.text(TICKER)).toContain('Đã chốt 200 kg');

  // Even a script that got into the root (the page cannot: it is closed; this one runs in the test's own
  // world) points y1's badge at another order and clicks ✓ itself: nothing is decided.
  await overlay.evaluate((root) => {
    const badge = root!.querySelector<HTMLElement>('[data-message-id="y1"]')!;
    badge.dataset.orderId = 'youtube:y4';
    badge.querySelector<HTMLElement>('button[data-action="confirm"]')!.click();
  });
  // the user's own click on that badge still decides the order the extension put there (y1), not y4
  await overlay.click(`${BADGE('y1')} button[data-action="confirm"]`);
  await expectTally(panel, { pendingKg: 3, confirmedKg: 205, orders: 3 });
  await expect(panel.locator('[data-testid="order"][data-order-id="youtube:y4"]')).toHaveAttribute('data-status', 'pending');
  await expect(panel.locator('[data-testid="order"][data-order-id="youtube:y1"]')).toHaveAttribute('data-status', 'confirmed');

  await chat.evaluate(() => (window as unknown as { chatFixture: { rerender(): void } }).chatFixture.rerender());
  await expect.poll(() => overlay.count(BADGES)).toBe(3);
  await expect.poll(() => overlay.attribute(BADGE('y3'), 'data-status')).toBe('confirmed');
  await chat.evaluate(() => (window as unknown as { chatFixture: { remove(id: string): void } }).chatFixture.remove('y1'));
  await expect.poll(() => overlay.count(BADGES)).toBe(2);
  // a row element reused for a new message: read again, and its badge is the new order's
  await chat.evaluate(() =>
    (window as unknown as { chatFixture: { recycle(id: string, row: unknown): void } }).chatFixture.recycle('y4', {
      id: 'y5',
      author: 'Đỗ Hà',
      text: 'chốt 7kg',
    }),
  );
  await expect(panel.getByTestId('tally')).toHaveAttribute('data-orders', '4');
  await expect.poll(() => overlay.count(BADGE('y4'))).toBe(0);
  await expect.poll(() => overlay.text(`${BADGE('y5')} .label`)).toBe('7 kg · Chờ');

  expect(await overlay.text()).not.toMatch(PHONE);
  expect(await overlay.text()).not.toContain('Nguyễn');
  await chat.screenshot({ path: testInfo.outputPath('youtube-ticker-and-badges.png') });
  expect(browser.blockedRequests).toEqual([]);
});

test('the ticker moves, collapses to a pill, hides with Alt+Shift+C and stays where it was left', async ({}, testInfo) => {
  const url = 'https://www.youtube.com/live_chat?is_popout=1&v=onAirTest02';
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  const chat = await browser.context.newPage();
  await chat.goto(url);
  const overlay = closedOverlay(chat);
  const HEAD = '[data-testid="chot-ticker-head"]';
  await expect.poll(() => overlay.visible(TICKER)).toBe(true);
  const start = (await overlay.box(HEAD))!;
  await chat.mouse.move(start.x + 20, start.y + 8);
  await chat.mouse.down();
  // it starts at the top of the chat list (clear of the newest rows at the bottom): dragged left and down
  await chat.mouse.move(start.x - 380, start.y + 208, { steps: 5 });
  await chat.mouse.up();
  const moved = (await overlay.box(TICKER))!;
  expect(Math.round(moved.x - start.x)).toBe(-400);
  expect(Math.round(moved.y - start.y)).toBe(200);
  // keyboard: arrows move it too
  await overlay.evaluate((root, s) => root!.querySelector<HTMLElement>(s)!.focus(), HEAD);
  await chat.keyboard.press('ArrowRight');
  expect(await overlay.evaluate((root, s) => root!.activeElement === root!.querySelector(s), HEAD)).toBe(true);
  const nudged = (await overlay.box(TICKER))!;
  expect(nudged.x).toBeGreaterThan(moved.x);

  await overlay.click('[data-testid="chot-collapse"]');
  await expect.poll(() => overlay.visible('[data-testid="chot-pill"]')).toBe(true);
  await expect.poll(() => overlay.visible(TICKER)).toBe(false);
  await overlay.click('[data-testid="chot-pill"]');
  await expect.poll(() => overlay.visible(TICKER)).toBe(true);
  await chat.keyboard.press('Alt+Shift+C');
  await expect.poll(() => overlay.visible(TICKER)).toBe(false);
  await expect.poll(() => overlay.count(BADGES)).toBe(0);
  await chat.keyboard.press('Alt+Shift+C');
  await expect.poll(() => overlay.visible(TICKER)).toBe(true);
  await chat.screenshot({ path: testInfo.outputPath('ticker-moved.png') });

  await chat.reload();
  await expect.poll(() => overlay.visible(TICKER)).toBe(true);
  const again = (await overlay.box(TICKER))!;
  expect(Math.abs(again.x - nudged.x)).toBeLessThan(2);
  expect(Math.abs(again.y - nudged.y)).toBeLessThan(2);
  expect(browser.blockedRequests).toEqual([]);
});

test('TikTok and Facebook: ticker and badges on each, badges follow a TikTok re-render, a site can be turned off', async ({}, testInfo) => {
  const fixtures = allFixtures({
    tiktok: () => [
      { author: 'Hoa', text: 'chốt 4kg' },
      { author: 'Tuấn', text: 'đẹp quá' },
      { author: 'Bình', text: 'lấy 1 tạ sđt 0987654321' },
    ],
    facebook: () => [
      { id: 'fb-1', author: 'Hùng', text: 'chốt 5kg' },
      { id: 'fb-2', author: 'Nga', text: 'ship không shop' },
    ],
  });
  const tiktokBaseline = await boxesWithoutExtension('https://www.tiktok.com/@vuonvai/live', fixtures);
  const facebookBaseline = await boxesWithoutExtension('https://www.facebook.com/vuonvai/videos/1234567890', fixtures);
  browser = await launchExtensionBrowser({ headless: true, fixtures });
  const panel = await browser.sidePanel();
  const tiktok = await browser.context.newPage();
  await tiktok.goto('https://www.tiktok.com/@vuonvai/live');
  const tiktokOverlay = closedOverlay(tiktok);
  await expect.poll(() => tiktokOverlay.attribute(TICKER, 'data-total-kg')).toBe('104');
  await expect.poll(() => tiktokOverlay.count(BADGES)).toBe(2);
  expect(await pageBoxes(tiktok)).toEqual(tiktokBaseline);
  await tiktok.evaluate(() => (window as unknown as { chatFixture: { rerender(): void } }).chatFixture.rerender());
  await expect.poll(() => tiktokOverlay.count(BADGES)).toBe(2);
  await expect.poll(() => tiktokOverlay.visible(BADGES)).toBe(true);
  expect(await tiktokOverlay.text()).not.toMatch(PHONE);
  await tiktok.screenshot({ path: testInfo.outputPath('tiktok-ticker-and-badges.png') });

  const facebook = await browser.context.newPage();
  await facebook.goto('https://www.facebook.com/vuonvai/videos/1234567890');
  const facebookOverlay = closedOverlay(facebook);
  await expect.poll(() => facebookOverlay.attribute(TICKER, 'data-total-kg')).toBe('5');
  await expect.poll(() => facebookOverlay.count(BADGES)).toBe(1);
  await expect.poll(() => facebookOverlay.visible(BADGES)).toBe(true);
  expect(await pageBoxes(facebook)).toEqual(facebookBaseline);
  await facebookOverlay.click(`${BADGES} button[data-action="reject"]`);
  await expect(panel.locator('[data-order-id="facebook:fb-1"]').first()).toHaveAttribute('data-status', 'rejected');
  await facebook.screenshot({ path: testInfo.outputPath('facebook-ticker-and-badges.png') });

  // turned off for TikTok in the panel: ticker and badges leave that page only
  await panel.getByTestId('on-air-settings').locator('summary').click();
  await panel.getByTestId('on-air-site-tiktok').uncheck();
  await expect.poll(() => tiktokOverlay.visible(TICKER)).toBe(false);
  await expect.poll(() => tiktokOverlay.count(BADGES)).toBe(0);
  await expect.poll(() => facebookOverlay.visible(TICKER)).toBe(true);
  expect(browser.blockedRequests).toEqual([]);
});

test('the presenter view: big tonnage, goal, first names, chosen background and language, no phone', async ({}, testInfo) => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  const panel = await browser.sidePanel();
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=onAirTest03');
  await expectTally(panel, { pendingKg: 208, confirmedKg: 0, orders: 3 });
  await panel.getByTestId('goal-input').fill('0,5');
  await panel.getByTestId('goal-input').press('Enter');
  await expect(panel.getByTestId('goal')).toHaveAttribute('data-goal-kg', '500');
  await panel.getByTestId('on-air-settings').locator('summary').click();
  await panel.getByTestId('presenter-background').selectOption('green');
  await panel.getByTestId('presenter-language').selectOption('vi');
  const [presenter] = await Promise.all([browser.context.waitForEvent('page'), panel.getByTestId('open-presenter').click()]);
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await expect(presenter.getByTestId('presenter-total')).toHaveText('208 kg');
  await expect(presenter.getByTestId('presenter-feed').locator('li')).toHaveText(['Minh 3 kg', 'Mai 2 tạ', 'Lan 5 kg']);
  await expect.poll(() => presenter.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 177, 64)');
  await expect(presenter.locator('.presenter-goal')).toContainText('42% mục tiêu 500 kg');
  await expect(presenter.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
  // the ticker on the chat page shows the goal too
  await expect.poll(() => closedOverlay(chat).attribute(`${TICKER} [role="progressbar"]`, 'aria-valuenow')).toBe('42');
  // readable at 720p: the total is big, and everything fits in the frame
  const total = (await presenter.getByTestId('presenter-total').boundingBox())!;
  expect(total.height).toBeGreaterThan(100);
  const feed = (await presenter.getByTestId('presenter-feed').boundingBox())!;
  expect(feed.y + feed.height).toBeLessThanOrEqual(720);
  expect(await presenter.evaluate(() => document.body.innerText)).not.toMatch(PHONE);
  await presenter.screenshot({ path: testInfo.outputPath('presenter-green-720p.png') });

  // a new order shows within a second or so; English and transparent through the address
  await chat.evaluate(() =>
    (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add([{ id: 'y9', author: 'Đỗ Hà', text: 'chốt 2kg 0901 234 567' }]),
  );
  await expect(presenter.getByTestId('presenter-total')).toHaveText('210 kg', { timeout: 3000 });
  await presenter.goto(presenter.url().replace(/\?.*/, '?background=transparent&lang=en'));
  await expect(presenter.getByTestId('presenter-feed').locator('li').first()).toHaveText('Hà 2 kg');
  await expect(presenter.locator('.presenter-split')).toContainText('Confirmed');
  await expect.poll(() => presenter.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  expect(await presenter.evaluate(() => document.body.innerText)).not.toMatch(PHONE);
  await presenter.screenshot({ path: testInfo.outputPath('presenter-transparent-en.png'), omitBackground: true });
  expect(browser.blockedRequests).toEqual([]);
});
