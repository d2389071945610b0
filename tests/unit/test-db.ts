import { ChotDatabase } from '../../utils/store/db';

let counter = 0;

/** A fresh database per test, on fake-indexeddb. */
export function freshDatabase(): ChotDatabase {
  counter += 1;
  return new ChotDatabase(`chot-test-${process.pid}-${counter}`);
}

export const T0 = 1_780_000_000_000;

export function chatRow(id: string, text: string, extra: Record<string, unknown> = {}) {
  return { platform: 'youtube', messageId: id, kind: 'chat', authorName: 'Lan', text, observedAt: T0 + Number(id.replace(/\D/g, '') || 0), ...extra };
}
