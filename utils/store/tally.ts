import type { OrderRecord } from './records';

export interface Tally {
  pendingKg: number;
  confirmedKg: number;
  /** Pending and confirmed, in tonnes. */
  totalTonnes: number;
  /** Orders still counting: pending and confirmed. */
  orders: number;
  /** Counting orders whose weight is unknown (a package word without a catalog weight). */
  unknownWeight: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function computeTally(orders: readonly OrderRecord[]): Tally {
  let pendingKg = 0;
  let confirmedKg = 0;
  let count = 0;
  let unknownWeight = 0;
  for (const order of orders) {
    if (order.status !== 'pending' && order.status !== 'confirmed') continue;
    count += 1;
    if (order.totalKg === null) unknownWeight += 1;
    if (order.status === 'pending') pendingKg += order.totalKg ?? 0;
    else confirmedKg += order.totalKg ?? 0;
  }
  return {
    pendingKg: round(pendingKg),
    confirmedKg: round(confirmedKg),
    totalTonnes: round((pendingKg + confirmedKg) / 1000),
    orders: count,
    unknownWeight,
  };
}
