// npm run demo [-- --headless] [-- --speed N]
// Opens Chromium with the built extension on a simulated lychee livestream chat (served under a real
// YouTube URL by Playwright routing) and the Chốt side panel beside it, then plays the chat.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchExtensionBrowser } from './lib/extension-browser';
import { fixturePage, youtubeWatchPage } from './lib/fixture-pages';
import { DEMO_CHAT, DEMO_TITLE, DEMO_VIDEO_ID } from './lib/simulated-lychee-chat';

const { values } = parseArgs({ options: { headless: { type: 'boolean', default: false }, speed: { type: 'string' } } });
const headless = values.headless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const speed = Number(values.speed ?? (headless ? 10 : 1));
if (!Number.isFinite(speed) || speed <= 0) throw new Error('--speed must be a positive number');
const outputDir = 'demo-output';

const browser = await launchExtensionBrowser({
  headless,
  fixtures: (url) => {
    if (url.hostname !== 'www.youtube.com') return undefined;
    if (url.pathname === '/live_chat') return { body: fixturePage('youtube', []), contentType: 'text/html' };
    if (url.pathname === '/watch') return { body: youtubeWatchPage(DEMO_VIDEO_ID, DEMO_TITLE), contentType: 'text/html' };
    return undefined;
  },
});

const watch = await browser.context.newPage();
await watch.goto(`https://www.youtube.com/watch?v=${DEMO_VIDEO_ID}`);
const chat = watch.frameLocator('#chatframe');
await chat.locator('#items').waitFor({ state: 'attached' });
const chatFrame = watch.frames().find((frame) => frame.url().includes('/live_chat'))!;
const panel = headless ? await browser.sidePanel() : await openPanelWindow();

/** In a window, the panel goes in a narrow window of its own beside the stream, like the real side panel. */
async function openPanelWindow() {
  const opener = await browser.sidePanel();
  const [popup] = await Promise.all([
    browser.context.waitForEvent('page'),
    opener.evaluate(() => window.open(location.href, 'chot-panel', 'popup,width=440,height=900,left=1290,top=0')),
  ]);
  await opener.close();
  await popup.waitForLoadState();
  return popup;
}

console.log(`Chốt demo: ${DEMO_CHAT.length} chat messages over ${Math.round(DEMO_CHAT.at(-1)!.at / speed)} s (${headless ? 'headless' : 'in a window'}).`);
const started = Date.now();
for (const row of DEMO_CHAT) {
  const wait = (row.at * 1000) / speed - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await chatFrame.evaluate((r) => (window as unknown as { chatFixture: { add(row: unknown): void } }).chatFixture.add(r), row);
  process.stdout.write(`  ${row.author}: ${row.text}\n`);
}

// Let the last batch reach the store, then read the tally the way a tool would.
await panel.waitForTimeout(1500);
const tally = await panel.getByTestId('tally').evaluate((element) => ({
  pendingKg: Number(element.getAttribute('data-pending-kg')),
  confirmedKg: Number(element.getAttribute('data-confirmed-kg')),
  orders: Number(element.getAttribute('data-orders')),
}));
console.log(
  `\nTally: ${tally.orders} orders, ${tally.pendingKg} kg waiting, ${tally.confirmedKg} kg confirmed, ${((tally.pendingKg + tally.confirmedKg) / 1000).toFixed(3)} t in all.`,
);

mkdirSync(outputDir, { recursive: true });
await watch.screenshot({ path: `${outputDir}/chat.png` });
await panel.setViewportSize({ width: 420, height: 1100 });
await panel.screenshot({ path: `${outputDir}/side-panel.png`, fullPage: true });
// The presenter view as streaming software would capture it.
const presenter = await browser.context.newPage();
await presenter.setViewportSize({ width: 1280, height: 720 });
await presenter.goto(`chrome-extension://${browser.extensionId}/presenter.html`);
await presenter.getByTestId('presenter-total').waitFor();
await presenter.screenshot({ path: `${outputDir}/presenter.png` });
console.log(`Screenshots: ${outputDir}/chat.png (with the ticker and badges), ${outputDir}/side-panel.png, ${outputDir}/presenter.png`);
if (browser.blockedRequests.length > 0) console.warn(`Blocked requests (should be none): ${browser.blockedRequests.join(', ')}`);

if (headless) await browser.close();
else {
  console.log('The browser stays open: confirm or reject orders in the panel, or click the Chốt toolbar button. Close the browser to finish.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
}
