import type { Language, OrderStatus } from '../store/records';
import { translate, type MessageKey } from '../i18n/messages';
import { ORDER_STATUS_LABEL } from '../i18n/status-labels';
import { sumLines as sum, type OrderLine } from './order-lines';
import { groupBy } from './group-by';
import { columnLetter, STYLE, type CellValue, type StyleIndex } from './xlsx-cells';
import { writeXlsx, type SheetPlan, type SheetRow } from './xlsx-writer';

/** The words a workbook is written in: headers, sheet names, statuses. */
export type Words = (key: MessageKey) => string;
export type StatusWords = (status: string) => string;
/** Rows written so far (all sheets, headers excluded) and how many there are in all. */
export type WorkbookProgress = (written: number, total: number) => void;

type Column = { key: keyof OrderLine; header: MessageKey; style?: StyleIndex; minWidth?: number; inline?: boolean };

const COLUMNS: Column[] = [
  { key: 'time', header: 'colTime', style: STYLE.date, minWidth: 19 },
  { key: 'buyer', header: 'buyer' },
  { key: 'phone', header: 'phone', minWidth: 12 },
  { key: 'address', header: 'colAddress' },
  { key: 'product', header: 'colProduct' },
  { key: 'quantity', header: 'colQuantity', style: STYLE.decimal },
  { key: 'unit', header: 'colUnit' },
  { key: 'kg', header: 'colKg', style: STYLE.decimal },
  { key: 'pricePerKg', header: 'colPrice', style: STYLE.integer },
  { key: 'amount', header: 'colAmount', style: STYLE.integer },
  { key: 'status', header: 'status' },
  { key: 'platform', header: 'platform' },
  { key: 'stream', header: 'stream' },
  // Comments seldom repeat: written in the cell, they need no table of them all kept until the end.
  { key: 'comment', header: 'comment', inline: true },
];
/** Products with their own sheet; past this many the summary sheet carries them. */
const MAX_PRODUCT_SHEETS = 40;
const MAX_WIDTH = 60;

/**
 * Excel stores a date as a day count with no time zone; it shows what it is given. The sheet should show
 * the time the shop saw (local), so the cell gets the local wall-clock time (xlsx-cells.ts excelSerial).
 * This is the Date a reader of the file gets back.
 */
export const excelLocalTime = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000);

/**
 * The rows of some lines under some columns; dates stay Dates, the writer makes them local day counts. One
 * row object is filled again for each line (the writer is done with it when it asks for the next), which
 * spares the garbage collector hundreds of thousands of arrays.
 */
function* lineRows(lines: readonly OrderLine[], columns: readonly Column[], status: StatusWords): Generator<SheetRow> {
  const cells: CellValue[] = columns.map(() => null);
  const row = { cells };
  for (const line of lines) {
    for (let i = 0; i < columns.length; i += 1) {
      const key = columns[i]!.key;
      cells[i] = key === 'status' ? status(line.status) : line[key];
    }
    yield row;
  }
}

/** Widths that fit the text; the first few thousand lines tell it well enough, measuring all costs more than it gains. */
function fitWidths(columns: readonly Column[], sample: readonly OrderLine[], words: Words) {
  return columns.map((column) => {
    let width = Math.max(words(column.header).length, column.minWidth ?? 6);
    for (let i = 0; i < Math.min(sample.length, 5000); i += 1) {
      const value = sample[i]![column.key];
      if (typeof value === 'string') width = Math.max(width, value.length);
      else if (typeof value === 'number') width = Math.max(width, String(Math.round(value)).length + 3);
    }
    return { width: Math.min(MAX_WIDTH, width + 2), style: column.style ?? STYLE.general, inline: column.inline };
  });
}

/** A total row under a block of lines (rows first..last): SUM formulas with their results, so the totals follow edits. */
function totalRow(columns: readonly Column[], lines: readonly OrderLine[], first: number, last: number, label: string): SheetRow {
  const cells: CellValue[] = columns.map(() => null);
  cells[1] = label;
  for (const key of ['kg', 'amount'] as const) {
    const index = columns.findIndex((column) => column.key === key);
    if (index < 0) continue;
    const letter = columnLetter(index);
    cells[index] = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum(lines, key) };
  }
  return { cells, bold: true };
}

/** A sheet of order lines under the given columns: bold frozen header, fitted widths. */
function linesSheet(name: string, columns: readonly Column[], lines: readonly OrderLine[], words: Words, rows: SheetPlan['rows'], rowCount: number): SheetPlan {
  return {
    name,
    columns: fitWidths(columns, lines, words),
    header: columns.map((column) => words(column.header)),
    freezeHeader: true,
    filter: false,
    rowCount,
    rows,
  };
}

