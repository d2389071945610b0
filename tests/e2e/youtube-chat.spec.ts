import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
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
  browser.context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );

  const chat = await browser.context.newPage();
  chat.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
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
  await expect(panel.locator('[data-order-id="youtube:row-b3"] .order-buyer')).toHaveText('<script>alert("name")</script>');
  await expect(panel.locator('[data-order-id="youtube:row-b3"] .order-comment')).toHaveText('<img src=x onerror=alert(1)> chốt 1 tạ');
  await expect(panel.locator('#root script, #root img[onerror]')).toHaveCount(0); // nothing from the chat became markup
  await expect(panel.locator('[data-order-id="youtube:row-a3"] .order-phone')).toContainText('0912345678');

  // The assistant confirms one order and rejects another.
  await panel
    .getByRole('button', { name: 'Hùng Phạm' })
    .filter({ hasText: /Xác nhận|Confirm/ })
    .click();
  await panel.locator('[data-order-id="youtube:row-b1"] button.reject').click();
  await expectTally(panel, { pendingKg: 1306, confirmedKg: 5, orders: 5 });

  // Reloading the chat shows the same rows again (and one more): nothing is counted twice.
  onScreen = [...AT_LOAD.slice(1), ...ARRIVING, { id: 'row-c1', author: 'Lan Anh', text: 'lấy 2,5kg' }];
  await chat.reload();
  await expectTally(panel, { pendingKg: 1308.5, confirmedKg: 5, orders: 6 });

  // YouTube replaces the whole list element at times: the reader re-attaches and counts new rows once.
  await chat.evaluate(() => (window as unknown as { chatFixture: { replaceList(): void } }).chatFixture.replaceList());
  await addRows(chat, [
    { id: 'row-c1', author: 'Lan Anh', text: 'lấy 2,5kg' },
    { id: 'row-c2', author: 'Quý', text: 'chốt 1,5 kg' },
  ]);
  await expectTally(panel, { pendingKg: 1310, confirmedKg: 5, orders: 7 });

  // Closing and reopening the panel, then restarting the browser, keeps everything.
  await panel.close();
  const reopened = await browser.sidePanel();
  await expectTally(reopened, { pendingKg: 1310, confirmedKg: 5, orders: 7 });
  const { userDataDir, blockedRequests } = browser;
  expect(blockedRequests).toEqual([]);
  await browser.close();
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen), userDataDir });
  const afterRestart = await browser.sidePanel();
  await expectTally(afterRestart, { pendingKg: 1310, confirmedKg: 5, orders: 7 });
  expect(await listedOrders(afterRestart)).toEqual([
    { id: 'youtube:row-a1', kg: '2', status: 'pending' },
    { id: 'youtube:row-a3', kg: '5', status: 'confirmed' },
    { id: 'youtube:row-b1', kg: '3', status: 'rejected' },
    { id: 'youtube:row-b3', kg: '100', status: 'pending' },
    { id: 'youtube:row-b6', kg: '1200', status: 'pending' },
    { id: 'youtube:row-b7', kg: '4', status: 'pending' },
    { id: 'youtube:row-c1', kg: '2.5', status: 'pending' },
    { id: 'youtube:row-c2', kg: '1.5', status: 'pending' },
  ]);
  expect(dialogs).toEqual([]);
  expect(browser.blockedRequests).toEqual([]);
});

test('the chat iframe of a watch page and a popout tab of the same stream store each comment once; replays are not read', async () => {
  const video = 'vaiLiveTwo02';
  onScreen = [
    { id: 'row-w1', author: 'Bảo', text: 'chốt 2 yến rưỡi' },
    { id: 'row-w2', author: 'Cúc', text: 'lấy nửa tạ 0987.654.321' },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen, { [video]: 'Vải thiều Lục Ngạn trực tiếp từ vườn' }) });
  const watch = await browser.context.newPage();
  await watch.goto(`https://www.youtube.com/watch?v=${video}`);
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });
  await expect(panel.getByTestId('stream-picker')).toContainText('Vải thiều Lục Ngạn trực tiếp từ vườn');

  const popout = await browser.context.newPage();
  await popout.goto(`https://www.youtube.com/live_chat?is_popout=1&v=${video}`);
  await addRows(popout, [{ id: 'row-w3', author: 'Dũng', text: 'xí 3 ký' }]);
  await expectTally(panel, { pendingKg: 78, confirmedKg: 0, orders: 3 });

  // A replay of a finished stream has order-looking rows; none of them is a live order.
  const replay = await browser.context.newPage();
  await replay.goto(`https://www.youtube.com/live_chat_replay?v=oldStream99`);
  await addRows(replay, [{ id: 'row-r1', author: 'Replay', text: 'chốt 9kg' }]);
  // Give a reader time to send, were one (wrongly) running there; then check nothing came in.
  await popout.waitForTimeout(1500);
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(1);
  await expectTally(panel, { pendingKg: 78, confirmedKg: 0, orders: 3 });
  expect(browser.blockedRequests).toEqual([]);
});

