import type { Workbook, Worksheet } from 'exceljs';
import type { Language, OrderStatus } from '../store/records';
import { translate, type MessageKey } from '../i18n/messages';
import { ORDER_STATUS_LABEL } from '../i18n/status-labels';
import { sumLines as sum, type OrderLine } from './order-lines';
import { groupBy } from './group-by';

/** The words a workbook is written in: headers, sheet names, statuses. */
export type Words = (key: MessageKey) => string;
export type StatusWords = (status: string) => string;

type Column = { key: keyof OrderLine; header: MessageKey; format?: string; minWidth?: number };

const COLUMNS: Column[] = [
  { key: 'time', header: 'colTime', format: 'dd/mm/yyyy hh:mm:ss', minWidth: 19 },
  { key: 'buyer', header: 'buyer' },
  { key: 'phone', header: 'phone', minWidth: 12 },
  { key: 'address', header: 'colAddress' },
  { key: 'product', header: 'colProduct' },
  { key: 'quantity', header: 'colQuantity', format: '#,##0.##' },
  { key: 'unit', header: 'colUnit' },
  { key: 'kg', header: 'colKg', format: '#,##0.##' },
  { key: 'pricePerKg', header: 'colPrice', format: '#,##0' },
  { key: 'amount', header: 'colAmount', format: '#,##0' },
  { key: 'status', header: 'status' },
  { key: 'platform', header: 'platform' },
  { key: 'stream', header: 'stream' },
  { key: 'comment', header: 'comment' },
];

/** Products with their own sheet; past this many the summary sheet carries them. */
const MAX_PRODUCT_SHEETS = 40;
const MAX_WIDTH = 60;

/**
 * Excel stores a date as a day count with no time zone; it shows what it is given. The sheet should show
 * the time the shop saw (local), so the cell gets the local wall-clock time.
 */
export const excelLocalTime = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000);

function cellValue(line: OrderLine, key: keyof OrderLine, status: StatusWords): string | number | Date | null {
  const value = line[key];
  if (key === 'status') return status(String(value));
  if (value instanceof Date) return excelLocalTime(value);
  return value;
}

/** Header row, widths that fit the text, frozen header and a filter. */
function addTable(sheet: Worksheet, columns: Column[], words: Words) {
  sheet.columns = columns.map((column) => ({ key: column.key, header: words(column.header), style: column.format ? { numFmt: column.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function fitWidths(sheet: Worksheet, columns: Column[], sample: readonly OrderLine[], words: Words) {
  columns.forEach((column, i) => {
    let width = Math.max(words(column.header).length, column.minWidth ?? 6);
    // The first few thousand lines tell the width well enough; measuring 100,000 costs more than it gains.
    for (const line of sample.slice(0, 5000)) {
      const value = line[column.key];
      if (typeof value === 'string') width = Math.max(width, value.length);
      else if (typeof value === 'number') width = Math.max(width, String(Math.round(value)).length + 3);
    }
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, width + 2);
  });
}

const letter = (index: number) => String.fromCharCode(65 + index);

/** A total row under a block of lines: SUM formulas with their results, so the totals follow edits. */
function addTotalRow(sheet: Worksheet, columns: Column[], lines: readonly OrderLine[], firstRow: number, label: string) {
  const row = sheet.addRow({});
  row.font = { bold: true };
  row.getCell(2).value = label;
  for (const key of ['kg', 'amount'] as const) {
    const index = columns.findIndex((column) => column.key === key);
    if (index < 0) continue;
    const range = `${letter(index)}${firstRow}:${letter(index)}${row.number - 1}`;
    row.getCell(index + 1).value = { formula: `SUM(${range})`, result: sum(lines, key) };
  }
}

function addLines(sheet: Worksheet, columns: Column[], lines: readonly OrderLine[], status: StatusWords) {
  for (const line of lines) sheet.addRow(columns.map((column) => cellValue(line, column.key, status)));
}

const safeSheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || '?';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 25)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

/**
 * The order workbook: every line on one sheet, a summary and a sheet per product, and the lines grouped by
 * buyer with a total for each. Real dates and numbers, so the sheet sorts and sums. The library is loaded
 * only here, when someone exports.
 */
export async function orderWorkbook(lines: readonly OrderLine[], words: Words, status: StatusWords): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chốt';
  workbook.created = new Date();
  const taken = new Set<string>();

  const all = workbook.addWorksheet(safeSheetName(words('sheetOrders'), taken));
  addTable(all, COLUMNS, words);
  addLines(all, COLUMNS, lines, status);
  all.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  fitWidths(all, COLUMNS, lines, words);

  const byProduct = groupBy(lines, (line) => line.product);
  const products = [...byProduct.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'vi')));
  const productName = (code: string) => code || words('noProduct');

  const summary = workbook.addWorksheet(safeSheetName(words('sheetProducts'), taken));
  const summaryColumns = [words('colProduct'), words('colLines'), words('colOrders'), words('colQuantity'), words('colKg'), words('colAmount')];
  summary.columns = summaryColumns.map((header, i) => ({ header, width: Math.max(header.length + 2, i === 0 ? 24 : 12), style: i > 0 ? { numFmt: '#,##0.##' } : {} }));
  summary.getRow(1).font = { bold: true };
  for (const code of products) {
    const group = byProduct.get(code)!;
    summary.addRow([productName(code), group.length, new Set(group.map((line) => line.orderId)).size, sum(group, 'quantity'), sum(group, 'kg'), sum(group, 'amount')]);
  }
  const summaryTotal = summary.addRow([words('total'), lines.length, null, null, { formula: `SUM(E2:E${products.length + 1})`, result: sum(lines, 'kg') }, { formula: `SUM(F2:F${products.length + 1})`, result: sum(lines, 'amount') }]);
  summaryTotal.font = { bold: true };

  const productColumns = COLUMNS.filter((column) => column.key !== 'product');
  for (const code of products.slice(0, MAX_PRODUCT_SHEETS)) {
    const group = byProduct.get(code)!;
    const sheet = workbook.addWorksheet(safeSheetName(productName(code), taken));
    addTable(sheet, productColumns, words);
    addLines(sheet, productColumns, group, status);
    addTotalRow(sheet, productColumns, group, 2, words('total'));
    fitWidths(sheet, productColumns, group, words);
  }

  const buyers = workbook.addWorksheet(safeSheetName(words('sheetBuyers'), taken));
  addTable(buyers, COLUMNS, words);
  const byBuyer = groupBy(lines, (line) => line.buyer);
  for (const name of [...byBuyer.keys()].sort((a, b) => a.localeCompare(b, 'vi'))) {
    const group = byBuyer.get(name)!;
    const first = buyers.rowCount + 1;
    addLines(buyers, COLUMNS, group, status);
    addTotalRow(buyers, COLUMNS, group, first, `${words('total')} · ${name}`);
  }
  fitWidths(buyers, COLUMNS, lines, words);

  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

/** The workbook with headers, sheet names and statuses in one of the UI languages. */
export function orderWorkbookIn(lines: readonly OrderLine[], language: Language): Promise<Uint8Array<ArrayBuffer>> {
  return orderWorkbook(lines, (key) => translate(language, key), (status) => translate(language, ORDER_STATUS_LABEL[status as OrderStatus] ?? 'unknown'));
}
