import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { freePort, startTeamServerProcess, type TeamServerProcess } from '../../scripts/lib/team-server-process';
import { addRows, expectTally, listedOrders, youtubeFixtures } from './helpers';
import { allowSiteInExtensionSettings, historyOf, ONLINE, turnTeamOff, turnTeamOn } from './team-desk';

// Three desks (three Chromium profiles with the built extension) and the real team server, started here as
// `npm run team-server` starts it, on 127.0.0.1. Chat pages are fixtures under YouTube's real URLs; every other
// request is aborted and fails the test. The one thing that leaves a browser is the background's WebSocket to the
// loopback server (Playwright's routing never sees WebSockets; nothing else listens on this machine for it).
test.describe.configure({ mode: 'serial' });

interface Desk {
  name: string;
  browser: ExtensionBrowser;
  panel: Page;
}

const VIDEO = 'teamDesk001';
const CHAT: FixtureRow[] = [
  { id: 'r1', author: 'Lan Anh', text: 'chốt 2kg' },
  { id: 'r2', author: 'Minh Tú', text: 'lấy 3kg' },
  { id: 'r3', author: 'Hà', text: 'chốt 5kg' },
  { id: 'r4', author: 'Quý', text: 'chốt 1kg' },
  { id: 'r5', author: 'Vy', text: 'lấy 4kg' },
];
const SYNC = { timeout: 30_000 };

let server: TeamServerProcess;
let dataDir: string;
let desks: Desk[] = [];
let key = '';

const host = () => desks[0]!;
const minh = () => desks[1]!;
const hoa = () => desks[2]!;

/** What every desk shows alike, once it does (and, if asked, once it is `settled`). */
async function sameEverywhere<T>(read: (desk: Desk) => Promise<T>, settled: (value: T) => boolean = () => true): Promise<T> {
  let seen: T[] = [];
  await expect
    .poll(async () => {
      seen = await Promise.all(desks.map(read));
      return seen.every((value) => JSON.stringify(value) === JSON.stringify(seen[0])) && settled(seen[0]!);
    }, SYNC)
    .toBe(true);
  return seen[0]!;
}

const statuses = async (desk: Desk) => Object.fromEntries((await listedOrders(desk.panel)).map((order) => [order.id, order.status]));
const tallyOf = (desk: Desk) =>
  desk.panel
    .getByTestId('tally')
    .evaluate((tally) => ['data-orders', 'data-pending-kg', 'data-confirmed-kg'].map((name) => tally.getAttribute(name)).join(' '));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'chot-team-e2e-'));
  server = await startTeamServerProcess({ port: await freePort(), dataDir });
  for (const name of ['Lan', 'Minh', 'Hoa']) {
    const browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => CHAT.slice(0, 1)) });
    await allowSiteInExtensionSettings(browser, 'http://127.0.0.1/*');
    desks.push({ name, browser, panel: await browser.sidePanel() });
  }
});

test.afterAll(async () => {
  for (const desk of desks) await desk.browser.close();
  desks = [];
  await server?.stop();
});

test.afterEach(() => {
  for (const desk of desks) expect(desk.browser.blockedRequests, desk.name).toEqual([]);
});

test('the host turns team mode on and gets the key; a wrong key is refused with the message shown; the right one joins', async () => {
  test.setTimeout(60_000);
  await turnTeamOn(host().panel, { role: 'host', url: server.url, name: 'Lan' });
  await expect(host().panel.getByTestId('team-state')).toHaveText(ONLINE, SYNC);
  key = await host().panel.getByTestId('team-key').inputValue();
  expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const wrong = `${key.slice(0, 42)}${key.endsWith('A') ? 'B' : 'A'}`;
  await turnTeamOn(hoa().panel, { role: 'assistant', url: server.url, name: 'Hoa', key: wrong });
  await expect(hoa().panel.getByTestId('team-state')).toHaveText(/refused the team key|từ chối khoá nhóm/, SYNC);
  await expect(hoa().panel.getByTestId('team-state')).toHaveAttribute('role', 'alert');

  await turnTeamOff(hoa().panel);
  await turnTeamOn(hoa().panel, { role: 'assistant', url: server.url, name: 'Hoa', key });
  await turnTeamOn(minh().panel, { role: 'assistant', url: server.url, name: 'Minh', key });
  for (const desk of [hoa(), minh()]) await expect(desk.panel.getByTestId('team-state')).toHaveText(ONLINE, SYNC);
  // every desk lists the three members
  for (const desk of desks) await expect(desk.panel.getByTestId('team-members').locator('li')).toHaveCount(3, SYNC);
});

