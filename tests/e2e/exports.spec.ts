import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { youtubeReplayLog } from '../../scripts/lib/youtube-replay-log';
import { expectTally, youtubeFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const ROWS: FixtureRow[] = [
  { id: 'e1', author: 'Nguyễn Thị Lan', text: 'chốt 5kg 0912345678 địa chỉ 12 Lê Lợi, Hà Nội' },
  { id: 'e2', author: 'Trần Văn Hùng', text: 'lấy 3 ký' },
  { id: 'e3', author: 'Nguyễn Thị Lan', text: 'thêm 2kg nữa' },
  { id: 'e4', author: 'Phạm Mai', text: 'chốt 10kg sđt 0987 654 321' },
];

/** A stream read from the fixture chat, and the orders page opened on it. */
async function streamAndDashboard(): Promise<{ panel: Page; dashboard: Page }> {
  browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => ROWS) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?v=exportTest1');
  const panel = await browser.sidePanel();
  await expectTally(panel, { pendingKg: 20, confirmedKg: 0, orders: 4 });
  await panel.getByTestId('language').selectOption('vi');
  const dashboard = await browser.context.newPage();
  await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('export-controls')).toBeVisible();
  return { panel, dashboard };
}

/** The text of each page of a PDF, and each page's size in points. */
async function pdfPages(bytes: Uint8Array): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await getDocument({ data: bytes }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const [, , width, height] = page.view;
    pages.push({
      text: content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
      width: width!,
      height: height!,
    });
  }
  return pages;
}

test('Excel and CSV downloads from the orders page carry every order line, phones masked on request', async () => {
  const { dashboard } = await streamAndDashboard();
  await dashboard.getByTestId('export-confirmed-only').uncheck();
  await dashboard.getByTestId('export-mask-phones').check();
  const [xlsx] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^chot-don-hang-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Đơn hàng')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => n > 1 && rows.push([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(8).value]));
  expect(rows).toEqual([
    ['Nguyễn Thị Lan', '0912***678', '12 Lê Lợi, Hà Nội', 5],
    ['Trần Văn Hùng', '', '', 3],
    ['Nguyễn Thị Lan', '0912***678', '12 Lê Lợi, Hà Nội', 2],
    ['Phạm Mai', '0987***321', '', 10],
  ]);
  expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  // Made in the extension's worker: formats, the frozen header and the filter over every line survive.
  expect(sheet.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
  expect(sheet.getRow(2).getCell(8).numFmt).toBe('#,##0.##');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBe('A1:N5');
  for (const each of workbook.worksheets) each.eachRow((row) => expect(JSON.stringify(row.values)).not.toMatch(/0912345678|0987 654 321/));

  const [csv] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByTestId('export-csv').click()]);
  const text = await readFile(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.trim().split('\r\n')).toHaveLength(5);
  expect(text).not.toMatch(/0912345678|0987 654 321/);
  expect(browser!.blockedRequests).toEqual([]);
});

test('printed packing slips: a summary page and one page per buyer, on A4 and on 80 mm receipt paper', async ({}, testInfo) => {
  const { panel } = await streamAndDashboard();
  await panel.getByTestId('export-confirmed-only').uncheck();
  await panel.getByTestId('export-mask-phones').check();
  for (const layout of ['a4', 'receipt'] as const) {
    const [print] = await Promise.all([browser!.context.waitForEvent('page'), panel.getByTestId(layout === 'a4' ? 'print-a4' : 'print-receipt').click()]);
    await expect(print.getByTestId('print-sheets')).toHaveAttribute('data-ready', 'true');
    await expect(print.getByTestId('packing-slip')).toHaveCount(3);
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(testInfo.outputPath(`packing-slips-${layout}.pdf`), pdf);
    await print.screenshot({ path: testInfo.outputPath(`packing-slips-${layout}.png`), fullPage: true });
    const pages = await pdfPages(new Uint8Array(pdf));
    // Summary, then the buyers in Vietnamese alphabetical order, each on its own page.
    expect(pages.map((page) => page.text.match(/Tổng hợp đơn hàng|Nguyễn Thị Lan|Trần Văn Hùng|Phạm Mai/)?.[0])).toEqual([
      'Tổng hợp đơn hàng',
      'Nguyễn Thị Lan',
      'Phạm Mai',
      'Trần Văn Hùng',
    ]);
    expect(pages[1]!.text).toContain('12 Lê Lợi, Hà Nội');
    expect(pages[1]!.text).toContain('0912***678');
    expect(pages[0]!.text).toMatch(/Tổng 4 20/);
    for (const page of pages) expect(page.text).not.toMatch(/0912345678|0987654321|Tổng hợp đơn hàng.*Nguyễn Thị Lan.*Người nhận/);
    const mm = (points: number) => Math.round((points / 72) * 25.4);
    if (layout === 'a4') expect(pages.every((page) => mm(page.width) === 210 && mm(page.height) === 297)).toBe(true);
    else expect(pages.every((page) => mm(page.width) === 80)).toBe(true);
    await print.close();
  }
  expect(browser!.blockedRequests).toEqual([]);
});

test('a chat log of a past stream imports through the same pipeline, with progress, into its own stream', async () => {
  const { dashboard } = await streamAndDashboard();
  const start = 1_780_000_000_000;
  // JSON Lines as a downloader saves a replay: 3,000 messages, every third an order.
  const log = youtubeReplayLog(
    Array.from({ length: 3000 }, (_, i) => ({
      id: `imp${i}`,
      author: `Khách ${i % 40}`,
      channelId: `UC${i % 40}`,
      text: i % 3 === 0 ? `chốt ${(i % 5) + 1}kg` : 'đẹp quá',
      at: start + i * 1000,
      offsetMs: i * 1000,
    })),
  );
  await dashboard.getByTestId('import-chat-log').setInputFiles({ name: 'vai-thieu-hom-qua.json', mimeType: 'application/json', buffer: Buffer.from(log) });
  await expect(dashboard.getByTestId('import-progress')).toBeVisible();
  await expect(dashboard.getByTestId('import-result').first()).toHaveText('Đã nhập “vai-thieu-hom-qua.json”: 3.000 tin nhắn (3.000 mới, 0 đã có), 1.000 đơn.', {
    timeout: 30_000,
  });
  expect(browser!.blockedRequests).toEqual([]);
});
