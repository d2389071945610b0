import type { OrderRecord } from './records';
import type { Platform } from '../platforms/platform';

export interface PlatformTally {
  /** Pending and confirmed kg. */
  kg: number;
  orders: number;
}

export interface Tally {
  pendingKg: number;
  confirmedKg: number;
  /** Pending and confirmed, in tonnes. */
  totalTonnes: number;
  /** Orders still counting: pending and confirmed. */
  orders: number;
  /** Counting orders whose weight is unknown (a package word without a catalog weight). */
  unknownWeight: number;
  /** The same, platform by platform, for broadcasts that span several. */
  byPlatform: Partial<Record<Platform, PlatformTally>>;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function computeTally(orders: readonly OrderRecord[]): Tally {
  let pendingKg = 0;
  let confirmedKg = 0;
  let count = 0;
  let unknownWeight = 0;
  const byPlatform: Partial<Record<Platform, PlatformTally>> = {};
  for (const order of orders) {
    if (order.status !== 'pending' && order.status !== 'confirmed') continue;
    count += 1;
    const kg = order.totalKg ?? 0;
    if (order.totalKg === null) unknownWeight += 1;
    if (order.status === 'pending') pendingKg += kg;
    else confirmedKg += kg;
    const platform = (byPlatform[order.platform] ??= { kg: 0, orders: 0 });
    platform.kg = round(platform.kg + kg);
    platform.orders += 1;
  }
  return { pendingKg: round(pendingKg), confirmedKg: round(confirmedKg), totalTonnes: round((pendingKg + confirmedKg) / 1000), orders: count, unknownWeight, byPlatform };
}
