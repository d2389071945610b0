import type { ContractRecord, OrderRecord, OrderStatus } from './records';
import type { Platform } from '../platforms/platform';
import type { Product } from '../parser/catalog';
import { isCountingStatus, recountStreamTallies, roundKg, type StreamTally } from './stream-tally';

export interface PlatformTally {
  /** Pending and confirmed kg. */
  kg: number;
  orders: number;
}

export interface Tally {
  pendingKg: number;
  confirmedKg: number;
  /** Pending, confirmed and contracted, in tonnes. */
  totalTonnes: number;
  /** Orders still counting: pending and confirmed. */
  orders: number;
  /** Counting orders whose weight is unknown (a package word without a catalog weight). */
  unknownWeight: number;
  /** The same, platform by platform, for broadcasts that span several. */
  byPlatform: Partial<Record<Platform, PlatformTally>>;
  /** Buyers with a counting order, stream by stream (one person in two joined streams is two). */
  buyers: number;
  /** Kg by product code, for lines with a product. */
  byProduct: Record<string, number>;
  /**
   * Value (VND): confirmed orders at the catalog's prices; and in all, with waiting orders and contracts at
   * their own prices. Lines without a price add nothing.
   */
  confirmedVnd: number;
  totalVnd: number;
  /** Kg under contracts that are not cancelled; in the total tonnage. */
  contractedKg: number;
  contracts: number;
  /** Every order by status (the review queue's counts), but those made contracts. */
  byStatus: Partial<Record<OrderStatus, number>>;
  contractOrders: number;
}

/** Orders that count towards the tally, stock and the on-air feed: waiting or confirmed. */
export const isCounting = (order: Pick<OrderRecord, 'status'>) => isCountingStatus(order.status);

/**
 * The one function behind every figure a view shows: a broadcast's tally from its streams' kept figures
 * and the catalog's prices. Prices are applied here, so a price change needs no recount.
 */
export function tallyOf(streams: readonly StreamTally[], products: readonly Product[] = []): Tally {
  const prices = new Map(products.map((product) => [product.code, product.pricePerKg ?? 0]));
  const tally: Tally = {
    pendingKg: 0,
    confirmedKg: 0,
    totalTonnes: 0,
    orders: 0,
    unknownWeight: 0,
    byPlatform: {},
    buyers: 0,
    byProduct: {},
    confirmedVnd: 0,
    totalVnd: 0,
    contractedKg: 0,
    contracts: 0,
    byStatus: {},
    contractOrders: 0,
  };
  for (const stream of streams) {
    tally.pendingKg = roundKg(tally.pendingKg + stream.pendingKg);
    tally.confirmedKg = roundKg(tally.confirmedKg + stream.confirmedKg);
    tally.orders += stream.orders;
    tally.unknownWeight += stream.unknownWeight;
    tally.buyers += stream.buyers;
    tally.contractedKg = roundKg(tally.contractedKg + stream.contractedKg);
    tally.contracts += stream.contracts;
    tally.contractOrders += stream.contractOrders;
    tally.totalVnd += stream.contractedVnd;
    for (const [status, count] of Object.entries(stream.byStatus) as [OrderStatus, number][]) tally.byStatus[status] = (tally.byStatus[status] ?? 0) + count;
    if (stream.orders > 0) {
      const platform = (tally.byPlatform[stream.platform] ??= { kg: 0, orders: 0 });
      platform.kg = roundKg(platform.kg + stream.pendingKg + stream.confirmedKg);
      platform.orders += stream.orders;
    }
    for (const [code, figures] of Object.entries(stream.byProduct)) {
      const counted = roundKg(figures.pendingKg + figures.confirmedKg);
      if (counted === 0) continue;
      tally.byProduct[code] = roundKg((tally.byProduct[code] ?? 0) + counted);
      const price = prices.get(code) ?? 0;
      tally.confirmedVnd += figures.confirmedKg * price;
      tally.totalVnd += counted * price;
    }
  }
  tally.confirmedVnd = Math.round(tally.confirmedVnd);
  tally.totalVnd = Math.round(tally.totalVnd);
  tally.totalTonnes = roundKg((tally.pendingKg + tally.confirmedKg + tally.contractedKg) / 1000);
  return tally;
}

/** The tally counted afresh from orders and contracts: the check, and the tests' reference. */
export function computeTally(orders: readonly OrderRecord[], products: readonly Product[] = [], contracts: readonly ContractRecord[] = []): Tally {
  return tallyOf(recountStreamTallies(orders, contracts), products);
}
