import type { OrderRecord } from './records';
import type { Product } from '../parser/catalog';
import { isCounting } from './tally';

export interface ProductStock {
  product: Product;
  /** Kg of open orders that the stock covers. */
  allocatedKg: number;
  /** Left to sell; undefined when the product has no stock set (no limit). */
  remainingKg: number | undefined;
  /** Orders waiting for more stock, in chat order. */
  waitlist: string[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Shares each product's stock among open orders in chat order; orders it does not cover wait. Derived,
 * not stored: adding stock or a cancel moves the waitlist up by itself.
 */
export function computeStock(products: readonly Product[], orders: readonly OrderRecord[]): { byProduct: Map<string, ProductStock>; waitlisted: Set<string> } {
  const byProduct = new Map(products.map((product) => [product.code, { product, allocatedKg: 0, remainingKg: product.stockKg, waitlist: [] as string[] }]));
  const waitlisted = new Set<string>();
  const open = orders.filter(isCounting).sort((a, b) => a.observedAt - b.observedAt);
  for (const order of open) {
    const needs = new Map<string, number>();
    for (const item of order.items) if (item.product && item.kg !== null) needs.set(item.product, (needs.get(item.product) ?? 0) + item.kg);
    const fits = [...needs].every(([code, kg]) => {
      const stock = byProduct.get(code);
      return !stock || stock.remainingKg === undefined || kg <= stock.remainingKg + 1e-9;
    });
    if (!fits) {
      waitlisted.add(order.id);
      for (const code of needs.keys()) byProduct.get(code)?.waitlist.push(order.id);
      continue;
    }
    for (const [code, kg] of needs) {
      const stock = byProduct.get(code);
      if (!stock) continue;
      stock.allocatedKg = round(stock.allocatedKg + kg);
      if (stock.remainingKg !== undefined) stock.remainingKg = round(stock.remainingKg - kg);
    }
  }
  return { byProduct, waitlisted };
}
