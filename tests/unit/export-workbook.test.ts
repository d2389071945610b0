import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { translate } from '../../utils/i18n/messages';
import { excelLocalTime, orderWorkbook } from '../../utils/export/workbook';
import { dayRange, loadExportLines } from '../../utils/export/export-request';
import type { Product } from '../../utils/parser/catalog';
import { freshDatabase, chatRow, T0 } from './test-db';

const products: Product[] = [
  { code: 'V1', name: 'Vải loại 1', defaultUnit: 'kg', aliases: [], packages: { thùng: 10 }, pricePerKg: 45000 },
  { code: 'V2', name: 'Vải loại 2', defaultUnit: 'kg', aliases: [], packages: {}, pricePerKg: 30000 },
];

async function sample() {
  const db = freshDatabase();
  await db.products.bulkPut(products);
  const catalog = indexCatalog({ products });
  await ingestChat(
    db,
    { platform: 'youtube', key: 'xlsx01', title: 'Vải thiều Lục Ngạn' },
    [
      chatRow('m1', 'chốt 2 thùng V1 0912345678 địa chỉ 12 Lê Lợi, Hà Nội', { authorName: 'Nguyễn Thị Lan', authorId: 'UClan' }),
      chatRow('m2', 'lấy 5kg V2', { authorName: 'Trần Hùng', authorId: 'UChung' }),
      chatRow('m3', 'thêm 3kg V1', { authorName: 'Nguyễn Thị Lan', authorId: 'UClan' }),
    ],
    catalog,
  );
  for (const id of ['youtube:m1', 'youtube:m2', 'youtube:m3']) await decideOrder(db, id, 'confirmed');
  return db;
}

const words = (key: Parameters<typeof translate>[1]) => translate('vi', key);
const status = (value: string) => ({ confirmed: 'Đã xác nhận', pending: 'Chờ' })[value] ?? value;

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('xlsx order workbook', () => {
  it('reads back the same cells: text, real numbers and dates, masked phones, addresses from the buyer', async () => {
    const db = await sample();
    const lines = await loadExportLines(db, { scope: { kind: 'streams', streamIds: ['youtube:xlsx01'] }, confirmedOnly: true, maskPhones: true });
    const workbook = await readBack(await orderWorkbook(lines, words, status));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Đơn hàng', 'Theo sản phẩm', 'V1', 'V2', 'Theo người mua']);
    const orders = workbook.getWorksheet('Đơn hàng')!;
    expect(orders.getRow(1).values).toEqual([
      undefined,
      'Thời gian',
      'Người mua',
      'SĐT',
      'Địa chỉ',
      'Sản phẩm',
      'Số lượng',
      'Đơn vị',
      'Kg',
      'Đơn giá (đ/kg)',
      'Thành tiền (đ)',
      'Trạng thái',
      'Nền tảng',
      'Phiên live',
      'Bình luận',
    ]);
    const first = orders.getRow(2);
    expect(first.getCell(1).value).toEqual(excelLocalTime(new Date(T0 + 1)));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((column) => first.getCell(column).value)).toEqual([
      'Nguyễn Thị Lan',
      '0912***678',
      '12 Lê Lợi, Hà Nội',
      'V1',
      2,
      'thùng',
      20,
      45000,
      900000,
      'Đã xác nhận',
      'youtube',
      'Vải thiều Lục Ngạn',
    ]);
    expect(typeof first.getCell(8).value).toBe('number');
    expect(orders.rowCount).toBe(4);
    expect(orders.getColumn(14).width).toBeGreaterThanOrEqual('chốt 2 thùng V1 0912345678 địa chỉ 12 Lê Lợi, Hà Nội'.length);
    // Phones never appear unmasked when masking is asked for, on any sheet.
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => expect(JSON.stringify(row.values)).not.toContain('0912345678'));
  });

  it('totals per product and per buyer', async () => {
    const db = await sample();
    const lines = await loadExportLines(db, { scope: { kind: 'streams', streamIds: ['youtube:xlsx01'] }, confirmedOnly: false, maskPhones: false });
    const workbook = await readBack(await orderWorkbook(lines, words, status));
    const summary = workbook.getWorksheet('Theo sản phẩm')!;
    expect([2, 3, 4].map((n) => (summary.getRow(n).values as unknown[]).slice(1, 7))).toEqual(
      [
        ['V1', 2, 2, 5, 23, 1_035_000],
        ['V2', 1, 1, 5, 5, 150_000],
        ['Tổng', 3, null, null, { formula: 'SUM(E2:E3)', result: 28 }, { formula: 'SUM(F2:F3)', result: 1_185_000 }],
      ].map((row) => row.map((cell) => cell ?? undefined)),
    );
    const v1 = workbook.getWorksheet('V1')!;
    expect(v1.getRow(v1.rowCount).getCell(7).value).toEqual({ formula: 'SUM(G2:G3)', result: 23 });
    const buyers = workbook.getWorksheet('Theo người mua')!;
    const labels: string[] = [];
    buyers.eachRow((row) => labels.push(String(row.getCell(2).value)));
    expect(labels).toEqual(['Người mua', 'Nguyễn Thị Lan', 'Nguyễn Thị Lan', 'Tổng · Nguyễn Thị Lan', 'Trần Hùng', 'Tổng · Trần Hùng']);
    expect(buyers.getRow(4).getCell(8).value).toEqual({ formula: 'SUM(H2:H3)', result: 23 });
    expect(buyers.getRow(2).getCell(3).value).toBe('0912345678');
  });

  it('exports a date range across streams, both days included', async () => {
    const db = await sample();
    await ingestChat(
      db,
      { platform: 'youtube', key: 'later' },
      [chatRow('m9', 'chốt 7kg V2', { observedAt: T0 + 3 * 86_400_000 })],
      indexCatalog({ products }),
    );
    const day = (offset: number) => {
      const date = new Date(T0 + offset * 86_400_000);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    };
    const only = async (from: string, to: string) =>
      (await loadExportLines(db, { scope: dayRange(from, to)!, confirmedOnly: false, maskPhones: false })).map((line) => line.comment);
    expect(await only(day(0), day(0))).toHaveLength(3);
    expect(await only(day(3), day(3))).toEqual(['chốt 7kg V2']);
    expect(await only(day(-1), day(5))).toHaveLength(4);
    expect(dayRange(day(2), day(1))).toBeNull();
  });
});
