import type { ContractRecord, OrderRecord } from './records';
import type { Platform } from '../platforms/platform';
import type { Product } from '../parser/catalog';

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
  /** Distinct buyers with a counting order. */
  buyers: number;
  /** Kg by product code, for lines with a product. */
  byProduct: Record<string, number>;
  /** Value at the catalog's prices (VND): confirmed, and confirmed with waiting. Lines without a price add nothing. */
  confirmedVnd: number;
  totalVnd: number;
  /** Kg under contracts that are not cancelled; in the total tonnage. */
  contractedKg: number;
  contracts: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Orders that count towards the tally, stock and the on-air feed: waiting or confirmed. */
export const isCounting = (order: Pick<OrderRecord, 'status'>) => order.status === 'pending' || order.status === 'confirmed';

export function computeTally(orders: readonly OrderRecord[], products: readonly Product[] = [], contracts: readonly ContractRecord[] = []): Tally {
  const live = contracts.filter((contract) => contract.status !== 'cancelled');
  const contractedKg = round(live.reduce((sum, contract) => sum + contract.kg, 0));
  const prices = new Map(products.map((product) => [product.code, product.pricePerKg ?? 0]));
  const buyers = new Set<string>();
  const byProduct: Record<string, number> = {};
  let confirmedVnd = 0;
  let totalVnd = 0;
  let pendingKg = 0;
  let confirmedKg = 0;
  let count = 0;
  let unknownWeight = 0;
  const byPlatform: Partial<Record<Platform, PlatformTally>> = {};
  for (const order of orders) {
    // An order promoted to a contract counts there.
    if ((order.status !== 'pending' && order.status !== 'confirmed') || order.contractId) continue;
    count += 1;
    const kg = order.totalKg ?? 0;
    if (order.totalKg === null) unknownWeight += 1;
    if (order.status === 'pending') pendingKg += kg;
    else confirmedKg += kg;
    buyers.add(order.authorKey);
    for (const item of order.items) {
      if (!item.product || item.kg === null) continue;
      byProduct[item.product] = round((byProduct[item.product] ?? 0) + item.kg);
      const value = item.kg * (prices.get(item.product) ?? 0);
      totalVnd += value;
      if (order.status === 'confirmed') confirmedVnd += value;
    }
    const platform = (byPlatform[order.platform] ??= { kg: 0, orders: 0 });
    platform.kg = round(platform.kg + kg);
    platform.orders += 1;
  }
  return {
    pendingKg: round(pendingKg), confirmedKg: round(confirmedKg), totalTonnes: round((pendingKg + confirmedKg + contractedKg) / 1000), orders: count, unknownWeight, byPlatform,
    buyers: buyers.size, byProduct, confirmedVnd: Math.round(confirmedVnd), totalVnd: Math.round(totalVnd), contractedKg, contracts: live.length,
  };
}