test('one desk reads the chat, the others see its orders', async () => {
  const chat = await host().browser.context.newPage();
  await chat.goto(`https://www.youtube.com/live_chat?is_popout=1&v=${VIDEO}`);
  await addRows(chat, CHAT.slice(1));
  await expectTally(host().panel, { pendingKg: 15, confirmedKg: 0, orders: 5 });
  for (const desk of [minh(), hoa()]) await expectTally(desk.panel, { pendingKg: 15, confirmedKg: 0, orders: 5 });
  expect(await sameEverywhere(statuses)).toEqual({
    'youtube:r1': 'pending',
    'youtube:r2': 'pending',
    'youtube:r3': 'pending',
    'youtube:r4': 'pending',
    'youtube:r5': 'pending',
  });
});

/** An order's row in the desk's order list (or a button in it). */
const row = (desk: Desk, id: string, inside?: string) => desk.panel.locator(`[data-testid="order"][data-order-id="${id}"]${inside ? ` ${inside}` : ''}`);

/** The order a desk's queue shows now (it passes over orders open on another desk). */
const queueCurrent = (desk: Desk) => desk.panel.getByTestId('queue-current').getAttribute('data-order-id');

test('keyboard decisions on two desks reach every desk', async () => {
  await host().panel.getByTestId('queue').focus();
  await minh().panel.getByTestId('queue').focus();
  // presence: once each desk knows what the other has open, their queues show different orders
  await expect
    .poll(async () => {
      const [a, b] = [await queueCurrent(host()), await queueCurrent(minh())];
      return a !== null && b !== null && a !== b;
    }, SYNC)
    .toBe(true);
  const [a, b] = [(await queueCurrent(host()))!, (await queueCurrent(minh()))!];
  await host().panel.keyboard.press('c');
  await minh().panel.keyboard.press('x');
  const seen = await sameEverywhere(statuses, (shown) => shown[a] !== 'pending' && shown[b] !== 'pending');
  expect(seen[a]).toBe('confirmed');
  expect(seen[b]).toBe('rejected');
  expect(Object.values(seen).filter((status) => status === 'pending')).toHaveLength(3);
  const decided = [`${a} decide confirmed by Lan`, `${b} decide rejected by Minh`];
  const history = await sameEverywhere(
    (desk) => historyOf(desk.panel),
    (lines) => decided.every((line) => lines.includes(line)),
  );
  expect(history).toEqual(expect.arrayContaining(decided));
  await sameEverywhere(tallyOf);
});

test('the server stops, both sides keep deciding, the server starts again and every desk converges', async () => {
  test.setTimeout(90_000);
  const pending = Object.entries(await statuses(host()))
    .filter(([, status]) => status === 'pending')
    .map(([id]) => id);
  expect(pending.length).toBeGreaterThanOrEqual(2);
  const [forLan, forMinh] = pending as [string, string];
  await server.stop();
  for (const desk of desks) await expect(desk.panel.getByTestId('team-state')).toHaveText(/Offline|Mất kết nối/, SYNC);

  await row(host(), forLan, 'button.confirm').click();
  await row(minh(), forMinh, 'button.reject').click();
  // each desk has what it did, and says its changes wait
  await expect(row(host(), forLan)).toHaveAttribute('data-status', 'confirmed');
  await expect(row(minh(), forMinh)).toHaveAttribute('data-status', 'rejected');
  for (const desk of [host(), minh()]) await expect(desk.panel.getByTestId('team-state')).toHaveText(/(Offline|Mất kết nối) — [1-9]\d* /);
  await expect(row(hoa(), forLan)).toHaveAttribute('data-status', 'pending');

  server = await startTeamServerProcess({ port: server.port, dataDir });
  for (const desk of desks) await expect(desk.panel.getByTestId('team-state')).toHaveText(ONLINE, SYNC);
  const seen = await sameEverywhere(statuses, (shown) => shown[forLan] !== 'pending' && shown[forMinh] !== 'pending');
  expect(seen[forLan]).toBe('confirmed');
  expect(seen[forMinh]).toBe('rejected');
  await sameEverywhere(tallyOf);
  const decided = [`${forLan} decide confirmed by Lan`, `${forMinh} decide rejected by Minh`];
  const history = await sameEverywhere(
    (desk) => historyOf(desk.panel),
    (lines) => decided.every((line) => lines.includes(line)),
  );
  expect(history).toEqual(expect.arrayContaining(decided));
});

