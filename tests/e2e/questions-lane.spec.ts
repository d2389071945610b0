import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, expectTally, youtubeFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const PHONE = /0\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}/;

test('questions asked in the chat reach the lane, grouped; the host shows one on air and answers by key until none waits', async () => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => []) });
  const panel = await browser.sidePanel();
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=questions01');
  const rows: FixtureRow[] = [
    { id: 'q1', author: 'Trần Thị Lan', text: 'bn 1 thùng v shop' },
    { id: 'q2', author: 'Minh', text: 'chốt 2kg' },
    { id: 'q3', author: 'Hà', text: '1 thùng giá bn ạ' },
    { id: 'q4', author: 'Nguyễn Văn Tú', text: 'có ship hà nội k, sdt 0912 345 678' },
  ];
  await addRows(chat, rows);
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  const lane = panel.getByTestId('questions');
  await expect(lane).toHaveAttribute('data-waiting', '3');
  await expect(panel.getByTestId('questions-waiting')).toHaveAttribute('data-count', '3');
  const groups = lane.getByTestId('question-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAttribute('data-topic', 'shipping');
  await expect(groups.nth(1)).toContainText(/2 (người hỏi giá|people asked the price of) 1 thùng/);

  // the host shows the shipping question on air: the presenter view names the buyer by first name, no phone
  const [presenter] = await Promise.all([
    browser.context.waitForEvent('page'),
    (async () => {
      await panel.getByTestId('on-air-settings').locator('summary').click();
      await panel.getByTestId('open-presenter').click();
    })(),
  ]);
  await lane.focus();
  await panel.keyboard.press('s');
  await expect(groups.nth(0).getByTestId('question-on-air')).toBeVisible();
  await expect(presenter.getByTestId('presenter-question')).toContainText('Tú');
  await expect(presenter.getByTestId('presenter-question')).toContainText('có ship hà nội k');
  expect(await presenter.evaluate(() => document.body.innerText)).not.toMatch(PHONE);
  expect(await presenter.evaluate(() => document.body.innerText)).not.toContain('Nguyễn');

  // answered by key: it leaves the lane, the presenter view and the count
  await panel.keyboard.press('a');
  await expect(groups).toHaveCount(1);
  await expect(presenter.getByTestId('presenter-question')).toHaveCount(0);
  await expect(panel.getByTestId('questions-waiting')).toHaveAttribute('data-count', '2');
  // a third buyer asks the same in the chat: the group grows
  await addRows(chat, [{ id: 'q5', author: 'Quý', text: 'nhiu 1 thùng z' }]);
  await expect(groups.nth(0)).toContainText(/3 (người hỏi giá|people asked the price of) 1 thùng/);
  await lane.focus();
  await panel.keyboard.press('Enter');
  await expect(groups).toHaveCount(0);
  await expect(panel.getByTestId('questions-waiting')).toHaveAttribute('data-count', '0');
  await expect(lane).toHaveAttribute('data-waiting', '0');
  // the orders were never touched
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  expect(browser.blockedRequests).toEqual([]);
});
