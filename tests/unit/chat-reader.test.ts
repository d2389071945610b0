// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startChatReader, type ChatReader, type ChatReaderOptions } from '../../utils/chat-reader/chat-reader';
import { BoundedSet } from '../../utils/chat-reader/bounded-set';
import { RowPlaces } from '../../utils/chat-reader/row-places';
import { BatchRefusedError, Outbox, type SendBatch } from '../../utils/chat-reader/outbox';
import { readIngestReply } from '../../utils/messaging/ingest-reply';
import { failureReply } from '../../utils/messaging/background-router';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import type { ChatEntry, ChatMessage, IngestAck, StreamClaim } from '../../utils/messaging/chat-message';
import { loadYoutubeChatFixture } from './dom-fixture';
import { eventually } from './eventually';

const ack = (n: number): IngestAck => ({ ok: true, stored: n, duplicates: 0, invalid: 0 });
let reader: ChatReader | undefined;
afterEach(() => reader?.stop());

const CHAT_URL = 'https://www.youtube.com/live_chat?v=readerTest1';

function start(send: SendBatch, extra: Partial<ChatReaderOptions> = {}) {
  reader = startChatReader({ adapter: youtubeAdapter, document, url: () => CHAT_URL, send, flushDelayMs: 10, reattachCheckMs: 20, retryMs: 200, ...extra });
  return reader;
}

function recordingSend() {
  const sent: ChatMessage[] = [];
  const withdrawn: string[] = [];
  const streams: StreamClaim[] = [];
  const send = vi.fn(async (stream: StreamClaim, messages: ChatEntry[]) => {
    streams.push(stream);
    for (const message of messages) {
      if (message.kind === 'withdrawn') withdrawn.push(message.messageId);
      else sent.push(message);
    }
    return ack(messages.length);
  });
  return { sent, withdrawn, send, streams };
}

const ids = (messages: ChatEntry[]) => messages.map((m) => m.messageId);

describe('chat reader: YouTube deletions and temporary ids', () => {
  const REAL = 'ChwKGkNMdmFpVGhpZXVMdWNOZ2FuMDAwMDAwMDAx';
  const TEMP = 'CMvaiLucNgan0sent0001xyz0';

  it('sends a withdrawal when a row it read is deleted by a moderator, once', async () => {
    const chat = loadYoutubeChatFixture([
      { id: REAL, author: 'Lan', text: 'chốt 2kg' },
      { id: 'x2', author: 'B', text: 'chốt 1kg' },
    ]);
    const { sent, withdrawn, send } = recordingSend();
    start(send);
    await eventually(() => expect(ids(sent)).toEqual([REAL, 'x2']));
    chat.markDeleted(REAL);
    await eventually(() => expect(withdrawn).toEqual([REAL]));
    chat.rerender(); // the deleted row comes back as a new element: neither read nor withdrawn again
    chat.add({ id: 'x3', author: 'C', text: 'chốt 3kg' });
    await eventually(() => expect(ids(sent)).toEqual([REAL, 'x2', 'x3']));
    expect(withdrawn).toEqual([REAL]);
  });

  it('withdraws a row shown already deleted (deleted while the page reloaded), without reading it', async () => {
    loadYoutubeChatFixture([
      { id: REAL, author: 'Lan', text: 'chốt 2kg', deleted: true },
      { id: 'x2', author: 'B', text: 'chốt 1kg' },
    ]);
    const { sent, withdrawn, send } = recordingSend();
    start(send);
    await eventually(() => expect(withdrawn).toEqual([REAL]));
    expect(ids(sent)).toEqual(['x2']);
  });

  it("reads a message sent from this browser once, under YouTube's id, however late the id comes", async () => {
    const chat = loadYoutubeChatFixture([{ id: TEMP, author: 'Chủ vườn', text: 'chốt 2kg' }]);
    const { sent, send } = recordingSend();
    start(send, { retryMs: 20, retries: 2 });
    await new Promise((resolve) => setTimeout(resolve, 150)); // retries exhausted
    expect(sent).toEqual([]);
    chat.confirmSent(TEMP, REAL);
    await eventually(() => expect(ids(sent)).toEqual([REAL]));
    chat.rerender();
    chat.add({ id: 'x9', author: 'D', text: 'hi' });
    await eventually(() => expect(ids(sent)).toEqual([REAL, 'x9']));
    expect(reader!.health().skipped['pending-id'] ?? 0).toBe(0);
  });

  it("reads a temporary row re-rendered with YouTube's id once", async () => {
    const chat = loadYoutubeChatFixture([{ id: TEMP, author: 'Chủ vườn', text: 'chốt 2kg' }]);
    const { sent, send } = recordingSend();
    start(send);
    chat.remove(TEMP);
    chat.add({ id: REAL, author: 'Chủ vườn', text: 'chốt 2kg' });
    await eventually(() => expect(ids(sent)).toEqual([REAL]));
  });
});

