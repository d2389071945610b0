import { z } from 'zod';
import type { ContractRecord, OrderRecord } from './records';
import { ORDER_STATUSES } from './records';
import { platformSchema } from '../platforms/platform';

// A stream's figures as the single writer keeps them: changed by each write of an order or a contract in
// the same transaction (tally-middleware.ts), so no view has to read every order to show them.

const kg = z.number();

export const productFiguresSchema = z.object({
  /** Kg of this product in waiting and in confirmed orders that count (not under a contract). */
  pendingKg: kg,
  confirmedKg: kg,
  /** Kg in orders promoted to a contract: they count there, but still take stock. */
  contractOrderKg: kg,
});

export const streamTallySchema = z.object({
  streamId: z.string(),
  platform: platformSchema,
  /** Every order by status, but those made contracts: the review queue's counts. */
  byStatus: z.partialRecord(z.enum(ORDER_STATUSES), z.number().int()),
  /** Orders made contracts (counted there, out of the queue). */
  contractOrders: z.number().int(),
  /** Waiting or confirmed orders not under a contract: what the tally counts. */
  orders: z.number().int(),
  pendingKg: kg,
  confirmedKg: kg,
  /** Counting orders whose weight is unknown. */
  unknownWeight: z.number().int(),
  /** Buyers with a counting order (their counts kept in keptBuyers, a few records per stream). */
  buyers: z.number().int(),
  byProduct: z.record(z.string(), productFiguresSchema),
  /** Contracts that are not cancelled. */
  contractedKg: kg,
  contracts: z.number().int(),
  /** Value of those contracts at their own prices (VND), part of the broadcast's value in all. */
  contractedVnd: z.number(),
});

export type StreamTally = z.infer<typeof streamTallySchema>;

/** A buyer's counting orders in one stream: the stream's buyer count moves when this crosses zero. */
export const streamBuyerSchema = z.object({ streamId: z.string(), authorKey: z.string(), counting: z.number().int() });
export type StreamBuyer = z.infer<typeof streamBuyerSchema>;

/** Kg are kept on a 1 g grid, so sums built in any order (a change, its undo, a recount) agree exactly. */
export const roundKg = (value: number) => Math.round(value * 1000) / 1000;

export const isCountingStatus = (status: OrderRecord['status']) => status === 'pending' || status === 'confirmed';

export function emptyStreamTally(streamId: string, platform: StreamTally['platform']): StreamTally {
  return {
    streamId,
    platform,
    byStatus: {},
    contractOrders: 0,
    orders: 0,
    pendingKg: 0,
    confirmedKg: 0,
    unknownWeight: 0,
    buyers: 0,
    byProduct: {},
    contractedKg: 0,
    contracts: 0,
    contractedVnd: 0,
  };
}

/**
 * Adds (sign 1) or takes away (sign -1) one order's part in its stream's figures. Returns the change to the
 * buyer's count of counting orders, which the caller keeps per buyer.
 */
export function addOrder(tally: StreamTally, order: OrderRecord, sign: 1 | -1): number {
  if (order.contractId) tally.contractOrders += sign;
  else tally.byStatus[order.status] = (tally.byStatus[order.status] ?? 0) + sign;
  if (!isCountingStatus(order.status)) return 0;
  // ?? []: orders stored by early versions (met in the upgrade) may lack lines
  for (const item of order.items ?? []) {
    if (!item.product || item.kg === null) continue;
    const figures = (tally.byProduct[item.product] ??= { pendingKg: 0, confirmedKg: 0, contractOrderKg: 0 });
    const field = order.contractId ? 'contractOrderKg' : order.status === 'pending' ? 'pendingKg' : 'confirmedKg';
    figures[field] = roundKg(figures[field] + sign * roundKg(item.kg));
  }
  if (order.contractId) return 0; // an order promoted to a contract counts there
  tally.orders += sign;
  if (order.totalKg === null) tally.unknownWeight += sign;
  const field = order.status === 'pending' ? 'pendingKg' : 'confirmedKg';
  tally[field] = roundKg(tally[field] + sign * roundKg(order.totalKg ?? 0));
  return sign;
}

export function addContract(tally: StreamTally, contract: ContractRecord, sign: 1 | -1): void {
  if (contract.status === 'cancelled') return;
  tally.contracts += sign;
  tally.contractedKg = roundKg(tally.contractedKg + sign * roundKg(contract.kg));
  // whole đồng, so a contract added and taken away leaves no trace
  tally.contractedVnd += sign * Math.round(roundKg(contract.kg) * (contract.pricePerKg ?? 0));
}

/** Drops products whose figures came back to zero, so a tally kept by changes equals one counted afresh. */
export function tidyStreamTally(tally: StreamTally): StreamTally {
  for (const [code, figures] of Object.entries(tally.byProduct)) {
    if (figures.pendingKg === 0 && figures.confirmedKg === 0 && figures.contractOrderKg === 0) delete tally.byProduct[code];
  }
  for (const status of ORDER_STATUSES) if (tally.byStatus[status] === 0) delete tally.byStatus[status];
  return tally;
}

/**
 * The figures of streams counted from all their orders and contracts, with the buyers behind the buyer
 * counts: the check the maintained figures must agree with (tests, the on-demand recount, the upgrade).
 */
export function recountStreams(orders: readonly OrderRecord[], contracts: readonly ContractRecord[] = []): { tallies: StreamTally[]; buyers: StreamBuyer[] } {
  const tallies = new Map<string, StreamTally>();
  const buyers = new Map<string, StreamBuyer>();
  const tallyOf = (streamId: string, platform: StreamTally['platform']) => {
    let tally = tallies.get(streamId);
    if (!tally) tallies.set(streamId, (tally = emptyStreamTally(streamId, platform)));
    return tally;
  };
  for (const order of orders) {
    const moved = addOrder(tallyOf(order.streamId, order.platform), order, 1);
    if (moved === 0) continue;
    const key = `${order.streamId}\u0000${order.authorKey}`;
    const buyer = buyers.get(key) ?? { streamId: order.streamId, authorKey: order.authorKey, counting: 0 };
    buyer.counting += moved;
    buyers.set(key, buyer);
  }
  for (const contract of contracts) {
    const platform = platformSchema.safeParse(contract.streamId.split(':')[0]);
    if (platform.success) addContract(tallyOf(contract.streamId, platform.data), contract, 1);
  }
  for (const buyer of buyers.values()) tallies.get(buyer.streamId)!.buyers += 1;
  return { tallies: [...tallies.values()].map(tidyStreamTally), buyers: [...buyers.values()] };
}

export const recountStreamTallies = (orders: readonly OrderRecord[], contracts: readonly ContractRecord[] = []) => recountStreams(orders, contracts).tallies;
