export { ORDER_STATUS_LABEL } from '../utils/i18n/status-labels';
export { describeItems } from '../utils/i18n/describe-items';

/** Offers text as a file download; the extension's pages make no request for it. */
export function downloadFile(name: string, content: string | Uint8Array<ArrayBuffer> | string[] | Blob, type: string): void {
  const link = document.createElement('a');
  // A list is the file in pieces (a large backup), joined by the Blob rather than into one string.
  link.href = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
