import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, allFixtures, expectTally, listedOrders } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

type Fixture = Record<string, (...args: never[]) => unknown>;
const fixture = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ([name, params]) => ((window as unknown as { chatFixture: Fixture }).chatFixture[name as string] as (...a: unknown[]) => unknown)(...(params as unknown[])),
    [method, args] as const,
  );

test('TikTok LIVE: chat orders counted once, gifts never, and a new stream when the room moves to another host', async () => {
  let onScreen: FixtureRow[] = [
    { author: 'Lan Anh', handle: 'lananh.99', text: 'chốt 2 thùng' },
    { author: 'Minh', text: 'lấy 3kg' },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ tiktok: () => onScreen }) });
  const live = await browser.context.newPage();
  await live.goto('https://www.tiktok.com/@vuonvaibacgiang/live');
  const panel = await browser.sidePanel();
  // "2 thùng" has no weight without a catalog: counted as an order of unknown kg
  await expectTally(panel, { pendingKg: 3, confirmedKg: 0, orders: 2 });

  await addRows(live, [
    { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 5, text: '' },
    { author: 'Hùng', text: 'chốt 5 ký 0912 345 678' },
    { author: 'Ai đó', kind: 'system', text: 'đã tham gia' },
    { author: 'Thảo', text: 'xí 1 yến', plainComment: true },
  ]);
  await expectTally(panel, { pendingKg: 18, confirmedKg: 0, orders: 4 });
  // TikTok re-renders the list: the same rows come back as new elements
  await fixture(live, 'rerender');
  await live.waitForTimeout(700);
  await expectTally(panel, { pendingKg: 18, confirmedKg: 0, orders: 4 });

  // a reload shows the last rows again: not counted twice
  onScreen = [{ author: 'Thảo', text: 'xí 1 yến' }];
  await live.reload();
  await live.waitForTimeout(1000);
  await expectTally(panel, { pendingKg: 18, confirmedKg: 0, orders: 4 });

  // the stream ends and TikTok moves on to another creator in the same page
  await fixture(live, 'switchHost', 'nongsanhaiduong', 'Nông Sản Hải Dương', 'Vải sớm Thanh Hà');
  await addRows(live, [
    { author: 'Tú', text: 'lấy 2 yến' },
    { author: 'Lan Anh', text: 'chốt 2kg' },
  ]);
  const picker = panel.getByTestId('stream-picker');
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(picker.locator('option').first()).toContainText('Vải sớm Thanh Hà');
  await expectTally(panel, { pendingKg: 22, confirmedKg: 0, orders: 2 });
  await picker.selectOption({ index: 1 });
  await expectTally(panel, { pendingKg: 18, confirmedKg: 0, orders: 4 });
  expect(browser.blockedRequests).toEqual([]);
});

test('Facebook Live: comments by structure, optimistic ids, "See more", and a warning while the filter hides comments', async () => {
  const long = 'chốt 2 yến vải thiều loại 1 giao về số 15 ngõ 4 đường Trần Duy Hưng, Cầu Giấy, Hà Nội giúp em nhé shop';
  const onScreen: FixtureRow[] = [
    { id: '9001', author: 'Nguyễn Thị Lan', text: 'chốt 5kg :heart:' },
    { id: '9002', author: 'Trần Minh', text: 'lấy 1 yến', idInLink: true },
    { id: '9003', author: 'Bảo', text: long },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ facebook: () => onScreen }) });
  const live = await browser.context.newPage();
  await live.goto('https://www.facebook.com/vuonvai/videos/1234567890');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 35, confirmedKg: 0, orders: 3 });
  await expect(panel.locator('[data-order-id="facebook:9003"] .order-comment')).toHaveText(long);

  // the filter shows "Most relevant": the panel says so plainly, and stops once it is "All comments"
  const warning = panel.locator('.health-warning[data-kind="filtered-chat"]');
  await expect(warning).toContainText('Phù hợp nhất');
  await fixture(live, 'setFilter', 'Tất cả bình luận');
  await expect(warning).toHaveCount(0, { timeout: 15_000 });

  // a comment shows first with a "client:" id; it counts once Facebook confirms it
  await fixture(live, 'addOptimistic', { id: '555', author: 'Hà', text: 'chốt 1 tạ' });
  await live.waitForTimeout(1000);
  await expectTally(panel, { pendingKg: 35, confirmedKg: 0, orders: 3 });
  await fixture(live, 'confirm', '555', '9555');
  await expectTally(panel, { pendingKg: 135, confirmedKg: 0, orders: 4 });

  await live.reload();
  await live.waitForTimeout(1000);
  await expectTally(panel, { pendingKg: 135, confirmedKg: 0, orders: 4 });
  expect((await listedOrders(panel)).map((o) => o.id)).toEqual(['facebook:9001', 'facebook:9002', 'facebook:9003', 'facebook:9555']);
  expect(browser.blockedRequests).toEqual([]);
});

