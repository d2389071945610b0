import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { youtubeReplayLog } from '../../scripts/lib/youtube-replay-log';
import { youtubeFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** Counts one stream's records in the extension's IndexedDB, from one of its pages. */
const storedOf = (page: Page, streamId: string) =>
  page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chot');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
    const orders = await new Promise<number>((resolve) => {
      const request = db.transaction('orders').objectStore('orders').index('[streamId+observedAt]').count(range);
      request.onsuccess = () => resolve(request.result);
    });
    // the chat log's pages (chat-log.ts) are keyed [streamId, page] and each holds a batch's rows
    const messages = await new Promise<number>((resolve) => {
      const request = db.transaction('chatLog').objectStore('chatLog').getAll(range);
      request.onsuccess = () => resolve(new Set((request.result as { rows: { id: string }[] }[]).flatMap((page) => page.rows.map((row) => row.id))).size);
    });
    const counts = { messages, orders };
    db.close();
    return counts;
  }, streamId);

test('an import cut by stopping the service worker says what was stored, and the same file finishes it', async () => {
  test.setTimeout(240_000);
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => []) });
  const panel = await browser.sidePanel();
  await panel.getByTestId('language').selectOption('vi');
  const dashboard = await browser.context.newPage();
  await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('chat-log-import')).toBeVisible();
  const start = 1_780_000_000_000;
  // 20,000 messages of JSON Lines as a downloader saves a replay; every fourth an order.
  const log = youtubeReplayLog(
    Array.from({ length: 20_000 }, (_, i) => ({
      id: `cut${i}`,
      author: `Khách ${i % 90}`,
      channelId: `UC${i % 90}`,
      text: i % 4 === 0 ? `chốt ${(i % 3) + 1}kg` : 'đẹp quá',
      at: start + i * 500,
      offsetMs: i * 500,
    })),
  );
  const file = { name: 'cat-ngang.json', mimeType: 'application/json', buffer: Buffer.from(log) };

  await dashboard.getByTestId('import-chat-log').setInputFiles(file);
  // Once some steps are stored, stop the service worker while the next one is on its way.
  await expect(dashboard.getByTestId('import-progress')).toHaveText(/Đang nhập… (1\.[05]00|[2-9]\.[05]00)\/20\.000/, { timeout: 30_000 });
  const cdp = await browser.context.newCDPSession(dashboard);
  await cdp.send('ServiceWorker.enable');
  const notice = dashboard.getByTestId('import-result').first();
  // A stop between two steps is not an interruption (the next step wakes the worker again): stop it
  // until one lands while a step is on its way.
  for (let attempt = 0; attempt < 40 && !(await notice.isVisible()); attempt += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await dashboard.waitForTimeout(250);
  }
  await expect(notice).toHaveText(/^Nhập bị gián đoạn: [\d.]+\/20\.000 tin nhắn đã được lưu\. Chọn lại đúng tệp này để nhập nốt, không bị trùng\./, {
    timeout: 30_000,
  });
  const said = Number((await notice.textContent())!.match(/gián đoạn: ([\d.]+)\//)![1]!.replace(/\./g, ''));
  const stream = (
    await dashboard.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('chot');
        request.onsuccess = () => resolve(request.result);
      });
      const streams = await new Promise<{ id: string }[]>((resolve) => {
        const request = db.transaction('streams').objectStore('streams').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return streams.map((s) => s.id);
    })
  )[0]!;
  expect(said).toBeGreaterThan(0);
  expect(said).toBeLessThan(20_000);
  expect(await storedOf(dashboard, stream)).toEqual({ messages: said, orders: Math.ceil(said / 4) });

  await dashboard.getByTestId('import-chat-log').setInputFiles(file);
  await expect(dashboard.getByTestId('import-result').first()).toHaveText(`Đã nhập “cat-ngang.json”: 20.000 tin nhắn (20.000 mới, 0 đã có), 5.000 đơn.`, {
    timeout: 60_000,
  });
  await expect(dashboard.getByTestId('import-result').nth(1)).toHaveText(
    `Tiếp tục lần nhập dở: ${said.toLocaleString('vi-VN')}/20.000 tin nhắn đã được lưu từ lần trước.`,
  );
  expect(await storedOf(dashboard, stream)).toEqual({ messages: 20_000, orders: 5000 });
  expect(browser.blockedRequests).toEqual([]);
});
