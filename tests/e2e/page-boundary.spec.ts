import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser, type FixtureHandler } from '../../scripts/lib/extension-browser';
import { continuationToken, fixturePage, type FixtureRow } from '../../scripts/lib/fixture-pages';
import { expectTally, youtubeFixtures } from './helpers';
import { closedOverlay } from './closed-overlay';

// What a web page can do to Chốt (issue 12): its scripts share the chat page with the overlay, and any
// site can frame YouTube's chat. Neither may act for the seller.

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const ROWS: FixtureRow[] = [
  { id: 'b1', author: 'Nguyễn Thị Lan', text: 'chốt 5kg' },
  { id: 'b2', author: 'Trần Văn Hùng', text: 'lấy 2 tạ' },
];
const BADGE = (id: string) => `[data-testid="chot-badge"][data-message-id="${id}"]`;
const CONFIRM = (id: string) => `${BADGE(id)} button[data-action="confirm"]`;
const TICKER = '[data-testid="chot-ticker"]';

test("a script on the chat page cannot reach the overlay nor confirm an order; the user's own click still does", async () => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  // The page's own script, run before anything of Chốt: it tries to take every shadow root made on the page.
  await browser.context.addInitScript(() => {
    const taken: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, { ...init, mode: 'open' });
      taken.push(root);
      return root;
    };
    (window as unknown as { takenRoots: ShadowRoot[] }).takenRoots = taken;
  });
  const panel = await browser.sidePanel();
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=boundary001');
  const overlay = closedOverlay(chat);
  await expectTally(panel, { pendingKg: 205, confirmedKg: 0, orders: 2 });
  await expect.poll(() => overlay.count('[data-testid="chot-badge"]')).toBe(2);
  await expect.poll(() => overlay.visible(TICKER)).toBe(true);

  // The host is on the page; its root is not reachable, not even through a patched attachShadow.
  expect(
    await chat.evaluate(() => {
      const host = document.querySelector('chot-overlay');
      const taken = (window as unknown as { takenRoots: ShadowRoot[] }).takenRoots;
      return { host: host !== null, root: host?.shadowRoot ?? null, taken: taken.some((root) => root.querySelector('[data-testid]') !== null) };
    }),
  ).toEqual({ host: true, root: null, taken: false });

  // The page clicks where the ✓ of b1 is drawn, every way a script can, and presses the hide shortcut.
  const confirm = (await overlay.box(CONFIRM('b1')))!;
  const hit = await chat.evaluate(
    ({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true };
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) target.dispatchEvent(new PointerEvent(type, at));
      target.dispatchEvent(new MouseEvent('click', at));
      (target as HTMLElement).click();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', altKey: true, shiftKey: true, bubbles: true }));
      return target.localName;
    },
    { x: confirm.x + confirm.width / 2, y: confirm.y + confirm.height / 2 },
  );
  expect(hit).toBe('chot-overlay'); // all the page can see there is the host

  // The user's own click on b2's ✓ is taken; once it shows, b1 is still waiting and the ticker still shown.
  await overlay.click(CONFIRM('b2'));
  await expectTally(panel, { pendingKg: 5, confirmedKg: 200, orders: 2 });
  await expect.poll(() => overlay.attribute(BADGE('b2'), 'data-status')).toBe('confirmed');
  expect(await overlay.attribute(BADGE('b1'), 'data-status')).toBe('pending');
  expect(await overlay.visible(TICKER)).toBe(true);
  // and the user's click on b1 works as well
  await overlay.click(CONFIRM('b1'));
  await expectTally(panel, { pendingKg: 0, confirmedKg: 205, orders: 2 });
  await overlay.dispose();
  expect(browser.blockedRequests).toEqual([]);
});

test('a YouTube chat frame hidden on another site is not read and shows no overlay', async () => {
  const hiddenRows: FixtureRow[] = [
    { id: 'h1', author: 'Kẻ Lạ', text: 'chốt 5000 kg' },
    { id: 'h2', author: 'Kẻ Lạ', text: 'lấy 5 tấn' },
  ];
  const frames = [
    `https://www.youtube.com/live_chat?is_popout=1&v=hidden00001`,
    `https://www.youtube.com/live_chat?continuation=${continuationToken('hidden')}`,
  ];
  const youtube = youtubeFixtures(() => [{ id: 'r1', author: 'Lan', text: 'chốt 2kg' }]);
  const fixtures: FixtureHandler = (url) => {
    if (url.hostname === 'shop.example')
      return {
        contentType: 'text/html',
        body: `<!doctype html><title>Shop</title><p>Cheap lychee</p>${frames.map((src) => `<iframe src="${src}" width="1" height="1" style="position:absolute;opacity:0;border:0"></iframe>`).join('')}`,
      };
    if (url.hostname === 'www.youtube.com' && url.pathname === '/live_chat' && url.searchParams.get('v') !== 'real0000001')
      return { contentType: 'text/html', body: fixturePage('youtube', hiddenRows) };
    return youtube(url);
  };
  browser = await launchExtensionBrowser({ headless: true, fixtures });
  const panel = await browser.sidePanel();
  const shop = await browser.context.newPage();
  await shop.goto('https://shop.example/');
  const chatFrames = () => shop.frames().filter((frame) => frame !== shop.mainFrame());
  await expect.poll(() => chatFrames().length).toBe(2);
  for (const frame of chatFrames()) await frame.locator('#h2').waitFor({ state: 'attached' });

  // The seller's own chat, opened after the hidden frames have shown their rows: once it is counted, the
  // hidden frames would have been too.
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=real0000001');
  await expectTally(panel, { pendingKg: 2, confirmedKg: 0, orders: 1 });
  await expect(panel.getByTestId('stream-picker').locator('option')).toHaveCount(1);
  await expect(panel.getByTestId('stream-picker')).not.toContainText('hidden00001');
  for (const frame of chatFrames()) expect(await frame.evaluate(() => document.querySelector('chot-overlay'))).toBeNull();
  expect(await chat.evaluate(() => document.querySelector('chot-overlay') !== null)).toBe(true);
  expect(browser.blockedRequests).toEqual([]);
});