test('one broadcast on YouTube and Facebook: joined, tallied together with each order keeping its platform', async () => {
  browser = await launchExtensionBrowser({
    headless: true,
    fixtures: allFixtures({
      youtube: () => [
        { id: 'yt-1', author: 'Lan', text: 'chốt 2kg' },
        { id: 'yt-2', author: 'Minh', text: 'lấy 1 yến' },
      ],
      facebook: () => [{ id: 'fb-1', author: 'Hùng', text: 'chốt 5kg' }],
    }),
  });
  const youtube = await browser.context.newPage();
  await youtube.goto('https://www.youtube.com/watch?v=vaiChung01');
  const facebook = await browser.context.newPage();
  await facebook.goto('https://www.facebook.com/watch/live/?v=1234567890');
  const panel = await browser.sidePanel();
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(2);

  // join the other one into the stream shown
  await panel.getByTestId('join-button').click();
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(1);
  await expectTally(panel, { pendingKg: 17, confirmedKg: 0, orders: 3 });
  await expect(panel.locator('[data-testid="platform-tally"][data-platform="youtube"]')).toHaveAttribute('data-kg', '12');
  await expect(panel.locator('[data-testid="platform-tally"][data-platform="facebook"]')).toHaveAttribute('data-kg', '5');
  await expect(panel.locator('[data-order-id="facebook:fb-1"] .order-platform')).toHaveText('Facebook');

  // new comments on either platform land in the joined tally
  await addRows(facebook, [{ id: 'fb-2', author: 'Thảo', text: 'lấy 3kg' }]);
  await addRows(
    youtube.frames().find((frame) => frame.url().includes('/live_chat'))!,
    [{ id: 'yt-3', author: 'Tú', text: 'xí 4 ký' }],
  );
  await expectTally(panel, { pendingKg: 24, confirmedKg: 0, orders: 5 });

  // and taking one out puts the tally back
  await panel
    .getByRole('button', { name: /Facebook/ })
    .filter({ hasText: /Tách ra|Separate/ })
    .click();
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(2);
  expect(browser.blockedRequests).toEqual([]);
});

test('the side panel says when a site change stops the reading, naming the selectors', async () => {
  test.setTimeout(90_000);
  browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ tiktok: () => [{ author: 'Lan', text: 'chốt 2kg' }] }) });
  const live = await browser.context.newPage();
  await live.goto('https://www.tiktok.com/@vuonvaibacgiang/live');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await expect(panel.getByTestId('health-tab')).toHaveAttribute('data-rows', '1');
  await expect(panel.getByTestId('health-tab')).toHaveAttribute('data-warnings', '');

  // TikTok ships new markup: chat keeps moving, but no row matches the selectors any more
  await fixture(live, 'breakRows');
  for (let i = 0; i < 12; i += 1) await addRows(live, [{ author: `Khách ${i}`, text: `chốt ${i + 1}kg` }]);
  const warning = panel.locator('.health-warning[data-kind="rows-not-read"]');
  await expect(warning).toBeVisible({ timeout: 40_000 });
  await expect(warning).toContainText('[data-e2e="chat-message"]');
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
});