test('the side panel speaks Vietnamese or English on request', async () => {
  onScreen = [{ id: 'row-l1', author: 'Lan', text: 'chốt 2kg' }];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  const chat = await browser.context.newPage();
  await chat.goto(`https://www.youtube.com/live_chat?v=langTest01`);
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await panel.getByTestId('language').selectOption('vi');
  await expect(panel.getByRole('button', { name: 'Xác nhận đơn của Lan' })).toBeVisible();
  await expect(panel.getByText('Chờ xác nhận', { exact: true })).toBeVisible();
  await panel.getByTestId('language').selectOption('en');
  await expect(panel.getByRole('button', { name: 'Confirm the order of Lan' })).toBeVisible();
  // The choice is kept for the next time the panel opens.
  await panel.close();
  const again = await browser.sidePanel();
  await expect(again.getByTestId('language')).toHaveValue('en');
});

test('the extension asks only for the side panel and for storage the browser never caps or evicts; its toolbar button shows a tab being read', async () => {
  onScreen = [];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  const worker = browser.context.serviceWorkers()[0]!;
  type Chrome = {
    runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[] } };
    permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
  };
  const granted = await worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const manifest = chrome.runtime.getManifest();
    return {
      permissions: [...(manifest.permissions ?? [])].sort(),
      hosts: manifest.host_permissions ?? [],
      unlimited: await chrome.permissions.contains({ permissions: ['unlimitedStorage'] }),
    };
  });
  expect(granted).toEqual({ permissions: ['sidePanel', 'unlimitedStorage'], hosts: [], unlimited: true });

  // The toolbar button's title (and its red icon) say which tab's chat is being read.
  // (the extension may not read tab URLs, so every tab's title is looked at)
  type Toolbar = {
    tabs: { query(q: object): Promise<{ id: number }[]> };
    action: { getTitle(d: { tabId: number }): Promise<string> };
    i18n: { getMessage(key: string): string };
  };
  const toolbarTitles = () =>
    worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Toolbar }).chrome;
      const tabs = await chrome.tabs.query({});
      return {
        titles: await Promise.all(tabs.map((tab) => chrome.action.getTitle({ tabId: tab.id }))),
        reading: chrome.i18n.getMessage('actionTitleReading'),
        idle: chrome.i18n.getMessage('actionTitle'),
      };
    });
  const before = await toolbarTitles();
  expect(before.reading).toMatch(/Chốt/);
  expect(before.titles).not.toContain(before.reading);
  const chat = await browser.context.newPage();
  await chat.goto(CHAT_URL);
  await expect.poll(async () => (await toolbarTitles()).titles.filter((title) => title === before.reading).length).toBe(1);
  await chat.close();
  await expect.poll(async () => (await toolbarTitles()).titles.filter((title) => title === before.reading).length).toBe(0);
  expect((await toolbarTitles()).titles.every((title) => title === before.idle)).toBe(true);
});

test('nothing is lost when Chrome stops the background service worker mid-stream', async () => {
  onScreen = [];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  // The toolbar button opens the side panel.
  const worker = browser.context.serviceWorkers()[0]!;
  expect(
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<unknown> } } }).chrome.sidePanel.getPanelBehavior(),
    ),
  ).toEqual({ openPanelOnActionClick: true });

  const chat = await browser.context.newPage();
  await chat.goto(`https://www.youtube.com/live_chat?v=swRestart01`);
  const panel = await browser.sidePanel();
  const devtools = await browser.context.newCDPSession(panel);
  await devtools.send('ServiceWorker.enable');
  let expectedKg = 0;
  for (let round = 1; round <= 4; round += 1) {
    await devtools.send('ServiceWorker.stopAllWorkers');
    await addRows(
      chat,
      Array.from({ length: 10 }, (_, i) => ({ id: `sw-${round}-${i}`, author: `Khách ${i}`, text: `chốt ${round} ký` })),
    );
    expectedKg += 10 * round;
  }
  await expectTally(panel, { pendingKg: expectedKg, confirmedKg: 0, orders: 40 });
  expect(browser.blockedRequests).toEqual([]);
});

test('the assistant works through waiting orders from the keyboard', async () => {
  onScreen = [
    { id: 'kb-1', author: 'Lan', text: 'chốt 2kg' },
    { id: 'kb-2', author: 'Minh', text: 'lấy 1 yến' },
    { id: 'kb-3', author: 'Hà', text: 'xí 3kg' },
  ];
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?v=keyboard01');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 15, confirmedKg: 0, orders: 3 });
  // the queue reads its window apart from the tally: the assistant decides the order they see
  await expect(panel.getByTestId('queue-current')).toHaveAttribute('data-order-id', 'youtube:kb-1');
  await panel.getByTestId('queue').focus();
  await panel.keyboard.press('c'); // Lan: confirmed
  await panel.keyboard.press('x'); // Minh: rejected
  await expect(panel.getByTestId('queue-current')).toHaveAttribute('data-order-id', 'youtube:kb-3');
  await panel.keyboard.press('e');
  await panel.getByTestId('edit-quantity').fill('4');
  await panel.keyboard.press('Enter'); // saved: 4 kg
  await expectTally(panel, { pendingKg: 4, confirmedKg: 2, orders: 2 });
  await panel.getByTestId('queue').focus();
  await panel.keyboard.press('Control+z'); // the edit is undone
  await expectTally(panel, { pendingKg: 3, confirmedKg: 2, orders: 2 });
  await panel.keyboard.press('Enter');
  await expectTally(panel, { pendingKg: 0, confirmedKg: 5, orders: 2 });
  await expect(panel.getByTestId('queue-counts')).toHaveText('Waiting 0 · Confirmed 2 · Rejected 1');
  expect(browser.blockedRequests).toEqual([]);
});
