import type { PlatformAdapter, SkipReason } from '../platforms/adapter';
import type { ChatMessage } from '../messaging/chat-message';
import { queryFirst } from '../platforms/dom-text';
import { BoundedSet } from './bounded-set';
import { Outbox, type SendBatch } from './outbox';

export interface ReaderHealth {
  attached: boolean;
  rowsSeen: number;
  rowsSent: number;
  rowsStored: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** Rows the background refused, with its last reason. */
  refused: number;
  lastRefusal: string | null;
  lastRowAt: number | null;
  pending: number;
}

export interface ChatReaderOptions {
  adapter: PlatformAdapter;
  document: Document;
  send: SendBatch;
  flushDelayMs?: number;
  maxBatch?: number;
  /** How often to check that the chat list is still the one observed (sites replace it). */
  reattachCheckMs?: number;
}

export interface ChatReader {
  health(): ReaderHealth;
  flush(): Promise<void>;
  stop(): void;
}

const SEEN_LIMIT = 20_000;
// Rows are sometimes inserted before their content is filled in: look again before calling them empty.
const INCOMPLETE_RECHECK_MS = 800;

export function startChatReader(options: ChatReaderOptions): ChatReader {
  const { adapter, document } = options;
  const rowSelector = adapter.selectors.row.join(',');
  const seen = new BoundedSet<string>(SEEN_LIMIT);
  const rechecked = new WeakSet<Element>();
  const health: ReaderHealth = { attached: false, rowsSeen: 0, rowsSent: 0, rowsStored: 0, skipped: {}, refused: 0, lastRefusal: null, lastRowAt: null, pending: 0 };
  let lastObservedAt = 0;
  let list: Element | null = null;

  const outbox = new Outbox({
    send: options.send,
    maxBatch: options.maxBatch ?? 200,
    flushDelayMs: options.flushDelayMs ?? 250,
    maxRetryDelayMs: 10_000,
    onAck: (ack, sent) => {
      health.rowsSent += sent;
      health.rowsStored += ack.stored;
    },
    onRefused: (dropped, reason) => {
      health.refused += dropped;
      health.lastRefusal = reason;
    },
  });

  const skip = (reason: SkipReason) => {
    health.skipped[reason] = (health.skipped[reason] ?? 0) + 1;
  };

  const readRow = (row: Element) => {
    const reading = adapter.readRow(row);
    if (!reading.ok) {
      if ((reading.reason === 'empty-author' || reading.reason === 'empty-text') && !rechecked.has(row)) {
        rechecked.add(row);
        setTimeout(() => row.isConnected && readRow(row), INCOMPLETE_RECHECK_MS);
        return;
      }
      skip(reading.reason);
      return;
    }
    const key = reading.message.messageId;
    if (seen.has(key)) return;
    seen.add(key);
    // Strictly increasing, so rows seen in the same millisecond keep their chat order.
    lastObservedAt = Math.max(Date.now(), lastObservedAt + 1);
    const message: ChatMessage = { ...reading.message, observedAt: lastObservedAt };
    health.rowsSeen += 1;
    health.lastRowAt = lastObservedAt;
    outbox.push(message);
  };

  const readAddedNodes = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.matches(rowSelector)) readRow(element);
        else element.querySelectorAll(rowSelector).forEach(readRow);
      }
    }
  };

  const listObserver = new MutationObserver(readAddedNodes);

  const attach = () => {
    const found = queryFirst(document, adapter.selectors.list);
    if (found === list && list?.isConnected) return;
    listObserver.disconnect();
    list = found;
    health.attached = Boolean(found);
    if (!found) return;
    listObserver.observe(found, { childList: true });
    found.querySelectorAll(rowSelector).forEach(readRow);
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

  return {
    health: () => ({ ...health, skipped: { ...health.skipped }, pending: outbox.pending }),
    flush: () => outbox.flush(),
    stop: () => {
      listObserver.disconnect();
      documentObserver.disconnect();
      clearInterval(reattachTimer);
      outbox.stop();
    },
  };
}
