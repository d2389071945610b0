import type { PlatformAdapter, RowMessage } from '../platforms/adapter';
import type { ChatMessage, ChatWithdrawal, StreamClaim } from '../messaging/chat-message';
import type { ReaderHealth, SkipReason } from '../messaging/reader-health';
import { BoundedSet } from './bounded-set';
import { readerMessageId } from '../messaging/reader-ids';
import { Outbox, type SendBatch } from './outbox';
import { RowPlaces, contentKeyOf } from './row-places';
import { ARRIVALS_KEPT, DEFAULT_THRESHOLDS, warningsFor, type HealthThresholds, type RowOutcome } from './health-monitor';

export interface ChatReaderOptions {
  adapter: PlatformAdapter;
  document: Document;
  /** The page's URL now (sites change it without reloading). */
  url: () => string;
  /** The top page's URL when the chat is a frame of it, if known (YouTube names its video there). */
  pageUrl?: () => string | undefined;
  send: SendBatch;
  reportHealth?: (health: ReaderHealth) => void;
  flushDelayMs?: number;
  maxBatch?: number;
  /** How often to check that the chat list is still the one observed (sites replace it). */
  reattachCheckMs?: number;
  healthEveryMs?: number;
  thresholds?: Partial<HealthThresholds>;
  /** Rows not ready yet (content, id, "See more") are looked at again this often, this many times. */
  retryMs?: number;
  retries?: number;
  /**
   * Told which chat row is which message, each time a row is met, a re-rendered copy included: the on-air
   * badges follow rows by it.
   */
  onRow?: (row: Element, messageId: string) => void;
}

export interface ChatReader {
  health(): ReaderHealth;
  flush(): Promise<void>;
  stop(): void;
  /** Time spent reading rows on the main thread, for the benchmark. */
  busyMs(): number;
  /** The chat list it reads now, or null (for page samples). */
  list(): Element | null;
}

// Rows re-seen are the few hundred a chat keeps on screen; the background de-duplicates beyond that.
const SEEN_LIMIT = 5_000;
const OUTCOMES_KEPT = 50;

