import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { expectTally, youtubeFixtures } from './helpers';

// One look on every page of the extension: the theme's tokens and focus ring everywhere (the dark variant on
// the presenter), and every label's words right beside the control they name.

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const ROWS: FixtureRow[] = [
  { id: 'look1', author: 'Nguyễn Thị Lan', text: 'chốt 5kg 0912345678' },
  { id: 'look2', author: 'Phạm Mai', text: 'lấy 2 tạ' },
];

/**
 * Labels whose words are far from their control (or on another line): each label holding a control, with
 * every section opened. Empty when all are right beside their words.
 */
function labelsApart(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const range = document.createRange();
    const far: string[] = [];
    for (const label of document.querySelectorAll('label')) {
      const control = label.querySelector('input, select, textarea');
      if (!control || !label.checkVisibility() || !control.checkVisibility()) continue;
      const box = control.getBoundingClientRect();
      // the label's own words: its text outside the control
      const words = [...label.childNodes].filter(
        (node) =>
          (node.nodeType === Node.TEXT_NODE && node.nodeValue!.trim()) ||
          (node instanceof Element && !node.contains(control) && node !== control && node.textContent!.trim()),
      );
      if (words.length === 0) continue;
      // the words as a block (they may wrap beside the control): their union box
      const rects = words.flatMap((node) => {
        range.selectNodeContents(node);
        return [...range.getClientRects()].filter((rect) => rect.width > 0);
      });
      const left = Math.min(...rects.map((rect) => rect.left));
      const right = Math.max(...rects.map((rect) => rect.right));
      const top = Math.min(...rects.map((rect) => rect.top));
      const bottom = Math.max(...rects.map((rect) => rect.bottom));
      const sideways = left >= box.right ? left - box.right : box.left >= right ? box.left - right : 0;
      // beside the control on its line, or right above it (a field's words over the field)
      const above = bottom <= box.top + 2 && box.top - bottom <= 8 && Math.abs(left - box.left) <= 8;
      const gap = top < box.bottom && box.top < bottom ? sideways : above ? 0 : Infinity;
      // a checkbox or radio stretched wide draws its box away from the words, whatever its edges say
      if (['checkbox', 'radio'].includes((control as HTMLInputElement).type) && box.width > 24) {
        far.push(`"${label.textContent!.trim().slice(0, 40)}": its ${(control as HTMLInputElement).type} is ${Math.round(box.width)} px wide`);
        continue;
      }
      if (gap > 12) far.push(`"${label.textContent!.trim().slice(0, 40)}": ${Number.isFinite(gap) ? `${Math.round(gap)} px` : "not on the control's line"}`);
    }
    return far;
  });
}

const token = (page: Page, name: string, selector = ':root') =>
  page.evaluate(([n, s]) => getComputedStyle(document.querySelector(s)!).getPropertyValue(n).trim(), [name, selector] as const);

test('the side panel, the orders page, the presenter and print share the theme, labels sit beside their controls, focus shows', async ({}, testInfo) => {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  const panel = await browser.sidePanel();
  await panel.setViewportSize({ width: 400, height: 900 });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=oneLook001');
  await expectTally(panel, { pendingKg: 205, confirmedKg: 0, orders: 2 });
  await panel.bringToFront();

  // the side panel: export options (both scopes) and every other labelled control
  await expect(panel.getByTestId('export-controls')).toBeVisible();
  expect(await labelsApart(panel)).toEqual([]);
  await panel.getByTestId('scope-range').check();
  await expect(panel.getByTestId('range-from')).toBeVisible();
  expect(await labelsApart(panel)).toEqual([]);
  expect(await token(panel, '--chot-focus')).toBe('#1a73e8');
  // the keyboard's focus ring: the theme's, on a button reached with Tab
  await panel.getByTestId('export-xlsx').focus();
  await panel.keyboard.press('Tab');
  const ring = await panel.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { tag: document.activeElement!.tagName, style: style.outlineStyle, colour: style.outlineColor, width: style.outlineWidth };
  });
  expect(ring).toEqual({ tag: 'BUTTON', style: 'solid', colour: 'rgb(26, 115, 232)', width: '2px' });
  await panel.screenshot({ path: testInfo.outputPath('side-panel.png'), fullPage: true });

  // the orders page
  const orders = await browser.context.newPage();
  await orders.setViewportSize({ width: 1280, height: 800 });
  await orders.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await expect(orders.getByTestId('export-controls')).toBeVisible();
  expect(await labelsApart(orders)).toEqual([]);
  await orders.getByTestId('scope-range').check();
  expect(await labelsApart(orders)).toEqual([]);
  expect(await token(orders, '--chot-space-md')).toBe('8px');
  await orders.screenshot({ path: testInfo.outputPath('orders-page.png') });

  // the presenter: the dark variant; print: the same tokens
  const presenter = await browser.context.newPage();
  await presenter.goto(`chrome-extension://${browser.extensionId}/presenter.html?background=dark`);
  await expect(presenter.getByTestId('presenter-total')).toHaveText('205 kg');
  expect(await token(presenter, '--chot-focus')).toBe('#ffd54f');
  expect(await presenter.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(16, 20, 24)');
  const [print] = await Promise.all([browser.context.waitForEvent('page'), orders.getByTestId('print-a4').click()]);
  await print.waitForLoadState();
  expect(await token(print, '--chot-font')).toContain('system-ui');
  expect(browser.blockedRequests).toEqual([]);
});
