import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, expectTally, listedOrders, youtubeFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const CATALOG = {
  products: [
    { code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10, hộp: 2 }, stockKg: 50 },
    { code: 'V2', name: 'Vải thiều loại 2', pricePerKg: 30000, defaultUnit: 'thùng', packages: { thùng: 12 }, stockKg: 100 },
  ],
  defaultProduct: 'V1',
};

test('a stream with repeats, a cancel, a late phone, a product switch and stock running out, worked through by keyboard', async () => {
  const chatRows: FixtureRow[] = [
    { id: 'a1', author: 'Lan', text: 'chốt 2 thùng' },
    { id: 'a2', author: 'Lan', text: 'chốt 2 thùng' },
    { id: 'a3', author: 'Minh', text: 'lấy 1 thùng' },
    { id: 'a4', author: 'Hà', text: 'chốt 3' },
    { id: 'a5', author: 'Minh', text: 'sđt em 0912 345 678 nhé' },
    { id: 'a6', author: 'Tú', text: 'chốt 2 hộp' },
    { id: 'a7', author: 'Hà', text: 'thôi em không lấy nữa' },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => []) });
  const panel = await browser.sidePanel();

  // the catalog goes in before the stream starts
  await panel.getByTestId('products').locator('summary').click();
  await panel.getByTestId('import-catalog').setInputFiles({ name: 'catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(CATALOG)) });
  await expect(panel.getByTestId('product')).toHaveCount(2);

  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?v=deskTest01');
  await addRows(chat, chatRows);
  // Lan 20 + Lan 20 (a possible repeat) + Minh 10 fill the 50 kg of V1; Tú's 4 kg waits; Hà cancelled
  await expectTally(panel, { pendingKg: 54, confirmedKg: 0, orders: 4 });
  await expect(panel.locator('[data-order-id="youtube:a2"] [data-testid="possible-repeat"]')).toBeVisible();
  await expect(panel.locator('[data-order-id="youtube:a6"] [data-testid="waitlisted"]')).toBeVisible();
  await expect(panel.locator('[data-order-id="youtube:a3"] .order-phone')).toContainText('0912345678');
  await expect(panel.locator('[data-order-id="youtube:a4"]')).toHaveAttribute('data-status', 'cancelled');

  // the host switches the default product to V2 during the stream
  await panel.locator('[data-testid="product"][data-code="V2"] input[type="radio"]').click(); // saved by the background, then shown
  await expect(panel.locator('[data-testid="product"][data-code="V2"] input[type="radio"]')).toBeChecked();
  await addRows(chat, [{ id: 'a8', author: 'Quý', text: 'chốt 2' }]);
  await expectTally(panel, { pendingKg: 78, confirmedKg: 0, orders: 5 });

  // the assistant works through the queue from the keyboard
  const queue = panel.getByTestId('queue');
  await queue.focus();
  await expect(panel.getByTestId('queue-current')).toHaveAttribute('data-order-id', 'youtube:a1');
  await panel.keyboard.press('c'); // Lan's first order
  await expect(panel.getByTestId('queue-current')).toHaveAttribute('data-order-id', 'youtube:a2');
  await panel.keyboard.press('x'); // the repeat: rejected, which frees 20 kg of V1 for Tú
  await panel.keyboard.press('c'); // Minh
  await panel.keyboard.press('c'); // Tú
  await panel.keyboard.press('Enter'); // Quý, 2 thùng of V2
  await expect(panel.getByText(/Không còn đơn nào chờ xác nhận|No order is waiting/)).toBeVisible();

  await expectTally(panel, { pendingKg: 0, confirmedKg: 58, orders: 4 });
  expect(await listedOrders(panel)).toEqual([
    { id: 'youtube:a1', kg: '20', status: 'confirmed' },
    { id: 'youtube:a2', kg: '20', status: 'rejected' },
    { id: 'youtube:a3', kg: '10', status: 'confirmed' },
    { id: 'youtube:a4', kg: '3', status: 'cancelled' },
    { id: 'youtube:a6', kg: '4', status: 'confirmed' },
    { id: 'youtube:a8', kg: '24', status: 'confirmed' },
  ]);
  await expect(panel.getByTestId('waitlisted')).toHaveCount(0);
  await expect(panel.locator('[data-testid="product"][data-code="V1"]')).toHaveAttribute('data-remaining-kg', '16');
  await expect(panel.locator('[data-testid="product"][data-code="V2"]')).toHaveAttribute('data-remaining-kg', '76');
  await expect(panel.getByTestId('tally-more')).toHaveAttribute('data-confirmed-vnd', String(34 * 45000 + 24 * 30000));
  expect(browser.blockedRequests).toEqual([]);
});

test('the orders table opens from the side panel and confirms what its search shows', async () => {
  // 90 rows: the fixture, like YouTube, keeps only the newest 100 on screen
  const rows: FixtureRow[] = Array.from({ length: 90 }, (_, i) => ({
    id: `t${i}`,
    author: i % 10 === 0 ? 'HTX Lục Ngạn' : `Khách ${i}`,
    text: `chốt ${(i % 9) + 1}kg`,
  }));
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => rows) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?v=tableTest01');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: rows.reduce((sum, _row, i) => sum + (i % 9) + 1, 0), confirmedKg: 0, orders: 90 });
  const [dashboard] = await Promise.all([browser.context.waitForEvent('page'), panel.locator('.open-dashboard').click()]);
  await dashboard.waitForLoadState();
  await expect(dashboard.getByTestId('table-count')).toHaveAttribute('data-shown', '90');
  const drawn = await dashboard.getByTestId('table-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(90); // only the rows on screen are drawn
  await dashboard.getByTestId('table-search').fill('HTX');
  await expect(dashboard.getByTestId('table-count')).toHaveAttribute('data-shown', '9');
  await dashboard.getByTestId('bulk-confirm').click();
  // the side panel follows the background's write
  await expect(panel.getByTestId('tally')).toHaveAttribute(
    'data-confirmed-kg',
    String(Array.from({ length: 9 }, (_, k) => ((k * 10) % 9) + 1).reduce((a, b) => a + b, 0)),
  );
  expect(browser.blockedRequests).toEqual([]);
});
