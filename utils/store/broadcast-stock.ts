import type { ChotDatabase } from './db';
import type { OrderRecord } from './records';
import type { Product } from '../parser/catalog';
import { computeStock, type ProductStock } from './stock';
import { isCounting } from './tally';
import { roundKg, type StreamTally } from './stream-tally';
import { readNewestOrders } from './broadcast-reads';

export type BroadcastStock = ReturnType<typeof computeStock>;

const kgByProduct = (order: OrderRecord) => {
  const needs = new Map<string, number>();
  for (const item of order.items) if (item.product && item.kg !== null) needs.set(item.product, roundKg((needs.get(item.product) ?? 0) + item.kg));
  return needs;
};

/**
 * Stock left and the waitlist of a broadcast, as computeStock would give them from all its orders, but read
 * from the kept figures: while every product's orders fit its stock nothing else is read; once one runs
 * out, only the orders since it ran out are (the allocation before that point is whole and known).
 */
export async function readBroadcastStock(
  db: ChotDatabase,
  streamIds: readonly string[],
  products: readonly Product[],
  /** The streams' kept figures, when the caller read them already. */
  tallies?: readonly (StreamTally | undefined)[],
): Promise<BroadcastStock> {
  const kept = (tallies ?? (await db.tallies.bulkGet([...streamIds]))).filter((tally) => tally !== undefined);
  const ordered = new Map<string, number>(); // kg in counting orders, contracts' included: they take stock too
  for (const tally of kept) {
    for (const [code, figures] of Object.entries(tally.byProduct))
      ordered.set(code, roundKg((ordered.get(code) ?? 0) + figures.pendingKg + figures.confirmedKg + figures.contractOrderKg));
  }
  const over = products.filter((product) => product.stockKg !== undefined && (ordered.get(product.code) ?? 0) > product.stockKg + 1e-9);
  if (over.length === 0) {
    const byProduct = new Map<string, ProductStock>(
      products.map((product) => {
        const allocatedKg = ordered.get(product.code) ?? 0;
        return [
          product.code,
          { product, allocatedKg, remainingKg: product.stockKg === undefined ? undefined : roundKg(product.stockKg - allocatedKg), waitlist: [] },
        ];
      }),
    );
    return { byProduct, waitlisted: new Set() };
  }
  // Walk back from the newest order until every product that ran out is back under its stock: from the
  // earliest such point on, the allocation is what computeStock does with the stock left there.
  for (let page = 500; ; page *= 4) {
    const newest = await readNewestOrders(db, streamIds, page, isCounting);
    const before = new Map(ordered);
    const found = new Set<string>();
    let start = -1;
    for (let i = 0; i < newest.length && found.size < over.length; i += 1) {
      for (const [code, kg] of kgByProduct(newest[i]!)) {
        before.set(code, roundKg((before.get(code) ?? 0) - kg));
        const product = over.find((candidate) => candidate.code === code);
        if (product && !found.has(code) && before.get(code)! <= product.stockKg! + 1e-9) found.add(code);
      }
      start = i;
    }
    if (found.size < over.length && newest.length === page) continue; // not far enough back yet
    const tail = newest.slice(0, start + 1).reverse();
    const left = products.map((product) =>
      product.stockKg === undefined ? product : { ...product, stockKg: roundKg(product.stockKg - (before.get(product.code) ?? 0)) },
    );
    const result = computeStock(left, tail);
    for (const [code, stock] of result.byProduct) {
      const original = products.find((product) => product.code === code)!;
      stock.product = original;
      stock.allocatedKg = roundKg(stock.allocatedKg + (before.get(code) ?? 0));
    }
    return result;
  }
}
