import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { expectTally, listedOrders } from './helpers';

let browser: ExtensionBrowser | undefined;

test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

test("the welcome page opens on install, in the browser's language, and its demo stream runs inside the extension", async () => {
  // A fresh profile in a Vietnamese browser; no site is needed: nothing may leave the machine.
  browser = await launchExtensionBrowser({ headless: true, locale: 'vi-VN', fixtures: () => undefined });
  const welcome = browser.welcome!;
  expect(welcome.url()).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);

  // In Vietnamese, and in English with the switch.
  await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-language', 'vi');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Chào mừng bạn đến với Chốt');
  await expect(welcome.getByText('Trò chuyện hàng đầu', { exact: false })).toBeVisible();
  await expect(welcome.getByText('Phù hợp nhất', { exact: false })).toBeVisible();
  await welcome.getByTestId('language').selectOption('en');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Chốt');
  for (const setting of ['"Top chat"', '"Most relevant"', 'TikTok:']) await expect(welcome.getByText(setting, { exact: false })).toBeVisible();
  await welcome.getByTestId('language').selectOption('auto');
  await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-language', 'vi');

  // The demo link opens the demo page inside the extension.
  const [demo] = await Promise.all([browser.context.waitForEvent('page'), welcome.getByTestId('open-demo').click()]);
  await demo.waitForLoadState();
  expect(demo.url()).toBe(`chrome-extension://${browser.extensionId}/demo.html`);
  await expect(demo.getByTestId('demo-badge')).toContainText('DEMO');
  await expect(demo.getByRole('heading', { level: 1 })).toHaveText('Demo — vải thiều Lục Ngạn');

  // The side panel beside it; then the simulated chat plays, ten times faster, in YouTube's chat markup.
  const panel = await browser.sidePanel();
  await demo.bringToFront();
  await demo.getByTestId('demo-speed').selectOption('10');
  await demo.getByTestId('demo-play').click();
  const progress = demo.getByTestId('demo-progress');
  const total = Number(await progress.getAttribute('data-total'));
  await expect(progress).toHaveAttribute('data-shown', String(total), { timeout: 30_000 });
  await expect(
    demo.locator(
      'yt-live-chat-item-list-renderer #items > yt-live-chat-text-message-renderer, yt-live-chat-item-list-renderer #items > yt-live-chat-paid-message-renderer',
    ),
  ).toHaveCount(total);

  // The panel tallies the demo's orders under the demo stream.
  await expect(panel.getByTestId('stream-picker').locator('option:checked')).toHaveText('YouTube · Demo — vải thiều Lục Ngạn');
  // 22 orders, 4,749.5 kg, read by hand from the chat: 5 + 10 + 3 + 20 + 1200 + 50 + 2 + 2.5 + 6 + 150 + 2 (thêm)
  // + 3 (Super Chat) + 8 + 25 + 5 + 25 + 3200 + 1.5 + 4 + 7 + 0.5 + 20; Ngô Bảo's 4 kg is cancelled; the
  // questions, the past order, the spam and the child's weight are not orders.
  await expectTally(panel, { pendingKg: 4749.5, confirmedKg: 0, orders: 22 });
  const orders = await listedOrders(panel);
  expect(orders.every((order) => order.id.startsWith('youtube:chot-demo-'))).toBe(true);
  expect(browser.blockedRequests).toEqual([]);
});
