// The cell and row markup of an xlsx worksheet (SpreadsheetML, ECMA-376 part 1 §18.3), written as text.
// Only what the order workbook uses: strings, numbers, dates as day serials, SUM formulas with results.
// The markup is kept short because the time goes into compressing it: a cell names its column only after
// a gap (the format allows leaving `r` out of a cell that follows its neighbour).

/** A cell's value: text, a number, a date (local wall-clock time), a formula with its cached result, or nothing. */
export type CellValue = string | number | Date | { formula: string; result: number } | null | undefined;

/** Style indexes of styles.xml's cellXfs (see xlsx-package.ts): plain, then bold. */
export const STYLE = { general: 0, date: 1, decimal: 2, integer: 3, bold: 4, boldDate: 5, boldDecimal: 6, boldInteger: 7 } as const;
export type StyleIndex = (typeof STYLE)[keyof typeof STYLE];
const BOLD_OF: Record<StyleIndex, StyleIndex> = { 0: 4, 1: 5, 2: 6, 3: 7, 4: 4, 5: 5, 6: 6, 7: 7 };

/** "A", …, "Z", "AA", …: the column part of a cell reference, for a 0-based column. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped; chat text is untrusted.
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe for XML content and attribute values. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(INVALID, '').replace(/[&<>"]/g, (char) => ENTITY[char]!);
}

/** A cell holds at most 32,767 characters in Excel. */
const MAX_CELL_TEXT = 32_767;

/** `<t>` keeps leading and trailing spaces only when told to. */
function textXml(text: string): string {
  const safe = xmlText(text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text);
  return /^\s|\s$/.test(text) ? `<t xml:space="preserve">${safe}</t>` : `<t>${safe}</t>`;
}

/**
 * Excel's day count (1900 system) for a time shown as the local wall clock, as Excel has no time zones.
 * Eight decimals (0.86 ms) still give back the exact millisecond, in three fewer characters per date.
 */
export function excelSerial(date: Date): number {
  return Math.round(((date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000 + 25_569) * 1e8) / 1e8;
}

/**
 * The workbook's shared strings: text that repeats (buyers, products, statuses, streams) is stored once and
 * cells point at it. Entry 0 is "", so a blank phone reads back as "" rather than as a missing cell.
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>([['', 0]]);
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }
  xml(): string {
    let items = '';
    for (const text of this.ids.keys()) items += `<si>${textXml(text)}</si>`;
    return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.ids.size}" uniqueCount="${this.ids.size}">${items}</sst>`;
  }
}

/** How a sheet's column is written: its style, and whether its text goes in the cell (text that rarely repeats, such as comments). */
export interface ColumnMarkup {
  letter: string;
  style: StyleIndex;
  inline: boolean;
}

/** `<c` with each style's attribute, made once: a row is written as pieces joined once per chunk. */
const OPEN: Record<StyleIndex, string> = { 0: '<c', 1: '<c s="1"', 2: '<c s="2"', 3: '<c s="3"', 4: '<c s="4"', 5: '<c s="5"', 6: '<c s="6"', 7: '<c s="7"' };

/**
 * A row of cells, pushed as pieces onto `parts` (joined once per chunk of rows: cheaper than growing one
 * string cell by cell). A bold row uses each column style's bold twin.
 */
export function rowXml(
  parts: (string | number)[],
  rowNumber: number,
  columns: readonly ColumnMarkup[],
  cells: readonly CellValue[],
  bold: boolean,
  strings: SharedStrings,
): void {
  parts.push(`<row r="${rowNumber}">`);
  let gap = true;
  for (let i = 0; i < cells.length; i += 1) {
    const value = cells[i];
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
      gap = true;
      continue;
    }
    const column = columns[i]!;
    const style = bold ? BOLD_OF[column.style] : column.style;
    const open = gap ? `<c r="${column.letter}${rowNumber}"${OPEN[style].slice(2)}` : OPEN[style];
    gap = false;
    if (typeof value === 'number') parts.push(open, '><v>', value, '</v></c>');
    else if (typeof value === 'string') {
      if (column.inline && value !== '') parts.push(open, ' t="inlineStr"><is>', textXml(value), '</is></c>');
      else parts.push(open, ' t="s"><v>', strings.id(value), '</v></c>');
    } else if (value instanceof Date) parts.push(open, '><v>', excelSerial(value), '</v></c>');
    else parts.push(open, '><f>', xmlText(value.formula), '</f><v>', value.result, '</v></c>');
  }
  parts.push('</row>');
}
