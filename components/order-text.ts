
export { ORDER_STATUS_LABEL } from '../utils/i18n/status-labels';
export { describeItems } from '../utils/i18n/describe-items';

/** Offers text as a file download; the extension's pages make no request for it. */
export function downloadFile(name: string, content: string | Uint8Array<ArrayBuffer> | Blob, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
