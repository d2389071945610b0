import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, chatFrameOf, expectTally, listedOrders, youtubeFixtures } from './helpers';

// YouTube's chat surfaces as the design notes (§3) record them: the popout names its video (`v=`); the chat
// beside the video and Studio's are frames at `live_chat?continuation=…` that name none.

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

type Chat = Parameters<typeof addRows>[0];
const call = (chat: Chat, method: string, ...args: unknown[]) =>
  chat.evaluate(([m, a]) => (window as unknown as { chatFixture: Record<string, (...x: unknown[]) => void> }).chatFixture[m as string]!(...(a as unknown[])), [
    method,
    args,
  ] as const);

const AT_LOAD: FixtureRow[] = [
  { id: 'row-s1', author: 'Bảo', text: 'chốt 2 yến rưỡi' },
  { id: 'row-s2', author: 'Cúc', text: 'lấy nửa tạ 0987.654.321' },
];

test('the chat beside the video (a continuation frame) is read under the video of the watch page, the same stream as its popout', async () => {
  const video = 'vaiWatch0001';
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => AT_LOAD, { [video]: 'Vải thiều Lục Ngạn trực tiếp' }) });
  const watch = await browser.context.newPage();
  await watch.goto(`https://www.youtube.com/watch?v=${video}`);
  const frameUrl = new URL(chatFrameOf(watch).url());
  expect(frameUrl.searchParams.get('v')).toBeNull();
  expect(frameUrl.searchParams.get('continuation')).toBeTruthy();
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });
  await expect(panel.getByTestId('stream-picker')).toContainText('Vải thiều Lục Ngạn trực tiếp');

  await addRows(chatFrameOf(watch), [{ id: 'row-s3', author: 'Dũng', text: 'xí 3 ký' }]);
  await expectTally(panel, { pendingKg: 78, confirmedKg: 0, orders: 3 });
  const popout = await browser.context.newPage();
  await popout.goto(`https://www.youtube.com/live_chat?is_popout=1&v=${video}`);
  await addRows(popout, [{ id: 'row-s4', author: 'Em', text: 'chốt 1kg' }]);
  await expectTally(panel, { pendingKg: 79, confirmedKg: 0, orders: 4 });
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(1);
  expect(browser.blockedRequests).toEqual([]);
});

for (const [name, chatOrigin] of [
  ['on studio.youtube.com', undefined],
  ['on www.youtube.com (cross-origin)', 'https://www.youtube.com'],
] as const) {
  test(`Studio's live control room: its chat frame ${name} is read under the video in Studio's path`, async () => {
    const video = 'vaiStudio001';
    browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => AT_LOAD, {}, chatOrigin) });
    const studio = await browser.context.newPage();
    await studio.goto(`https://studio.youtube.com/video/${video}/livestreaming`);
    expect(new URL(chatFrameOf(studio).url()).origin).toBe(chatOrigin ?? 'https://studio.youtube.com');
    const panel = await browser.sidePanel();
    await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });
    // the viewers' popout of the same video is the same stream
    const popout = await browser.context.newPage();
    await popout.goto(`https://www.youtube.com/live_chat?is_popout=1&v=${video}`);
    await addRows(popout, [{ id: 'row-s5', author: 'Giang', text: 'chốt 4kg' }]);
    await expectTally(panel, { pendingKg: 79, confirmedKg: 0, orders: 3 });
    await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(1);
    expect(browser.blockedRequests).toEqual([]);
  });
}

test('a comment deleted by a moderator stops counting, its order shows as withdrawn, and the assistant can put it back', async () => {
  let onScreen = AT_LOAD;
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => onScreen) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=vaiDelete001');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });

  await call(chat, 'markDeleted', 'row-s2');
  await expectTally(panel, { pendingKg: 25, confirmedKg: 0, orders: 1 });
  expect(await listedOrders(panel)).toEqual([
    { id: 'youtube:row-s1', kg: '25', status: 'pending' },
    { id: 'youtube:row-s2', kg: '50', status: 'withdrawn' },
  ]);
  await expect(panel.locator('[data-order-id="youtube:row-s2"] .order-status')).toHaveText(/Bị xoá khỏi chat|Deleted by a moderator/);

  // deleted while the page was reloading: the row comes back already deleted, and its order stops counting
  const late: FixtureRow = { id: 'row-s6', author: 'Hạnh', text: 'chốt 9kg' };
  await addRows(chat, [late]);
  await expectTally(panel, { pendingKg: 34, confirmedKg: 0, orders: 2 });
  onScreen = [AT_LOAD[0]!, { ...AT_LOAD[1]!, deleted: true }, { ...late, deleted: true }];
  await chat.reload();
  await expectTally(panel, { pendingKg: 25, confirmedKg: 0, orders: 1 });
  expect((await listedOrders(panel)).map((order) => order.status)).toEqual(['pending', 'withdrawn', 'withdrawn']);

  await panel.locator('[data-order-id="youtube:row-s2"] button.reopen').click();
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });
  expect(browser.blockedRequests).toEqual([]);
});

test('a message sent from this browser counts once, when YouTube replaces its temporary id with the real one', async () => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => AT_LOAD) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=vaiSent00001');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });

  const temporary = 'CMvaiLucNgan0sent0001xyz0';
  const real = 'ChwKGkNMdmFpVGhpZXVMdWNOZ2FuMDAwMDAwMDAx';
  await addRows(chat, [{ id: temporary, author: 'Chủ vườn', text: 'chốt 3kg cho chị Mai' }]);
  await chat.waitForTimeout(3500); // longer than the reader's retries
  await expectTally(panel, { pendingKg: 75, confirmedKg: 0, orders: 2 });
  await call(chat, 'confirmSent', temporary, real);
  await expectTally(panel, { pendingKg: 78, confirmedKg: 0, orders: 3 });
  await call(chat, 'rerender');
  await addRows(chat, [{ id: 'row-s7', author: 'Khánh', text: 'chốt 1kg' }]);
  await expectTally(panel, { pendingKg: 79, confirmedKg: 0, orders: 4 });
  expect((await listedOrders(panel)).map((order) => order.id)).toEqual(['youtube:row-s1', 'youtube:row-s2', `youtube:${real}`, 'youtube:row-s7']);
  expect(browser.blockedRequests).toEqual([]);
});