test('one order decided on two desks at once ends with one status everywhere and both actions in its history', async () => {
  const pending = Object.entries(await statuses(host()))
    .filter(([, status]) => status === 'pending')
    .map(([id]) => id);
  const order = pending[0]!;
  // Both buttons found first, then pressed in the same instant: neither desk has heard of the other's decision.
  const buttons = [await row(host(), order, 'button.confirm').elementHandle(), await row(minh(), order, 'button.reject').elementHandle()];
  await Promise.all(buttons.map((button) => button!.evaluate((element) => (element as HTMLButtonElement).click())));
  const seen = await sameEverywhere(statuses, (shown) => shown[order] !== 'pending');
  expect(['confirmed', 'rejected']).toContain(seen[order]);
  const both = [`${order} decide confirmed by Lan`, `${order} decide rejected by Minh`];
  const history = await sameEverywhere(
    (desk) => historyOf(desk.panel),
    (lines) => both.every((line) => lines.includes(line)),
  );
  expect(history).toEqual(expect.arrayContaining(both));
  await sameEverywhere(tallyOf);
});

test('the host compacts the ended broadcast: every desk moves to the new generation with the same tally and history', async () => {
  test.setTimeout(90_000);
  const tallyBefore = await sameEverywhere(tallyOf);
  const sortedHistory = async (desk: Desk) => (await historyOf(desk.panel)).sort();
  const historyBefore = await sameEverywhere(sortedHistory);
  const statusesBefore = await sameEverywhere(statuses);
  // The host ends the stream in the orders table (the broadcast is ended once all its streams are).
  const dashboard = await host().browser.context.newPage();
  await dashboard.goto(`chrome-extension://${host().browser.extensionId}/dashboard.html`);
  await dashboard.getByTestId('streams').locator('summary').click();
  await dashboard
    .locator(`[data-testid="stream"][data-id="youtube:${VIDEO}"]`)
    .getByRole('button', { name: /^(End|Kết thúc)$/ })
    .click();
  await expect(dashboard.locator(`[data-testid="stream"][data-id="youtube:${VIDEO}"]`)).toHaveAttribute('data-ended', 'true');
  await dashboard.close();
  // only the host is offered the button
  await expect(minh().panel.getByTestId('team-compact')).toHaveCount(0);
  await host().panel.getByTestId('team-compact').click();
  await expect(host().panel.getByTestId('team-compact-result')).toHaveText(/^(Compacted|Đã thu gọn): .+ → .+ \((generation|bản) 2\)\.$/, SYNC);
  for (const desk of desks) await expect(desk.panel.getByTestId('team-state')).toHaveText(ONLINE, SYNC);
  expect(await sameEverywhere(tallyOf)).toEqual(tallyBefore);
  expect(await sameEverywhere(sortedHistory)).toEqual(historyBefore);
  expect(await sameEverywhere(statuses)).toEqual(statusesBefore);
  // A change after the compaction travels between the desks on the new generation: Minh reopens a decided order.
  const [order] = Object.entries(statusesBefore).find(([, status]) => status !== 'pending')!;
  await row(minh(), order, 'button.reopen').click();
  const seen = await sameEverywhere(statuses, (shown) => shown[order] === 'pending');
  expect(seen[order]).toBe('pending');
  await sameEverywhere(tallyOf);
});
