// The README's screenshots, taken from the built extension's own demo (nothing fetched, nothing staged by
// hand): the demo stream page playing the lychee chat, the side panel beside it with a few orders decided,
// the orders page and the presenter view. Run after `npm run build`:
//   npx tsx scripts/screenshots.ts [--out docs/screenshots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser } from './lib/extension-browser';

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'docs/screenshots';
mkdirSync(out, { recursive: true });

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: join(out, `${name}.png`), animations: 'disabled', caret: 'hide' });
  console.log(`${join(out, `${name}.png`)}`);
};

const browser = await launchExtensionBrowser({ headless: true, locale: 'vi-VN', fixtures: () => undefined });
try {
  const base = `chrome-extension://${browser.extensionId}`;
  await browser.welcome?.close();
  const demo = await browser.context.newPage();
  await demo.setViewportSize({ width: 1100, height: 680 });
  await demo.goto(`${base}/demo.html`);
  const panel = await browser.sidePanel();
  await panel.setViewportSize({ width: 400, height: 900 });

  await demo.bringToFront();
  await demo.getByTestId('demo-speed').selectOption('10');
  await demo.getByTestId('demo-play').click();
  const progress = demo.getByTestId('demo-progress');
  const total = Number(await progress.getAttribute('data-total'));
  await demo.waitForFunction((n) => document.querySelector('[data-testid="demo-progress"]')?.getAttribute('data-shown') === String(n), total, {
    timeout: 60_000,
  });
  await shot(demo, 'demo-stream');

  // the assistant confirms the first orders of the queue from the keyboard, as at a real desk
  await panel.bringToFront();
  await panel.getByTestId('orders').locator('[data-testid="order"]').first().waitFor();
  const queue = panel.getByTestId('queue');
  await queue.focus();
  for (let i = 0; i < 4; i++) {
    const current = await panel.getByTestId('queue-current').getAttribute('data-order-id');
    await panel.keyboard.press('c');
    await panel.waitForFunction((id) => document.querySelector('[data-testid="queue-current"]')?.getAttribute('data-order-id') !== id, current);
  }
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.waitForTimeout(300);
  await shot(panel, 'side-panel');

  const orders = await browser.context.newPage();
  await orders.setViewportSize({ width: 1280, height: 760 });
  await orders.goto(`${base}/dashboard.html`);
  await orders
    .getByTestId('order')
    .first()
    .waitFor()
    .catch(() => undefined);
  await orders.waitForTimeout(300);
  await shot(orders, 'orders-page');

  const presenter = await browser.context.newPage();
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await presenter.goto(`${base}/presenter.html?background=dark&lang=vi`);
  await presenter.getByTestId('presenter-total').waitFor();
  await presenter.waitForTimeout(300);
  await shot(presenter, 'presenter');
  if (browser.blockedRequests.length > 0) throw new Error(`requests left the machine: ${browser.blockedRequests.join(', ')}`);
} finally {
  await browser.close();
}
