import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { addRows, youtubeFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

test('a busy chat that goes quiet: the panel says so for that tab and what to do, until chat comes again', async () => {
  // The shortest silence the reader calls quiet is 30 s (a busy chat's pace): the test waits for it.
  test.setTimeout(120_000);
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => [{ id: 'q0', author: 'Lan', text: 'chốt 1kg' }]) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=quietChat01');
  const panel = await browser.sidePanel();
  const tab = panel.locator('[data-testid="health-tab"][data-platform="youtube"]');
  await expect(tab).toHaveAttribute('data-rows', '1');

  // a row every 600 ms, then nothing
  for (let i = 1; i <= 6; i += 1) {
    await addRows(chat, [{ id: `q${i}`, author: `Khách ${i}`, text: `chốt ${i}kg` } satisfies FixtureRow]);
    await chat.waitForTimeout(600);
  }
  await expect(tab).toHaveAttribute('data-rows', '7');
  await expect(tab).toHaveAttribute('data-warnings', '');

  const warning = tab.locator('.health-warning[data-kind="quiet-chat"]');
  await expect(warning).toBeVisible({ timeout: 60_000 });
  // in words (the browser's language, English here), with the remedy for YouTube
  await expect(warning).toContainText(/No new YouTube chat for \d+ s/);
  await expect(warning).toContainText('reload the chat');
  await expect(warning).toContainText('“Live chat”');

  await addRows(chat, [{ id: 'q7', author: 'Minh', text: 'lấy 2kg' }]);
  await expect(tab).toHaveAttribute('data-rows', '8', { timeout: 15_000 });
  await expect(warning).toHaveCount(0, { timeout: 15_000 });
  expect(browser.blockedRequests).toEqual([]);
});
