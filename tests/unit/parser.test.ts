import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema, indexCatalog, parseComment, parseResultSchema } from '../../utils/parser/index';
import { ALL_ROWS, LOOK_ALIKE_ROWS, ODD_QUANTITY_ROWS } from './parser-table';
import { REVIEW_BELOW } from '../../utils/parser/review';

const catalog = indexCatalog(catalogSchema.parse(JSON.parse(readFileSync('tests/fixtures/lychee-catalog.json', 'utf8'))));

describe('parser table', () => {
  it('has at least 400 comments', () => expect(ALL_ROWS.length).toBeGreaterThanOrEqual(400));

  it.each(ALL_ROWS)('%j → %s, %s kg, phone %s', (comment, intent, totalKg, phone) => {
    const result = parseComment(comment, catalog);
    expect(parseResultSchema.parse(result)).toEqual(result);
    expect({ intent: result.intent, totalKg: result.totalKg, phone: result.phone }).toEqual({ intent, totalKg, phone });
  });
});

const ODD_REASON = /^(quantity zero|negative quantity|quantity too large|quantity in scientific notation):/;

describe('odd quantities', () => {
  it.each(ODD_QUANTITY_ROWS)('%j → %s, %s kg, review %s, %j', (comment, intent, totalKg, review, reason) => {
    const result = parseComment(comment, catalog);
    expect(parseResultSchema.parse(result)).toEqual(result);
    expect({ intent: result.intent, totalKg: result.totalKg, review: result.review }).toEqual({ intent, totalKg, review });
    expect(result.reasons).toContain(reason);
    expect(result.confidence).toBeLessThan(REVIEW_BELOW);
  });

  it('never reads a minus or an exponent away: "-5" is not 5, "1e308" is not 308', () => {
    for (const comment of ['chốt -5kg', 'chốt \u22125kg', 'chốt 1e308 kg', 'chốt 1e308', 'chốt 1E5kg', 'chốt 1e+5kg']) {
      expect(parseComment(comment, catalog).items, comment).toEqual([]);
    }
    expect(parseComment('chốt 2 thùng -5kg', catalog).items).toEqual([{ product: 'V1', quantity: 2, unit: 'thùng', kg: 20 }]);
  });

  it('takes the largest line from the catalog index when one is given', () => {
    const small = indexCatalog(catalogSchema.parse({ products: [{ code: 'V1', name: 'Vải' }], defaultProduct: 'V1' }), { maxLineQuantity: 50 });
    expect(parseComment('chốt 50kg', small)).toMatchObject({ intent: 'order', review: false });
    expect(parseComment('chốt 60kg', small)).toMatchObject({ intent: 'none', items: [], reasons: ['quantity too large: 60 kg'] });
    expect(parseComment('chốt 60kg', catalog)).toMatchObject({ intent: 'order', review: false, totalKg: 60 });
  });

  it.each(LOOK_ALIKE_ROWS)('look-alike %j stays as it was, unflagged', (comment) => {
    const result = parseComment(comment, catalog);
    expect(result.reasons.filter((reason) => ODD_REASON.test(reason))).toEqual([]);
    expect(result.review).toBe(false);
  });
});

describe('items', () => {
  it('reads several products with their units and weights', () => {
    expect(parseComment('chốt V1 2kg V2 3 thùng', catalog).items).toEqual([
      { product: 'V1', quantity: 2, unit: 'kg', kg: 2 },
      { product: 'V2', quantity: 3, unit: 'thùng', kg: 36 },
    ]);
  });

  it('keeps composite mass as a quantity of the larger unit', () => {
    expect(parseComment('lấy 1 tạ 5', catalog).items).toEqual([{ product: 'V1', quantity: 1.5, unit: 'tạ', kg: 150 }]);
  });

  it('gives a bare number the default product and its default unit', () => {
    expect(parseComment('chốt 3', catalog).items).toEqual([{ product: 'V1', quantity: 3, unit: 'kg', kg: 3 }]);
    expect(parseComment('chốt v2 3', catalog).items).toEqual([{ product: 'V2', quantity: 3, unit: 'thùng', kg: 36 }]);
  });

  it('without a catalog only mass units have a weight', () => {
    expect(parseComment('chốt 2 thùng 3kg').items).toEqual([
      { product: null, quantity: 2, unit: 'thùng', kg: null },
      { product: null, quantity: 3, unit: 'kg', kg: 3 },
    ]);
    expect(parseComment('chốt 2 thùng').totalKg).toBeNull();
    expect(parseComment('chốt 2').items).toEqual([{ product: null, quantity: 2, unit: null, kg: null }]);
  });

  it('never reads phone digits as a quantity', () => {
    const result = parseComment('chốt 0912345678 2kg', catalog);
    expect(result.items).toEqual([{ product: 'V1', quantity: 2, unit: 'kg', kg: 2 }]);
    expect(result.phone).toBe('0912345678');
  });
});

describe('addresses', () => {
  it.each([
    ['chốt 2 thùng giao về số 15 ngõ 4 Trần Duy Hưng', 'số 15 ngõ 4 Trần Duy Hưng'],
    ['lấy 5kg, địa chỉ: 12 Lê Lợi, quận 1', '12 Lê Lợi, quận 1'],
    ['ship tới thôn Đông xã Phì Điền nhé', 'thôn Đông xã Phì Điền nhé'],
    ['giao về Hà Nội được không', null],
    ['chốt 2kg', null],
  ])('%j → %j', (comment, address) => {
    expect(parseComment(comment, catalog).address).toBe(address);
  });
});

describe('explanations', () => {
  it('names the words that made an order', () => {
    const result = parseComment('chốt 2 thùng', catalog);
    expect(result.reasons).toEqual(['order word: chốt', 'quantity: 2 thùng V1']);
    expect(result.confidence).toBeGreaterThan(0.8);
  });

  it('is less sure of a quantity without an order word', () => {
    expect(parseComment('5kg', catalog).confidence).toBeLessThan(parseComment('chốt 5kg', catalog).confidence);
  });
});

describe('bad input', () => {
  it('survives very long, HTML and zero-width text', () => {
    expect(parseComment(`chốt 2kg ${'a '.repeat(5_000)}`).totalKg).toBe(2);
    // only the first 500 characters are read: an order buried after 10,000 characters is not one
    expect(parseComment(`${'a'.repeat(10_000)} chốt 2kg`).intent).toBe('none');
    expect(parseComment('<img src=x onerror=alert(1)> chốt 2kg').totalKg).toBe(2);
    expect(parseComment('\u200b\u200d\ufeff').intent).toBe('none');
  });
});
