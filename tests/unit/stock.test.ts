import { describe, expect, it } from 'vitest';
import { computeStock } from '../../utils/store/stock';
import type { OrderRecord } from '../../utils/store/records';
import type { Product } from '../../utils/parser/catalog';

const product = (code: string, stockKg?: number): Product => ({
  code,
  name: code,
  defaultUnit: 'kg',
  aliases: [],
  packages: {},
  ...(stockKg === undefined ? {} : { stockKg }),
});
let at = 0;
const order = (id: string, lines: [string, number][], status: OrderRecord['status'] = 'pending'): OrderRecord => ({
  id,
  streamId: 's',
  messageId: id,
  platform: 'youtube',
  authorName: 'a',
  authorKey: 'a',
  text: '',
  phone: null,
  confidence: 1,
  reasons: [],
  status,
  observedAt: (at += 1),
  updatedAt: 0,
  totalKg: lines.reduce((sum, [, kg]) => sum + kg, 0),
  items: lines.map(([code, kg]) => ({ product: code, quantity: kg, unit: 'kg', kg })),
});

describe('stock and waitlist', () => {
  it('covers orders in chat order and puts the rest on the waitlist', () => {
    const orders = [order('a', [['V1', 6]]), order('b', [['V1', 5]]), order('c', [['V1', 4]]), order('d', [['V2', 100]])];
    const { byProduct, waitlisted } = computeStock([product('V1', 10), product('V2')], orders);
    expect([...waitlisted]).toEqual(['b']);
    expect(byProduct.get('V1')).toMatchObject({ allocatedKg: 10, remainingKg: 0, waitlist: ['b'] });
    expect(byProduct.get('V2')).toMatchObject({ allocatedKg: 100, remainingKg: undefined, waitlist: [] });
  });

  it('moves the waitlist up when an order is cancelled or stock is added', () => {
    const orders = [order('a', [['V1', 6]]), order('b', [['V1', 5]])];
    expect([...computeStock([product('V1', 10)], orders).waitlisted]).toEqual(['b']);
    expect([...computeStock([product('V1', 10)], [{ ...orders[0]!, status: 'cancelled' }, orders[1]!]).waitlisted]).toEqual([]);
    expect([...computeStock([product('V1', 11)], orders).waitlisted]).toEqual([]);
  });

  it('waitlists an order of two products when either does not fit, and ignores rejected ones', () => {
    const orders = [
      order('r', [['V1', 9]], 'rejected'),
      order('a', [
        ['V1', 2],
        ['V2', 8],
      ]),
      order('b', [['V1', 1]]),
    ];
    const { byProduct, waitlisted } = computeStock([product('V1', 10), product('V2', 5)], orders);
    expect([...waitlisted]).toEqual(['a']);
    expect(byProduct.get('V1')).toMatchObject({ allocatedKg: 1, remainingKg: 9 });
  });
});