export function startChatReader(options: ChatReaderOptions): ChatReader {
  const { adapter, document } = options;
  const rowSelector = adapter.selectors.row.join(',');
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const startedAt = Date.now();
  // Sites without ids get ids unique to this page load: its rows are never shown again after a reload.
  const session = `${startedAt.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const seen = new BoundedSet<string>(SEEN_LIMIT);
  const readElements = new WeakSet<Element>();
  /**
   * What each read row showed (its id, or its content) and as which message: a row the site recycles for
   * another message shows something else; a gift combo counting up in place is the same gift.
   */
  const readAs = new WeakMap<Element, { identity: string; id: string; text: string }>();
  const identity = (message: RowMessage) => message.messageId ?? contentKeyOf('', message);
  const retried = new WeakMap<Element, number>();
  /** Rows given up on while not ready (e.g. a temporary id): read again when their id changes. */
  const gaveUp = new WeakMap<Element, SkipReason>();
  const withdrawn = new BoundedSet<string>(SEEN_LIMIT);
  const streamNow = () => adapter.streamOf(document, options.url(), startedAt, options.pageUrl?.());
  // Rows without ids: a row drawn again is told from a new comment by its place (see row-places.ts).
  const places = new RowPlaces({
    rowSelector,
    limit: SEEN_LIMIT,
    keyOf: (row) => {
      const reading = adapter.readRow(row);
      return reading.ok && !reading.message.messageId && stream ? contentKeyOf(stream.key, reading.message) : undefined;
    },
  });
  const skipped: Partial<Record<SkipReason, number>> = {};
  const outcomes: RowOutcome[] = [];
  /** When new rows arrived, one time per batch found together: the chat's pace, for the quiet-chat warning. */
  const arrivals: number[] = [];
  const noteArrival = (rowsBefore: number) => {
    if (counters.rowsSeen === rowsBefore) return;
    arrivals.push(Date.now());
    if (arrivals.length > ARRIVALS_KEPT) arrivals.shift();
  };
  const counters = { rowsSeen: 0, rowsSent: 0, rowsStored: 0, refused: 0, unmatchedSinceRow: 0, busyMs: 0, synthetic: 0 };
  let lastObservedAt = 0;
  let lastRowAt: number | null = null;
  let list: Element | null = null;
  let listSelector: string | null = null;
  let stream: StreamClaim | undefined;
  // Asked for every row: kept up to date by the event rather than read from the DOM each time.
  let hidden = document.visibilityState === 'hidden';
  const onVisibility = () => {
    hidden = document.visibilityState === 'hidden';
  };
  document.addEventListener('visibilitychange', onVisibility);

  const outbox = new Outbox({
    send: options.send,
    maxBatch: options.maxBatch ?? 200,
    // Short: a new order should be on the desk within half a second; rows arriving while a batch is on its
    // way go together in the next one, so a busy chat still makes few, larger batches.
    flushDelayMs: options.flushDelayMs ?? 100,
    maxRetryDelayMs: 10_000,
    onAck: (ack, sent) => {
      counters.rowsSent += sent;
      counters.rowsStored += ack.stored;
    },
    onRefused: (dropped) => {
      counters.refused += dropped;
    },
    sendAtOnce: () => hidden,
  });

  const note = (outcome: RowOutcome) => {
    outcomes.push(outcome);
    if (outcomes.length > OUTCOMES_KEPT) outcomes.shift();
  };

  const accept = (row: Element, message: RowMessage) => {
    if (!stream) return;
    let messageId = message.messageId;
    if (!messageId) {
      const key = contentKeyOf(stream.key, message);
      const place = places.place(row, key, retried.has(row));
      if (place.kind !== 'new') {
        // A row drawn again (the same message) or an old one coming back: not a new comment.
        skipped.repeat = (skipped.repeat ?? 0) + 1;
        readElements.add(row);
        if (place.kind === 'again') {
          readAs.set(row, { identity: identity(message), id: place.id, text: message.text });
          options.onRow?.(row, place.id);
        }
        return;
      }
      counters.synthetic += 1;
      messageId = readerMessageId(session, counters.synthetic);
      places.read(row, key, messageId);
    }
    options.onRow?.(row, messageId);
    readAs.set(row, { identity: identity(message), id: messageId, text: message.text });
    if (seen.has(messageId)) return;
    seen.add(messageId);
    readElements.add(row);
    // Strictly increasing, so rows seen in the same millisecond keep their chat order.
    lastObservedAt = Math.max(Date.now(), lastObservedAt + 1);
    counters.rowsSeen += 1;
    counters.unmatchedSinceRow = 0;
    lastRowAt = lastObservedAt;
    note('read');
    // The adapter made this object for this row: completed in place rather than copied.
    const complete = message as ChatMessage;
    complete.messageId = messageId;
    complete.observedAt = lastObservedAt;
    outbox.push(stream, complete);
  };

  const readRow = (row: Element) => {
    if (readElements.has(row)) return;
    const reading = adapter.readRow(row);
    stream ??= streamNow();
    // Without its stream yet (a chat frame still learning which page it is in), a row waits like one not ready.
    if (reading.ok && stream) return accept(row, reading.message);
    const attempts = retried.get(row) ?? 0;
    if ((reading.ok || reading.retry) && attempts < (options.retries ?? 3)) {
      retried.set(row, attempts + 1);
      setTimeout(() => {
        if (row.isConnected) readRow(row);
      }, options.retryMs ?? 800);
      return;
    }
    readElements.add(row);
    if (reading.ok) return;
    // Deleted before this page showed it (say, while it reloaded): it may have been read in an earlier load.
    if (reading.reason === 'deleted') withdraw(row);
    if (reading.retry) gaveUp.set(row, reading.reason);
    skipped[reading.reason] = (skipped[reading.reason] ?? 0) + 1;
    if (reading.reason === 'empty-author' || reading.reason === 'empty-text') note(reading.reason);
  };

  // Most changes are rows added to the list: the list's own answer (no row around it) is remembered.
  const rowOfTarget = new WeakMap<Node, Element | null>();
  const rowAround = (target: Node): Element | null => {
    let row = rowOfTarget.get(target);
    if (row === undefined) {
      const parent = target.nodeType === 1 ? (target as Element) : target.parentElement;
      row = parent?.closest(rowSelector) ?? null;
      rowOfTarget.set(target, row);
    }
    return row;
  };

  /**
   * A row changed inside: if it now shows another message (a recycled row), it is read again; a gift
   * whose combo counted up is sent again under its id with the new count.
   */
  const recheck = (row: Element) => {
    const was = readAs.get(row);
    if (was === undefined) return;
    const reading = adapter.readRow(row);
    if (!reading.ok) return;
    if (identity(reading.message) === was.identity) {
      if (reading.message.kind === 'gift' && reading.message.text !== was.text && stream) {
        readAs.set(row, { ...was, text: reading.message.text });
        outbox.push(stream, { ...reading.message, messageId: was.id, observedAt: Math.max(Date.now(), lastObservedAt + 1) });
      }
      return;
    }
    readElements.delete(row);
    readAs.delete(row);
    places.forget(row);
    accept(row, reading.message);
  };

  /** A row the site has withdrawn (a moderator's deletion): its order, if one was made, stops counting. */
  const withdraw = (row: Element) => {
    const messageId = adapter.withdrawnId?.(row);
    if (!stream || messageId === undefined || withdrawn.has(messageId)) return;
    withdrawn.add(messageId);
    const withdrawal: ChatWithdrawal = { platform: adapter.platform, messageId, kind: 'withdrawn', observedAt: Date.now() };
    outbox.push(stream, withdrawal);
  };

  /** A watched attribute changed on a row: a read row withdrawn by the site, or a row's id replaced. */
  const attributeChanged = (row: Element, attribute: string) => {
    if (readAs.has(row)) withdraw(row);
    else if (attribute === 'id') {
      // Not read yet (a temporary id, waiting or given up on): its real id has come, read it now.
      const reason = gaveUp.get(row);
      if (reason) {
        gaveUp.delete(row);
        readElements.delete(row);
        skipped[reason] = Math.max(0, (skipped[reason] ?? 0) - 1);
      }
      retried.delete(row);
      readRow(row);
    }
  };

  const readAddedNodes = (records: MutationRecord[]) => {
    const started = performance.now();
    const rowsBefore = counters.rowsSeen;
    stream = streamNow();
    const changedRows = new Set<Element>();
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target as Element;
        if (target.matches(rowSelector)) attributeChanged(target, record.attributeName!);
        continue;
      }
      const changed = rowAround(record.target);
      if (changed && readAs.has(changed)) changedRows.add(changed);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.matches(rowSelector)) readRow(element);
        else {
          const rows = element.querySelectorAll(rowSelector);
          if (rows.length === 0 && !element.closest(rowSelector)) counters.unmatchedSinceRow += 1;
          rows.forEach(readRow);
        }
      }
    }
    changedRows.forEach(recheck);
    noteArrival(rowsBefore);
    counters.busyMs += performance.now() - started;
  };

  const listObserver = new MutationObserver(readAddedNodes);

  const findList = (): { element: Element; selector: string } | undefined => {
    for (const selector of adapter.selectors.list) {
      const element = document.querySelector(selector);
      if (element) return { element, selector };
    }
    return undefined;
  };

  const attach = () => {
    const found = findList();
    if (found?.element === list && list?.isConnected) return;
    listObserver.disconnect();
    list = found?.element ?? null;
    listSelector = found?.selector ?? null;
    if (!found) return;
    // Rows may sit deeper than the list's children (TikTok, Facebook): watch the whole subtree.
    // Text changed in place too: a gift combo counts up in its row.
    listObserver.observe(found.element, {
      childList: true,
      subtree: true,
      characterData: true,
      ...(adapter.watchedAttributes ? { attributes: true, attributeFilter: [...adapter.watchedAttributes] } : {}),
    });
    stream = streamNow();
    const rowsBefore = counters.rowsSeen;
    found.element.querySelectorAll(rowSelector).forEach(readRow);
    noteArrival(rowsBefore);
  };

  // Until the list exists, watch the document for it; afterwards a cheap periodic check re-attaches.
  const documentObserver = new MutationObserver(() => {
    if (list) return;
    attach();
    if (list) documentObserver.disconnect();
  });
  attach();
  if (!list) documentObserver.observe(document, { childList: true, subtree: true });
  const reattachTimer = setInterval(attach, options.reattachCheckMs ?? 2000);

  const health = (): ReaderHealth => {
    const current = stream ?? streamNow();
    const attached = Boolean(list?.isConnected);
    return {
      platform: adapter.platform,
      streamKey: current?.key ?? null,
      title: current?.title ?? null,
      host: current?.host ?? null,
      attached,
      listSelector,
      rowsSeen: counters.rowsSeen,
      rowsSent: counters.rowsSent,
      rowsStored: counters.rowsStored,
      refused: counters.refused,
      pending: outbox.pending,
      skipped: { ...skipped },
      lastRowAt,
      warnings: warningsFor(
        adapter,
        document,
        { attached, startedAt, lastRowAt, unmatchedSinceRow: counters.unmatchedSinceRow, recentOutcomes: outcomes, arrivals },
        Date.now(),
        thresholds,
      ),
    };
  };
  const report = () => options.reportHealth?.(health());
  const healthTimer = options.reportHealth ? setInterval(report, options.healthEveryMs ?? 5000) : undefined;
  const firstReport = options.reportHealth ? setTimeout(report, 1000) : undefined; // the panel hears of a new tab at once

  return {
    health,
    flush: () => outbox.flush(),
    busyMs: () => counters.busyMs,
    list: () => (list?.isConnected ? list : null),
    stop: () => {
      listObserver.disconnect();
      documentObserver.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(reattachTimer);
      if (healthTimer) clearInterval(healthTimer);
      if (firstReport) clearTimeout(firstReport);
      outbox.stop();
    },
  };
}
