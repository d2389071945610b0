import type { Transaction } from 'dexie';

/**
 * Aborts a transaction given up for more urgent work (a read for the page's decision, an apply for the
 * desk's). One already committing stands: its answer, or its writes, are kept.
 */
export function giveUp(transaction: Transaction): void {
  try {
    transaction.abort();
  } catch {
    // already committing
  }
}
