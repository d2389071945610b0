import type { PlatformAdapter } from '../platforms/adapter';
import type { ReaderWarning } from '../messaging/reader-health';

export interface HealthThresholds {
  /** No chat list this long after starting: the list selectors no longer match. */
  noListAfterMs: number;
  /** Elements keep arriving in the list but none is a row, for this long: the row selectors no longer match. */
  rowsNotReadAfterMs: number;
  unmatchedAdditions: number;
  /** Of the last `emptyWindow` rows, this many had an empty author or text. */
  emptyWindow: number;
  emptyLimit: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = { noListAfterMs: 10_000, rowsNotReadAfterMs: 15_000, unmatchedAdditions: 10, emptyWindow: 20, emptyLimit: 5 };

export type RowOutcome = 'read' | 'empty-author' | 'empty-text';

export interface ReadingState {
  attached: boolean;
  startedAt: number;
  lastRowAt: number | null;
  /** Elements added to the list since the last row was read that were not rows. */
  unmatchedSinceRow: number;
  recentOutcomes: readonly RowOutcome[];
}

/** Plain facts about what stopped working, for the side panel to put into words. */
export function warningsFor(adapter: PlatformAdapter, document: Document, state: ReadingState, now: number, limits: HealthThresholds): ReaderWarning[] {
  const warnings: ReaderWarning[] = [];
  if (!state.attached && now - state.startedAt >= limits.noListAfterMs) {
    warnings.push({ kind: 'no-chat-list', detail: adapter.selectors.list.join(' | ').slice(0, 300) });
  }
  const quietSince = state.lastRowAt ?? state.startedAt;
  if (state.attached && state.unmatchedSinceRow >= limits.unmatchedAdditions && now - quietSince >= limits.rowsNotReadAfterMs) {
    warnings.push({ kind: 'rows-not-read', detail: adapter.selectors.row.join(' | ').slice(0, 300) });
  }
  const recent = state.recentOutcomes.slice(-limits.emptyWindow);
  for (const field of ['author', 'text'] as const) {
    const empty = recent.filter((outcome) => outcome === `empty-${field}`).length;
    if (empty >= limits.emptyLimit) warnings.push({ kind: 'empty-fields', detail: `${field}: ${(adapter.selectors.fields[field] ?? []).join(' | ')}`.slice(0, 300) });
  }
  const filter = adapter.hiddenByFilter(document);
  if (filter) warnings.push({ kind: 'filtered-chat', detail: filter.slice(0, 300) });
  return warnings;
}
