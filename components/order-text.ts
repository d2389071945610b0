import type { OrderRecord } from '../utils/store/records';

export { ORDER_STATUS_LABEL } from '../utils/i18n/status-labels';

/** "2 thùng V1, 3 kg" — what an order asks for, numbers in the UI language. */
export function describeItems(order: Pick<OrderRecord, 'items'>, formatNumber: (value: number) => string): string {
  return order.items.map((item) => `${formatNumber(item.quantity)}${item.unit ? ` ${item.unit}` : ''}${item.product ? ` ${item.product}` : ''}`).join(', ');
}

/** Offers text as a file download; the extension's pages make no request for it. */
export function downloadFile(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
