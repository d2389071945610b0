import { sumLines as total, type OrderLine } from './order-lines';
import { groupBy } from './group-by';

/** One buyer's packing slip: where it goes and what goes in the box. */
export interface PackingSlip {
  buyer: string;
  phone: string;
  address: string;
  lines: OrderLine[];
  kg: number;
  amount: number;
  /** Lines whose weight is not known (no catalog entry for the package). */
  unknownKg: number;
}

export interface ProductTotal {
  product: string;
  lines: number;
  kg: number;
  amount: number;
}

/** Slips per buyer (alphabetical in Vietnamese order) and totals per product, for the printed sheets. */
export function packingSlips(lines: readonly OrderLine[]): { slips: PackingSlip[]; products: ProductTotal[]; kg: number; amount: number } {
  const slips = [...groupBy(lines, (line) => line.buyer)]
    .map(([buyer, group]): PackingSlip => ({
      buyer,
      // The latest phone and address the buyer gave.
      phone: group.findLast((line) => line.phone)?.phone ?? '',
      address: group.findLast((line) => line.address)?.address ?? '',
      lines: group,
      kg: total(group, 'kg'),
      amount: total(group, 'amount'),
      unknownKg: group.filter((line) => line.kg === null).length,
    }))
    .sort((a, b) => a.buyer.localeCompare(b.buyer, 'vi'));
  const products = [...groupBy(lines, (line) => line.product)]
    .map(([product, group]) => ({ product, lines: group.length, kg: total(group, 'kg'), amount: total(group, 'amount') }))
    .sort((a, b) => b.kg - a.kg);
  return { slips, products, kg: total(lines, 'kg'), amount: total(lines, 'amount') };
}
