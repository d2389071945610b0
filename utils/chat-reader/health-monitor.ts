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
  /** A chat is quiet after this many of its typical gaps between rows without a row... */
  quietGaps: number;
  /** ...but never sooner than this (a pause in a busy chat) nor later than this (a slow chat). */
  quietMinMs: number;
  quietMaxMs: number;
  /** Gaps needed before the pace is known; with fewer nothing is said. */
  quietMinGapCount: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  noListAfterMs: 10_000,
  rowsNotReadAfterMs: 15_000,
  unmatchedAdditions: 10,
  emptyWindow: 20,
  emptyLimit: 5,
  quietGaps: 10,
  quietMinMs: 30_000,
  quietMaxMs: 15 * 60_000,
  quietMinGapCount: 3,
};

/** How many arrival times the reader keeps to know the chat's pace. */
export const ARRIVALS_KEPT = 12;

export type RowOutcome = 'read' | 'empty-author' | 'empty-text';

export interface ReadingState {
  attached: boolean;
  startedAt: number;
  lastRowAt: number | null;
  /** Elements added to the list since the last row was read that were not rows. */
  unmatchedSinceRow: number;
  recentOutcomes: readonly RowOutcome[];
  /** When new rows arrived (one time per batch of rows found together), oldest first, the last few. */
  arrivals: readonly number[];
}

/**
 * How long a silence this chat's recent pace explains: `quietGaps` times the median gap between arrivals,
 * kept between `quietMinMs` and `quietMaxMs`. The median, so one earlier pause does not make a busy chat look
 * slow. Undefined while too few rows have arrived to know the pace.
 */
export function quietAfterMs(arrivals: readonly number[], limits: HealthThresholds): number | undefined {
  const gaps = arrivals
    .slice(1)
    .map((time, i) => time - arrivals[i]!)
    .sort((a, b) => a - b);
  if (gaps.length < limits.quietMinGapCount) return undefined;
  const middle = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
  return Math.min(limits.quietMaxMs, Math.max(limits.quietMinMs, median * limits.quietGaps));
}

function firstMatch(document: Document, selectors: readonly string[] | undefined): string | undefined {
  return selectors?.find((selector) => document.querySelector(selector) !== null);
}

/** Plain facts about what stopped working, for the side panel to put into words. */
export function warningsFor(adapter: PlatformAdapter, document: Document, state: ReadingState, now: number, limits: HealthThresholds): ReaderWarning[] {
  const warnings: ReaderWarning[] = [];
  // A row read late (looked at again) counts as news too.
  const lastArrival = state.arrivals.length > 0 ? Math.max(state.arrivals.at(-1)!, state.lastRowAt ?? 0) : undefined;
  const quietAfter = quietAfterMs(state.arrivals, limits);
  const quiet = state.attached && lastArrival !== undefined && quietAfter !== undefined && now - lastArrival >= quietAfter;
  const nothingYet = state.lastRowAt === null && now - state.startedAt >= limits.noListAfterMs;
  // A closed chat or a login wall explains a silence; while rows flow, the sign alone is not a problem.
  const notices = adapter.selectors.notices;
  const closed = quiet || nothingYet ? firstMatch(document, notices?.closed) : undefined;
  const login = (quiet || nothingYet) && !closed ? firstMatch(document, notices?.login) : undefined;
  if (closed) warnings.push({ kind: 'chat-closed', detail: closed.slice(0, 300) });
  else if (login) warnings.push({ kind: 'login-needed', detail: login.slice(0, 300) });
  else if (quiet) warnings.push({ kind: 'quiet-chat', detail: String(Math.round((now - lastArrival!) / 1000)) });
  if (!state.attached && now - state.startedAt >= limits.noListAfterMs && !closed && !login) {
    warnings.push({ kind: 'no-chat-list', detail: adapter.selectors.list.join(' | ').slice(0, 300) });
  }
  const quietSince = state.lastRowAt ?? state.startedAt;
  if (state.attached && state.unmatchedSinceRow >= limits.unmatchedAdditions && now - quietSince >= limits.rowsNotReadAfterMs) {
    warnings.push({ kind: 'rows-not-read', detail: adapter.selectors.row.join(' | ').slice(0, 300) });
  }
  const recent = state.recentOutcomes.slice(-limits.emptyWindow);
  for (const field of ['author', 'text'] as const) {
    const empty = recent.filter((outcome) => outcome === `empty-${field}`).length;
    if (empty >= limits.emptyLimit)
      warnings.push({ kind: 'empty-fields', detail: `${field}: ${(adapter.selectors.fields[field] ?? []).join(' | ')}`.slice(0, 300) });
  }
  const filter = adapter.hiddenByFilter(document);
  if (filter) warnings.push({ kind: 'filtered-chat', detail: filter.slice(0, 300) });
  return warnings;
}
