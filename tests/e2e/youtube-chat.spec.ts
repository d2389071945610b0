import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/youtube-fixture';
import { addRows, expectTally, listedOrders, youtubeFixtures } from './helpers';

const VIDEO = 'vaiLucNgan01';
const CHAT_URL = `https://www.youtube.com/live_chat?v=${VIDEO}`;

const AT_LOAD: FixtureRow[] = [
  { id: 'row-a1', author: 'Nguyễn Thị Lan', text: 'chốt 2kg :cherries:' },
  { id: 'row-a2', author: 'Minh Trần', text: 'vải năm nay ngon quá', role: 'member' },
  { id: 'row-a3', author: 'Hùng Phạm', text: 'lấy 5 ký 0912 345 678', amount: '₫50.000' },
];

const ARRIVING: FixtureRow[] = [
  { id: 'row-b1', author: 'Thu Hà', text: 'chot 3 kg nha' },
  { id: 'row-b2', author: 'Quang', text: '5kg bao nhiêu tiền?' },
  { id: 'row-b3', author: '<script>alert("name")</script>', text: '<img src=x onerror=alert(1)> chốt 1 tạ' },
  { id: 'row-b4', author: 'Spam Bot', text: `chốt ${'a'.repeat(10_000)}` },
  { id: 'row-b5', author: 'Emoji Fan', text: ':fire::fire::heart:' },
  { id: 'row-b6', author: 'HTX Lục Ngạn', text: 'công ty em đặt 1 tấn 2', verified: true },
  { id: 'row-b7', author: 'Zero\u200bWidth', text: '\u200bchốt\u200b 4 ký\u200b' },
];

let browser: ExtensionBrowser | undefined;
let onScreen: FixtureRow[] = [];

test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

test('orders typed in a YouTube live chat reach the side panel once, and survive reloads and a restart', async () => {
  onScreen = [...AT_LOAD];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  const dialogs: string[] = [];
  browser.context.on('page', (page) => page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); }));

  const chat = await browser.context.newPage();
  chat.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await chat.goto(CHAT_URL);
  const panel = await browser.sidePanel();

  // Rows already on screen when the reader attached: 2 kg + 5 kg.
  await expectTally(panel, { pendingKg: 7, confirmedKg: 0, orders: 2 });

  // New rows arrive, and YouTube drops the oldest row from the list.
  await addRows(chat, ARRIVING);
  await chat.evaluate(() => (window as unknown as { chatFixture: { remove(id: string): void } }).chatFixture.remove('row-a1'));
  // + 3 kg + 100 kg + 1200 kg + 4 kg; the question, the 10,000-character row and the emoji are not orders.
  await expectTally(panel, { pendingKg: 1314, confirmedKg: 0, orders: 6 });
  expect(await listedOrders(panel)).toEqual([
    { id: 'youtube:row-a1', kg: '2', status: 'pending' },
    { id: 'youtube:row-a3', kg: '5', status: 'pending' },
    { id: 'youtube:row-b1', kg: '3', status: 'pending' },
    { id: 'youtube:row-b3', kg: '100', status: 'pending' },
    { id: 'youtube:row-b6', kg: '1200', status: 'pending' },
    { id: 'youtube:row-b7', kg: '4', status: 'pending' },
  ]);

  // Names and messages are shown as text, never run.
  await expect(panel.getByText('<script>alert("name")</script>')).toBeVisible();
  await expect(panel.getByText('<img src=x onerror=alert(1)> chốt 1 tạ')).toBeVisible();
  await expect(panel.locator('[data-order-id="youtube:row-a3"] .order-phone')).toContainText('0912345678');

  // The assistant confirms one order and rejects another.
  await panel.getByRole('button', { name: 'Hùng Phạm' }).filter({ hasText: /Xác nhận|Confirm/ }).click();
  await panel.locator('[data-order-id="youtube:row-b1"] button.reject').click();
  await expectTally(panel, { pendingKg: 1306, confirmedKg: 5, orders: 5 });

  // Reloading the chat shows the same rows again (and one more): nothing is counted twice.
  onScreen = [...AT_LOAD.slice(1), ...ARRIVING, { id: 'row-c1', author: 'Lan Anh', text: 'lấy 2,5kg' }];
  await chat.reload();
  await expectTally(panel, { pendingKg: 1308.5, confirmedKg: 5, orders: 6 });

  // Closing and reopening the panel, then restarting the browser, keeps everything.
  await panel.close();
  const reopened = await browser.sidePanel();
  await expectTally(reopened, { pendingKg: 1308.5, confirmedKg: 5, orders: 6 });
  const { userDataDir, blockedRequests } = browser;
  expect(blockedRequests).toEqual([]);
  await browser.close();
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen), userDataDir });
  const afterRestart = await browser.sidePanel();
  await expectTally(afterRestart, { pendingKg: 1308.5, confirmedKg: 5, orders: 6 });
  expect(await listedOrders(afterRestart)).toEqual([
    { id: 'youtube:row-a1', kg: '2', status: 'pending' },
    { id: 'youtube:row-a3', kg: '5', status: 'confirmed' },
    { id: 'youtube:row-b1', kg: '3', status: 'rejected' },
    { id: 'youtube:row-b3', kg: '100', status: 'pending' },
    { id: 'youtube:row-b6', kg: '1200', status: 'pending' },
    { id: 'youtube:row-b7', kg: '4', status: 'pending' },
    { id: 'youtube:row-c1', kg: '2.5', status: 'pending' },
  ]);
  expect(dialogs).toEqual([]);
  expect(browser.blockedRequests).toEqual([]);
});
