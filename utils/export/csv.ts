import Papa from 'papaparse';
import type { OrderLine } from './order-lines';

export const CSV_COLUMNS: (keyof OrderLine)[] = [
  'time',
  'stream',
  'platform',
  'buyer',
  'phone',
  'address',
  'product',
  'quantity',
  'unit',
  'kg',
  'pricePerKg',
  'amount',
  'status',
  'comment',
];

/** Dates as "2026-06-01 20:15:03" in local time: what a spreadsheet reads as a date. */
const localTime = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

/**
 * The order lines as CSV, UTF-8 with a byte-order mark so Excel opens Vietnamese correctly. Cells that
 * start like a formula ("=", "+", "-", "@") are quoted with a leading apostrophe: chat text is untrusted.
 */
export function orderLinesCsv(lines: readonly OrderLine[]): string {
  const rows = lines.map((line) =>
    CSV_COLUMNS.map((column) => {
      const value = line[column];
      if (value instanceof Date) return localTime(value);
      if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
      return value ?? '';
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: CSV_COLUMNS, data: rows }, { newline: '\r\n' })}\r\n`;
}
