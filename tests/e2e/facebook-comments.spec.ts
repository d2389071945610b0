import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { allFixtures, expectTally, listedOrders } from './helpers';

// Facebook pages shaped as the design notes (§3) record them: comments as role="article" wherever the layout
// puts them, ids on the article or its parent, a page-root wrapper with an id, one div[dir=auto] per line.

let browser: ExtensionBrowser | undefined;

test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const fixture = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([m, a]) => (window as unknown as { chatFixture: Record<string, (...x: unknown[]) => void> }).chatFixture[m as string]!(...(a as unknown[])), [
    method,
    args,
  ] as const);

const EIGHT: FixtureRow[] = [
  { id: '7001', author: 'Nguyễn Thị Lan', text: 'chốt 1kg' },
  { id: '7002', author: 'Trần Minh', text: 'chốt 2kg', idOn: 'article' },
  { id: '7003', author: 'Phạm Hùng', text: 'lấy 3kg' },
  { id: '7004', author: 'Lê Thu Hà', text: 'chốt 4kg', idOn: 'article' },
  { id: '7005', author: 'Đỗ Quang', text: 'đặt 5kg' },
  { id: '7006', author: 'Vũ Thảo', text: 'chốt 6kg' },
  { id: '7007', author: 'Bùi Nga', text: 'lấy 7kg', idOn: 'article' },
  { id: '7008', author: 'Hoàng Bảo', text: 'chốt 8kg' },
];

for (const [name, url] of [
  ['a live video', 'https://www.facebook.com/vuonvai/videos/1234567890'],
  ['Watch', 'https://www.facebook.com/watch/?v=1234567890'],
  ['the Live Producer dashboard', 'https://www.facebook.com/live/producer/dashboard/1234567890/'],
] as const) {
  test(`Facebook (${name}): all 8 comments already on the page when it opens are read`, async () => {
    browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ facebook: () => EIGHT }) });
    const live = await browser.context.newPage();
    await live.goto(url);
    const panel = await browser.sidePanel();
    await expectTally(panel, { pendingKg: 36, confirmedKg: 0, orders: 8 });
    expect((await listedOrders(panel)).map((o) => o.id)).toEqual(EIGHT.map((row) => `facebook:${row.id}`));
    expect(browser.blockedRequests).toEqual([]);
  });
}

test('Facebook: a comment typed on two lines is read whole, the phone on its second line reaches the order', async () => {
  browser = await launchExtensionBrowser({
    headless: true,
    fixtures: allFixtures({ facebook: () => [{ id: '7101', author: 'Nguyễn Thị Lan', text: 'Chốt 2kg\nSĐT 0912 345 678' }] }),
  });
  const live = await browser.context.newPage();
  await live.goto('https://www.facebook.com/vuonvai/videos/1234567890');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await expect(panel.locator('[data-order-id="facebook:7101"] .order-phone')).toContainText('0912345678');
  await expect(panel.locator('[data-order-id="facebook:7101"] .order-comment')).toContainText('Chốt 2kg');
  await expect(panel.locator('[data-order-id="facebook:7101"] .order-comment')).toContainText('SĐT 0912 345 678');
  expect(browser.blockedRequests).toEqual([]);
});

test('Facebook: a nested reply is a comment of its own, its text not merged into its parent', async () => {
  browser = await launchExtensionBrowser({
    headless: true,
    fixtures: allFixtures({ facebook: () => [{ id: '7201', author: 'Nguyễn Thị Lan', text: 'chốt 2kg' }] }),
  });
  const live = await browser.context.newPage();
  await live.goto('https://www.facebook.com/vuonvai/videos/1234567890');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await fixture(live, 'addReply', '7201', { id: '7202', author: 'Trần Minh', text: 'em lấy 3kg nữa' });
  await expectTally(panel, { pendingKg: 5, confirmedKg: 0, orders: 2 });
  await expect(panel.locator('[data-order-id="facebook:7201"] .order-comment')).toHaveText('chốt 2kg');
  await expect(panel.locator('[data-order-id="facebook:7202"] .order-comment')).toHaveText('em lấy 3kg nữa');
  expect(browser.blockedRequests).toEqual([]);
});
