import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { maskPhone, maskPhonesInText, orderLines } from '../../utils/export/order-lines';
import { CSV_COLUMNS, orderLinesCsv } from '../../utils/export/csv';
import { freshDatabase, chatRow } from './test-db';

const products = [{ code: 'V1', name: 'Vải', defaultUnit: 'kg', aliases: [], packages: {}, pricePerKg: 45000 }];

async function sample() {
  const db = freshDatabase();
  await ingestChat(
    db,
    { platform: 'youtube', key: 'csv01', title: 'Vải thiều Lục Ngạn' },
    [chatRow('m1', 'chốt 2kg 3kg 0912345678', { authorName: 'Nguyễn Thị Lan' }), chatRow('m2', 'lấy 1 tạ', { authorName: '=HYPERLINK("x")' })],
    indexCatalog(EMPTY_CATALOG),
  );
  await decideOrder(db, 'youtube:m1', 'confirmed');
  const orders = (await db.orders.toArray()).map((order) => ({ ...order, items: order.items.map((item) => ({ ...item, product: 'V1' })) }));
  return { orders, streams: await db.streams.toArray() };
}

describe('CSV of order lines', () => {
  it('has one row per order line, reads back the same, with a BOM and Vietnamese intact', async () => {
    const { orders, streams } = await sample();
    const csv = orderLinesCsv(orderLines(orders, streams, products, { maskPhones: false, confirmedOnly: false }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(CSV_COLUMNS);
    expect(parsed.data.map((row) => [row.buyer, row.phone, row.quantity, row.unit, row.kg, row.amount, row.status, row.stream])).toEqual([
      ['Nguyễn Thị Lan', '0912345678', '2', 'kg', '2', '90000', 'confirmed', 'Vải thiều Lục Ngạn'],
      ['Nguyễn Thị Lan', '0912345678', '3', 'kg', '3', '135000', 'confirmed', 'Vải thiều Lục Ngạn'],
      ['\'=HYPERLINK("x")', '', '1', 'tạ', '100', '4500000', 'pending', 'Vải thiều Lục Ngạn'],
    ]);
    expect(parsed.data[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('masks phones and keeps confirmed orders only when asked', async () => {
    const { orders, streams } = await sample();
    const lines = orderLines(orders, streams, products, { maskPhones: true, confirmedOnly: true });
    expect(lines.map((line) => [line.buyer, line.phone])).toEqual([
      ['Nguyễn Thị Lan', '0912***678'],
      ['Nguyễn Thị Lan', '0912***678'],
    ]);
    expect(maskPhone('02439876543')).toBe('0243***543');
  });
});

describe('phone masking in chat text', () => {
  it.each([
    ['lấy 5 ký 0912 345 678 nhé', 'lấy 5 ký 0912***678 nhé'],
    ['sđt +84912345678', 'sđt +849***678'],
    ['0912.345.678', '0912***678'],
    ['chốt 2 thùng 20kg', 'chốt 2 thùng 20kg'],
  ])('%s', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });
});
