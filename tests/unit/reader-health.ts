import type { ReaderHealth } from '../../utils/messaging/reader-health';

/** A chat page's health report as a reader attached to its list sends it, with what a test changes. */
export function readerHealth(changes: Partial<ReaderHealth> = {}): ReaderHealth {
  return {
    platform: 'youtube',
    streamKey: 'vid12345',
    title: null,
    host: null,
    attached: true,
    listSelector: '#items',
    rowsSeen: 1,
    rowsSent: 1,
    rowsStored: 1,
    refused: 0,
    pending: 0,
    skipped: {},
    lastRowAt: null,
    warnings: [],
    ...changes,
  };
}
