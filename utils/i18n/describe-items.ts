import type { OrderRecord } from '../store/records';

/** "2 thùng V1, 3 kg" — what an order asks for, numbers in the UI language. */
export function describeItems(order: Pick<OrderRecord, 'items'>, formatNumber: (value: number) => string): string {
  return order.items.map((item) => `${formatNumber(item.quantity)}${item.unit ? ` ${item.unit}` : ''}${item.product ? ` ${item.product}` : ''}`).join(', ');
}

/** "208 kg", "4,752 tấn": weights in every view, in tonnes (to the kilogram) from a tonne up. */
export function describeWeight(kg: number, formatNumber: (value: number, maximumFractionDigits: number) => string, tonnesWord: string): string {
  return kg >= 1000 ? `${formatNumber(kg / 1000, 3)} ${tonnesWord}` : `${formatNumber(kg, 1)} kg`;
}

/** "2 thùng · 20 kg", "5 kg": what was read, with the weight when the units do not say it. */
export function describeWithKg(order: Pick<OrderRecord, 'items' | 'totalKg'>, formatNumber: (value: number) => string): string {
  const items = describeItems(order, formatNumber);
  const allKg = order.items.every((item) => item.unit === 'kg');
  return order.totalKg !== null && !allKg ? `${items} · ${formatNumber(order.totalKg)} kg` : items;
}