const safeSheetName = (name: string, taken: Set<string>) => {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || '?';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 25)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

/**
 * The order workbook: every line on one sheet (with a filter), a summary and a sheet per product, and the
 * lines grouped by buyer with a total for each. Real dates and numbers, so the sheet sorts and sums. Written
 * as a stream of sheet XML into a zip (xlsx-writer.ts): an exceljs workbook of 100,000 lines took 36 times
 * as long as their CSV (docs/benchmarks.md), and held every cell as an object until the end.
 */
export function orderWorkbookBlob(lines: readonly OrderLine[], words: Words, statusWords: StatusWords, onProgress?: WorkbookProgress): Promise<Blob> {
  // A handful of statuses, looked up once each rather than once per row.
  const labels = new Map<string, string>();
  const status = (value: string) => labels.get(value) ?? labels.set(value, statusWords(value)).get(value)!;
  const taken = new Set<string>();
  const sheets: SheetPlan[] = [];
  sheets.push({
    ...linesSheet(safeSheetName(words('sheetOrders'), taken), COLUMNS, lines, words, () => lineRows(lines, COLUMNS, status), lines.length),
    filter: true,
  });

  const byProduct = groupBy(lines, (line) => line.product);
  const products = [...byProduct.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'vi')));
  const productName = (code: string) => code || words('noProduct');
  const summaryHeader = [words('colProduct'), words('colLines'), words('colOrders'), words('colQuantity'), words('colKg'), words('colAmount')];
  sheets.push({
    name: safeSheetName(words('sheetProducts'), taken),
    columns: summaryHeader.map((header, i) => ({ width: Math.max(header.length + 2, i === 0 ? 24 : 12), style: i > 0 ? STYLE.decimal : STYLE.general })),
    header: summaryHeader,
    freezeHeader: false,
    filter: false,
    rowCount: products.length + 1,
    rows: function* () {
      for (const code of products) {
        const group = byProduct.get(code)!;
        yield {
          cells: [
            productName(code),
            group.length,
            new Set(group.map((line) => line.orderId)).size,
            sum(group, 'quantity'),
            sum(group, 'kg'),
            sum(group, 'amount'),
          ],
        };
      }
      const last = products.length + 1;
      yield {
        cells: [
          words('total'),
          lines.length,
          null,
          null,
          { formula: `SUM(E2:E${last})`, result: sum(lines, 'kg') },
          { formula: `SUM(F2:F${last})`, result: sum(lines, 'amount') },
        ],
        bold: true,
      };
    },
  });

  const productColumns = COLUMNS.filter((column) => column.key !== 'product');
  for (const code of products.slice(0, MAX_PRODUCT_SHEETS)) {
    const group = byProduct.get(code)!;
    sheets.push(
      linesSheet(
        safeSheetName(productName(code), taken),
        productColumns,
        group,
        words,
        function* () {
          yield* lineRows(group, productColumns, status);
          yield totalRow(productColumns, group, 2, group.length + 1, words('total'));
        },
        group.length + 1,
      ),
    );
  }

  const byBuyer = groupBy(lines, (line) => line.buyer);
  const buyers = [...byBuyer.keys()].sort((a, b) => a.localeCompare(b, 'vi'));
  sheets.push(
    linesSheet(
      safeSheetName(words('sheetBuyers'), taken),
      COLUMNS,
      lines,
      words,
      function* () {
        let next = 2;
        for (const name of buyers) {
          const group = byBuyer.get(name)!;
          yield* lineRows(group, COLUMNS, status);
          yield totalRow(COLUMNS, group, next, next + group.length - 1, `${words('total')} · ${name}`);
          next += group.length + 1;
        }
      },
      lines.length + buyers.length,
    ),
  );

  return writeXlsx(sheets, { creator: 'Chốt', created: new Date(), onProgress });
}

/** The workbook's bytes (tests, and callers that want them whole). */
export async function orderWorkbook(
  lines: readonly OrderLine[],
  words: Words,
  status: StatusWords,
  onProgress?: WorkbookProgress,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await orderWorkbookBlob(lines, words, status, onProgress)).arrayBuffer());
}

/** The words of one of the UI languages: headers, sheet names, statuses. */
export function wordsIn(language: Language): { words: Words; status: StatusWords } {
  return { words: (key) => translate(language, key), status: (status) => translate(language, ORDER_STATUS_LABEL[status as OrderStatus] ?? 'unknown') };
}

/** The workbook with headers, sheet names and statuses in one of the UI languages. */
export function orderWorkbookIn(lines: readonly OrderLine[], language: Language, onProgress?: WorkbookProgress): Promise<Blob> {
  const { words, status } = wordsIn(language);
  return orderWorkbookBlob(lines, words, status, onProgress);
}