describe('chat reader', () => {
  it('reads the rows on screen, then rows added later, in chat order', async () => {
    const chat = loadYoutubeChatFixture([
      { id: 'a', author: 'A', text: 'chốt 1kg' },
      { id: 'b', author: 'B', text: 'xin chào' },
    ]);
    const { sent, send, streams } = recordingSend();
    start(send);
    chat.add([
      { id: 'c', author: 'C', text: 'lấy 2kg' },
      { id: 'd', author: 'D', text: 'chốt 3kg', amount: '₫20.000' },
    ]);
    await eventually(() => expect(ids(sent)).toEqual(['a', 'b', 'c', 'd']));
    expect(streams.every((stream) => stream.platform === 'youtube' && stream.key === 'readerTest1')).toBe(true);
    const times = sent.map((m) => m.observedAt);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(new Set(times).size).toBe(4);
    expect(reader!.health()).toMatchObject({ attached: true, rowsSeen: 4, rowsSent: 4, rowsStored: 4, pending: 0 });
  });

  it('reads a row again when the site reuses its element for another message, and tells which row is which', async () => {
    const chat = loadYoutubeChatFixture([
      { id: 'a', author: 'A', text: 'chốt 1kg' },
      { id: 'b', author: 'B', text: 'chào shop' },
    ]);
    const { sent, send } = recordingSend();
    const rowsSeen: string[] = [];
    start(send, { onRow: (row, messageId) => rowsSeen.push(`${row.id}=${messageId}`) });
    await eventually(() => expect(ids(sent)).toEqual(['a', 'b']));
    chat.recycle('a', { id: 'c', author: 'C', text: 'lấy 4kg' });
    await eventually(() => expect(ids(sent)).toEqual(['a', 'b', 'c']));
    expect(sent.at(-1)).toMatchObject({ authorName: 'C', text: 'lấy 4kg' });
    expect(rowsSeen).toEqual(['a=a', 'b=b', 'c=c']);
    // a change inside a row that keeps its message (an edit of its decoration) is not a new message
    document.getElementById('b')!.querySelector('#message')!.append(document.createElement('span'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ids(sent)).toEqual(['a', 'b', 'c']);
  });

  it('does not send a row again when the site re-renders it or replaces the list', async () => {
    const chat = loadYoutubeChatFixture([{ id: 'a', author: 'A', text: 'chốt 1kg' }]);
    const { sent, send } = recordingSend();
    start(send);
    await eventually(() => expect(ids(sent)).toEqual(['a']));
    chat.remove('a');
    chat.add({ id: 'a', author: 'A', text: 'chốt 1kg' });
    chat.replaceList();
    chat.add([
      { id: 'a', author: 'A', text: 'chốt 1kg' },
      { id: 'b', author: 'B', text: 'chốt 2kg' },
    ]);
    await eventually(() => expect(ids(sent)).toEqual(['a', 'b']));
  });

  it('waits for the chat list when the page builds it late', async () => {
    document.body.innerHTML = '<div id="loading"></div>';
    const { sent, send } = recordingSend();
    start(send);
    expect(reader!.health().attached).toBe(false);
    loadYoutubeChatFixture([{ id: 'late', author: 'A', text: 'chốt 1kg' }]);
    await eventually(() => expect(ids(sent)).toEqual(['late']));
  });

  it('keeps messages until the background acknowledges them', async () => {
    const chat = loadYoutubeChatFixture([]);
    const delivered: ChatEntry[] = [];
    let failuresLeft = 2;
    const send = vi.fn(async (_stream: StreamClaim, messages: ChatEntry[]) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      delivered.push(...messages);
      return ack(messages.length);
    });
    start(send);
    chat.add([
      { id: 'x1', author: 'A', text: 'chốt 1kg' },
      { id: 'x2', author: 'B', text: 'chốt 2kg' },
    ]);
    await eventually(() => expect(ids(delivered)).toEqual(['x1', 'x2']));
    expect(send.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(reader!.health().pending).toBe(0);
  });

  it('looks again at a row whose content arrives late, and counts rows that stay empty', async () => {
    const chat = loadYoutubeChatFixture([]);
    const { sent, send } = recordingSend();
    start(send);
    chat.add([
      { id: 'slow', author: 'A', text: ' ' },
      { id: 'empty', author: 'B', text: ' ' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the reader has seen both rows empty
    expect(sent).toEqual([]);
    document.querySelector('#slow #message')!.textContent = 'chốt 4kg';
    await eventually(() => expect(ids(sent)).toEqual(['slow']));
    // the empty row was looked at again (three times) before it was counted
    await eventually(() => expect(reader!.health().skipped).toEqual({ 'empty-text': 1 }));
  });
});

describe('RowPlaces', () => {
  const rowList = (count: number, start = 0) => {
    document.body.innerHTML = `<div id="list">${Array.from({ length: count }, (_, i) => `<p class="row" data-index="${start + i}">${start + i}</p>`).join('')}</div>`;
    return [...document.querySelectorAll('.row')];
  };

  it('remembers a bounded number of rows however long the chat', () => {
    const places = new RowPlaces({ rowSelector: '.row', limit: 100, keyOf: () => undefined });
    rowList(1000).forEach((row, i) => {
      expect(places.place(row, `k${i}`)).toEqual({ kind: 'new' });
      places.read(row, `k${i}`, `id${i}`);
    });
    expect(places.size).toBeLessThanOrEqual(125);
    // a recent row drawn again is still known by its index and content
    const again = rowList(1, 990)[0]!;
    expect(places.place(again, 'k990')).toEqual({ kind: 'again', id: 'id990' });
  });

  it('knows a row drawn again by its index even with other rows in between, and a new index as new', () => {
    const places = new RowPlaces({ rowSelector: '.row', limit: 100, keyOf: () => undefined });
    rowList(3).forEach((row, i) => places.read(row, `k${i}`, `id${i}`));
    const [, second] = rowList(3);
    expect(places.place(second!, 'k1')).toEqual({ kind: 'again', id: 'id1' });
    const next = rowList(1, 3)[0]!;
    expect(places.place(next, 'k1')).toEqual({ kind: 'new' });
  });
});

describe('BoundedSet', () => {
  it('forgets the oldest entries past its limit', () => {
    const set = new BoundedSet<number>(3);
    [1, 2, 3, 4].forEach((n) => set.add(n));
    expect(set.size).toBe(3);
    expect(set.has(1)).toBe(false);
    expect(set.has(4)).toBe(true);
  });
});

describe('chat reader: refusals', () => {
  it('drops a batch the background refuses instead of sending it forever, and counts it', async () => {
    const chat = loadYoutubeChatFixture([]);
    const send = vi.fn(async (_stream: StreamClaim, messages: ChatEntry[]) => {
      if (messages.some((m) => m.messageId === 'bad')) throw new BatchRefusedError('not a supported live chat page');
      return ack(messages.length);
    });
    start(send);
    chat.add({ id: 'bad', author: 'A', text: 'chốt 1kg' });
    await eventually(() => expect(reader!.health()).toMatchObject({ refused: 1, pending: 0 }));
    chat.add({ id: 'good', author: 'B', text: 'chốt 2kg' });
    await eventually(() => expect(reader!.health()).toMatchObject({ rowsSent: 1, pending: 0 }));
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('readIngestReply', () => {
  it('tells an acknowledgement, a refusal and a missing reply apart', () => {
    // a failure inside the background is not a refusal: the batch stays in the outbox and is sent again
    expect(readIngestReply(failureReply(new Error('QuotaExceededError: the disk is full')))).toEqual({
      ok: false,
      refused: false,
      reason: 'QuotaExceededError: the disk is full',
    });
    expect(readIngestReply({ ok: false, error: 'not a supported live chat page' })).toMatchObject({ ok: false, refused: true });
    expect(readIngestReply({ ok: true, stored: 1, duplicates: 0, invalid: 0 })).toEqual({ ok: true, ack: { ok: true, stored: 1, duplicates: 0, invalid: 0 } });
    expect(readIngestReply({ ok: false, error: 'nope' })).toEqual({ ok: false, refused: true, reason: 'nope' });
    expect(readIngestReply(undefined)).toEqual({ ok: false, refused: false, reason: 'no usable reply from the background' });
  });
});

describe('chat reader in a background tab', () => {
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('sends every row without waiting on timers, which a hidden tab throttles', async () => {
    const chat = loadYoutubeChatFixture([]);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const { sent, send } = recordingSend();
    start(send, { flushDelayMs: 60_000 });
    vi.useFakeTimers(); // from here no timer fires unless the test advances the clock
    for (let i = 0; i < 5; i += 1) {
      chat.add({ id: `bg${i}`, author: 'A', text: `chốt ${i + 1}kg` });
      await Promise.resolve(); // the mutation observer runs as a microtask
      await vi.advanceTimersByTimeAsync(0); // let the send promise settle, no time passes
    }
    expect(ids(sent)).toEqual(['bg0', 'bg1', 'bg2', 'bg3', 'bg4']);
  });
});

describe('Outbox', () => {
  const stream = { platform: 'youtube' as const, key: 'outboxTest' };
  const message = (id: string) => ({
    platform: 'youtube' as const,
    messageId: id,
    kind: 'chat' as const,
    authorName: 'A',
    text: 'x',
    observedAt: 1_780_000_000_000,
  });

  it('does not strand a message pushed while the last batch is being acknowledged', async () => {
    const delivered: string[] = [];
    const outbox: Outbox = new Outbox({
      maxBatch: 10,
      flushDelayMs: 0,
      maxRetryDelayMs: 1000,
      send: async (_stream, messages) => {
        delivered.push(...messages.map((m) => m.messageId));
        return ack(messages.length);
      },
      // the chat observer runs between the acknowledgement and the end of the outbox's round
      onAck: () => {
        if (delivered.length === 1) queueMicrotask(() => outbox.push(stream, message('b')));
      },
    });
    outbox.push(stream, message('a'));
    await eventually(() => expect(delivered).toEqual(['a', 'b']));
    expect(outbox.pending).toBe(0);
    outbox.stop();
  });

  it('sends a row at most one delay after the last send, not a whole delay after the row came', async () => {
    vi.useFakeTimers();
    try {
      const sentAt: number[] = [];
      const started = Date.now();
      const outbox = new Outbox({
        maxBatch: 10,
        flushDelayMs: 100,
        maxRetryDelayMs: 1000,
        send: async (_stream, messages) => {
          sentAt.push(Date.now() - started);
          return ack(messages.length);
        },
      });
      outbox.push(stream, message('a')); // nothing sent for a while: at once
      await vi.advanceTimersByTimeAsync(90);
      outbox.push(stream, message('b')); // 90 ms after the last send: goes 10 ms later, not 100
      await vi.advanceTimersByTimeAsync(200);
      expect(sentAt).toEqual([0, 100]);
      outbox.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
