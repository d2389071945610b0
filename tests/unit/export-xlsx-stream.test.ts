import { describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { translate } from '../../utils/i18n/messages';
import { excelLocalTime, orderWorkbook, orderWorkbookBlob } from '../../utils/export/workbook';
import type { OrderLine } from '../../utils/export/order-lines';

const words = (key: Parameters<typeof translate>[1]) => translate('vi', key);
const status = (value: string) => ({ confirmed: 'Đã xác nhận', pending: 'Chờ' })[value] ?? value;

function line(i: number, over: Partial<OrderLine> = {}): OrderLine {
  return {
    orderId: `youtube:m${i}`,
    time: new Date(Date.UTC(2026, 5, 1, 13, 0, 0) + i * 1000),
    stream: 'Vải thiều Lục Ngạn',
    platform: 'youtube',
    buyer: `Khách ${i % 7}`,
    phone: i % 3 === 0 ? '0912345678' : '',
    address: '',
    product: ['V1', 'V2', ''][i % 3]!,
    quantity: (i % 4) + 1,
    unit: 'kg',
    kg: (i % 4) + 1.5,
    pricePerKg: 45_000,
    amount: 45_000 * ((i % 4) + 1.5),
    status: i % 2 ? 'confirmed' : 'pending',
    comment: `chốt ${(i % 4) + 1}kg`,
    ...over,
  };
}

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every entry of a zip, inflated, with the CRC-32 and size its central directory records (exceljs does not check them; Excel does). */
function zipEntries(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const entries: { name: string; crc: number; size: number; data: Buffer }[] = [];
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n -= 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const [method, crc, compressed, size] = [
      view.getUint16(at + 10, true),
      view.getUint32(at + 16, true),
      view.getUint32(at + 20, true),
      view.getUint32(at + 24, true),
    ];
    const [nameLength, extraLength, commentLength, local] = [
      view.getUint16(at + 28, true),
      view.getUint16(at + 30, true),
      view.getUint16(at + 32, true),
      view.getUint32(at + 42, true),
    ];
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    expect(method).toBe(8);
    entries.push({ name, crc, size, data: inflateRawSync(bytes.subarray(start, start + compressed)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Generous limits: the machines that run these are often busy, and exceljs reads large files slowly.
describe('xlsx written as a stream', { timeout: 120_000 }, () => {
  it('is a sound zip: each part inflates to the size and CRC-32 recorded for it', async () => {
    const entries = zipEntries(
      await orderWorkbook(
        Array.from({ length: 2500 }, (_, i) => line(i)),
        words,
        status,
      ),
    );
    expect(entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']),
    );
    for (const entry of entries) {
      expect(entry.data.length, entry.name).toBe(entry.size);
      expect(crc32(entry.data), entry.name).toBe(entry.crc);
    }
  });

  it('keeps the look of every sheet: bold frozen header, filter over the lines, formats, widths, bold totals', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(i));
    const workbook = await readBack(await orderWorkbook(lines, words, status));
    const orders = workbook.getWorksheet('Đơn hàng')!;
    expect(orders.autoFilter).toBe('A1:N31');
    for (const name of ['Đơn hàng', 'V1', 'Theo người mua']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true);
    }
    const first = orders.getRow(2);
    expect(first.getCell(1).value).toEqual(excelLocalTime(lines[0]!.time));
    expect([1, 6, 8, 9, 10].map((column) => first.getCell(column).numFmt)).toEqual(['dd/mm/yyyy hh:mm:ss', '#,##0.##', '#,##0.##', '#,##0', '#,##0']);
    expect(first.getCell(8).value).toBe(1.5);
    expect(first.getCell(2).font?.bold).toBeFalsy();
    expect(orders.getColumn(1).width).toBeGreaterThanOrEqual(19);
    const buyers = workbook.getWorksheet('Theo người mua')!;
    // Khách 0 bought lines 0, 7, 14, 21 and 28: rows 2 to 6, then their total.
    const total = buyers.getRow(7);
    expect(total.getCell(2).value).toBe('Tổng · Khách 0');
    expect(total.getCell(2).font?.bold).toBe(true);
    expect(total.getCell(8).value).toEqual({
      formula: 'SUM(H2:H6)',
      result: lines.filter((each) => each.buyer === 'Khách 0').reduce((sum, each) => sum + each.kg!, 0),
    });
    expect(total.getCell(8).numFmt).toBe('#,##0.##');
    expect(workbook.getWorksheet('Theo sản phẩm')!.getRow(2).getCell(5).numFmt).toBe('#,##0.##');
  });

  it('carries chat text that XML cannot hold as it is, and drops only what XML forbids', async () => {
    const texts = ['<b>chốt</b> & "2kg" \'nhé\'', '  lấy 3kg  ', 'chốt 1kg\nSĐT 0912 345 678', 'ồ 🍒 chốt', 'bell\u0007 and half \uD83C pair', '=SUM(A1)'];
    const lines = texts.map((comment, i) => line(i, { comment, buyer: i === 0 ? 'A & B <shop>' : `Khách ${i}` }));
    const workbook = await readBack(await orderWorkbook(lines, words, status));
    const orders = workbook.getWorksheet('Đơn hàng')!;
    expect(texts.map((_, i) => orders.getRow(i + 2).getCell(14).value)).toEqual([...texts.slice(0, 4), 'bell and half  pair', '=SUM(A1)']);
    expect(orders.getRow(2).getCell(2).value).toBe('A & B <shop>');
    expect(orders.getRow(7).getCell(14).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes many rows in chunks and tells how far it has got', async () => {
    const lines = Array.from({ length: 12_001 }, (_, i) => line(i));
    const progress: [number, number][] = [];
    const blob = await orderWorkbookBlob(lines, words, status, (written, total) => progress.push([written, total]));
    // Lines on the order sheet, the summary's 3 products and total, each product sheet's lines and total, each buyer's lines and total.
    const total = lines.length + 4 + lines.length + 3 + lines.length + 7;
    expect(progress.length).toBeGreaterThanOrEqual(7);
    expect(progress.every(([, all]) => all === total)).toBe(true);
    expect(progress.map(([written]) => written)).toEqual([...progress.map(([written]) => written)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([total, total]);

    const workbook = await readBack(new Uint8Array(await blob.arrayBuffer()));
    const orders = workbook.getWorksheet('Đơn hàng')!;
    expect(orders.rowCount).toBe(12_002);
    // Rows on both sides of a chunk's end, and the last.
    for (const n of [999, 1000, 1001, 12_001]) expect(orders.getRow(n + 1).getCell(14).value).toBe(lines[n - 1]!.comment);
    expect(orders.getRow(12_002).getCell(3).value).toBe(lines[12_000]!.phone);
    expect(workbook.getWorksheet('Theo người mua')!.rowCount).toBe(1 + lines.length + 7);
  });
});
