import { columnLetter, rowXml, SharedStrings, STYLE, type CellValue, type ColumnMarkup, type StyleIndex } from './xlsx-cells';
import { packageParts, SHARED_STRINGS_PATH, worksheetPath, XLSX_TYPE, XML_HEAD } from './xlsx-package';
import { ZipStream } from './zip-stream';

/** A column's width (in characters), its cells' style, and whether its text is written in the cell rather than shared. */
export interface SheetColumn {
  width: number;
  style: StyleIndex;
  inline?: boolean;
}
export interface SheetRow {
  cells: readonly CellValue[];
  bold?: boolean;
}

/** One worksheet: its bold header row, its rows (made as they are written), and how it is shown. */
export interface SheetPlan {
  name: string;
  columns: readonly SheetColumn[];
  header: readonly string[];
  /** The header stays in view while scrolling. */
  freezeHeader: boolean;
  /** Filter buttons on the header, over every row. */
  filter: boolean;
  /** How many rows `rows` yields, for the progress total. */
  rowCount: number;
  rows: () => Iterable<SheetRow>;
}

export interface WriteOptions {
  creator: string;
  created: Date;
  /** Called every few thousand rows with the rows written so far (headers excluded) and the total. */
  onProgress?: (written: number, total: number) => void;
}

const ROWS_PER_CHUNK = 1000;
const PROGRESS_EVERY = 5000;

function sheetHead(plan: SheetPlan): string {
  const pane = plan.freezeHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '';
  const cols = plan.columns
    .map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"${column.style ? ` style="${column.style}"` : ''}/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/**
 * Writes an xlsx workbook as it goes: each sheet's XML is made a thousand rows at a time and compressed
 * straight into the zip (zip-stream.ts), so memory holds the compressed output (in Blob parts), one chunk
 * of text and the shared strings, however many rows there are.
 */
export async function writeXlsx(sheets: readonly SheetPlan[], options: WriteOptions): Promise<Blob> {
  const zip = new ZipStream();
  const strings = new SharedStrings();
  for (const [path, text] of packageParts(
    sheets.map((sheet) => sheet.name),
    options.creator,
    options.created,
  ))
    await zip.file(path, text);

  const total = sheets.reduce((sum, sheet) => sum + sheet.rowCount, 0);
  let written = 0;
  for (const [index, plan] of sheets.entries()) {
    const entry = zip.entry(worksheetPath(index));
    const columns: ColumnMarkup[] = plan.columns.map((column, i) => ({ letter: columnLetter(i), style: column.style, inline: column.inline === true }));
    const headerColumns = columns.map((column) => ({ ...column, style: STYLE.general, inline: false }));
    const parts: (string | number)[] = [sheetHead(plan)];
    rowXml(parts, 1, headerColumns, plan.header, true, strings);
    let rowNumber = 1;
    for (const row of plan.rows()) {
      rowNumber += 1;
      rowXml(parts, rowNumber, columns, row.cells, row.bold === true, strings);
      if (rowNumber % ROWS_PER_CHUNK === 0) {
        await entry.writeText(parts.join(''));
        parts.length = 0;
      }
      written += 1;
      if (written % PROGRESS_EVERY === 0) options.onProgress?.(written, total);
    }
    const filter = plan.filter ? `<autoFilter ref="A1:${columns.at(-1)!.letter}${rowNumber}"/>` : '';
    parts.push(`</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    await entry.writeText(parts.join(''));
    await entry.close();
  }
  await zip.file(SHARED_STRINGS_PATH, XML_HEAD + strings.xml());
  options.onProgress?.(written, total);
  return zip.finish(XLSX_TYPE);
}
