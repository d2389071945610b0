// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startChatReader, type ChatReader, type ChatReaderOptions } from '../../utils/chat-reader/chat-reader';
import { tiktokAdapter } from '../../utils/platforms/tiktok';
import { facebookAdapter } from '../../utils/platforms/facebook';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import type { ChatMessage, StreamClaim } from '../../utils/messaging/chat-message';
import type { ReaderHealth } from '../../utils/messaging/reader-health';
import { loadChatFixture } from './dom-fixture';
import { eventually } from './eventually';

let reader: ChatReader | undefined;
afterEach(() => reader?.stop());

function run({ url: startUrl, ...options }: Pick<ChatReaderOptions, 'adapter'> & Partial<Omit<ChatReaderOptions, 'url'>> & { url: string }) {
  const batches: { stream: StreamClaim; messages: ChatMessage[] }[] = [];
  const reports: ReaderHealth[] = [];
  let url = startUrl;
  reader = startChatReader({
    document,
    flushDelayMs: 10,
    reattachCheckMs: 20,
    retryMs: 50,
    healthEveryMs: 50,
    send: async (stream, messages) => {
      batches.push({ stream, messages: messages as ChatMessage[] }); // no withdrawals on these sites
      return { ok: true, stored: messages.length, duplicates: 0, invalid: 0 };
    },
    reportHealth: (health) => reports.push(health),
    ...options,
    url: () => url,
  });
  return {
    batches,
    reports,
    sent: () => batches.flatMap((b) => b.messages),
    setUrl: (next: string) => {
      url = next;
    },
  };
}

describe('chat reader on TikTok (no message ids)', () => {
  const LIVE = 'https://www.tiktok.com/@vuonvaibacgiang/live';
  const texts = (messages: ChatMessage[]) => messages.map((m) => `${m.authorName}: ${m.text}`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
  // The reader must not tell a rebuilt list by the clock: the tests move it far on between steps.
  let clock = Date.now();
  const later = (ms: number) => {
    clock += ms;
    vi.setSystemTime(clock);
  };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clock = Date.now();
  });
  afterEach(() => vi.useRealTimers());

  it('gives rows ids of its own and does not resend rows TikTok re-renders', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }]);
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE });
    chat.add([
      { author: 'Minh', text: 'lấy 3kg' },
      { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 1, text: '' },
      { author: 'Ai đó', kind: 'system', text: 'đã tham gia' },
    ]);
    await eventually(() =>
      expect(sent().map((m) => [m.authorName, m.kind])).toEqual([
        ['Lan', 'chat'],
        ['Minh', 'chat'],
        ['Hùng', 'gift'],
      ]),
    );
    const ids = sent().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(3);
    chat.rerender();
    await settle();
    expect(sent()).toHaveLength(3);
    // each system row element is counted once: the re-rendered one is a new element
    expect(reader!.health().skipped).toEqual({ repeat: 3, system: 2 });
  });

  it.each([
    ['the 2025–2026 room (data-index rows)', 'live'],
    ['the 2024–2025 room (no index)', 'live-classic'],
  ])("in %s, a list rebuilt 20 s later is not read again, while a buyer's same words a minute later count", async (_, page) => {
    const chat = loadChatFixture(
      'tiktok',
      [
        { author: 'Lan', text: 'chốt 1kg' },
        { author: 'Minh', text: 'lấy 3kg' },
        { author: 'Lan', text: 'chốt 1kg' },
      ],
      page,
    );
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE });
    chat.add({ author: 'Hà', text: 'xí 2 ký' });
    // the same words twice on screen are two comments
    await eventually(() => expect(texts(sent())).toEqual(['Lan: chốt 1kg', 'Minh: lấy 3kg', 'Lan: chốt 1kg', 'Hà: xí 2 ký']));
    later(20_000);
    chat.rebuild();
    await settle();
    later(20_000);
    chat.rebuild(2);
    await settle();
    expect(sent()).toHaveLength(4);
    later(20_000);
    chat.add({ author: 'Lan', text: 'chốt 1kg' });
    await eventually(() => expect(sent()).toHaveLength(5));
    later(5_000);
    chat.rebuild();
    chat.add({ author: 'Tú', text: 'lấy 5kg' });
    await eventually(() => expect(texts(sent()).slice(4)).toEqual(['Lan: chốt 1kg', 'Tú: lấy 5kg']));
    await settle();
    expect(sent()).toHaveLength(6);
    expect(reader!.health().rowsSeen).toBe(6);
  });

  it('does not read old rows again when they come back above the rows already read', async () => {
    const chat = loadChatFixture(
      'tiktok',
      [
        { author: 'Lan', text: 'chốt 1kg' },
        { author: 'Minh', text: 'lấy 3kg' },
        { author: 'Hà', text: 'xí 2 ký' },
      ],
      'live-classic',
    );
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE });
    await eventually(() => expect(sent()).toHaveLength(3));
    // the first two scroll out of the window and back in as new elements, above the one still there
    const list = document.querySelector('[data-fixture-list]')!;
    const [first, second] = [...list.children];
    const copies = [first!.cloneNode(true), second!.cloneNode(true)];
    first!.remove();
    second!.remove();
    later(60_000);
    list.prepend(...copies);
    // and a row never read (older than the reader) shows up above them too
    const older = copies[0]!.cloneNode(true) as Element;
    older.querySelector('[class*="DivComment"]')!.textContent = 'chốt 9kg';
    list.prepend(older);
    await settle();
    expect(texts(sent())).toEqual(['Lan: chốt 1kg', 'Minh: lấy 3kg', 'Hà: xí 2 ký']);
    chat.add({ author: 'Minh', text: 'lấy 3kg' });
    await eventually(() => expect(sent()).toHaveLength(4));
  });

  it('tells which row is which message after a rebuild, for the on-air badges', async () => {
    const chat = loadChatFixture('tiktok', [
      { author: 'Lan', text: 'chốt 1kg' },
      { author: 'Minh', text: 'lấy 3kg' },
    ]);
    const seen: [string, string][] = [];
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE, onRow: (row, id) => seen.push([row.textContent ?? '', id]) });
    await eventually(() => expect(sent()).toHaveLength(2));
    chat.rebuild();
    await eventually(() => expect(seen).toHaveLength(4));
    const [lan, minh] = sent().map((m) => m.messageId);
    expect(seen.map(([, id]) => id)).toEqual([lan, minh, lan, minh]);
  });

  it('keeps a gift combo counting up in place as one gift, sent again with its count', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Hùng', kind: 'gift', gift: 'Rose', count: 1, text: '' }]);
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE });
    await eventually(() => expect(sent()).toHaveLength(1));
    for (const count of [2, 3, 4, 5]) chat.combo('Hùng', count);
    await eventually(() => expect(sent().at(-1)).toMatchObject({ kind: 'gift', text: 'gift ×5' }));
    later(30_000);
    chat.rebuild();
    await settle();
    expect(new Set(sent().map((m) => m.messageId)).size).toBe(1);
    expect(reader!.health().rowsSeen).toBe(1);
  });

  it("reads LIVE Center's chat for the host named in the page", async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }], 'livecenter');
    const { batches } = run({ adapter: tiktokAdapter, url: 'https://livecenter.tiktok.com/common_live_chat?lang=vi-VN' });
    chat.add({ author: 'Minh', text: 'lấy 1 yến' });
    await eventually(() => expect(batches.flatMap((b) => texts(b.messages))).toEqual(['Lan: chốt 2kg', 'Minh: lấy 1 yến']));
    expect(batches.every((b) => b.stream.key.startsWith('@vuonvaibacgiang/'))).toBe(true);
  });

  it('starts a new stream when the room moves on to another creator, and never mixes them', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }]);
    const { batches, setUrl } = run({ adapter: tiktokAdapter, url: LIVE });
    await eventually(() => expect(batches).toHaveLength(1));
    chat.switchHost('nongsanhaiduong', 'Nông Sản Hải Dương', 'Vải sớm Thanh Hà');
    setUrl('https://www.tiktok.com/@nongsanhaiduong/live');
    chat.add([
      { author: 'Tú', text: 'lấy 5 ký' },
      { author: 'Lan', text: 'chốt 2kg' },
    ]);
    await eventually(() => expect(batches.flatMap((b) => b.messages)).toHaveLength(3));
    const byStream = batches.map((b) => [b.stream.key.split('/')[0], b.stream.host, b.messages.map((m) => m.text)]);
    expect(byStream[0]).toEqual(['@vuonvaibacgiang', 'Vườn Vải Bắc Giang', ['chốt 2kg']]);
    expect(
      byStream.slice(1).flatMap(([key, host, texts]) => (key === '@nongsanhaiduong' && host === 'Nông Sản Hải Dương' ? (texts as string[]) : ['WRONG STREAM'])),
    ).toEqual(['lấy 5 ký', 'chốt 2kg']);
  });
});

describe('chat reader on Facebook', () => {
  const LIVE = 'https://www.facebook.com/vuonvai/videos/1234567890';

  it('sends an optimistic comment once, under its real id', async () => {
    const chat = loadChatFixture('facebook', [{ id: '9001', author: 'Lan', text: 'chốt 2kg' }]);
    const { sent } = run({ adapter: facebookAdapter, url: LIVE, retryMs: 50, retries: 10 });
    chat.addOptimistic({ id: '777', author: 'Hà', text: 'chốt 1 tạ' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sent().map((m) => m.messageId)).toEqual(['9001']);
    chat.confirm('777', '9777');
    await eventually(() => expect(sent().map((m) => m.messageId)).toEqual(['9001', '9777']));
    chat.rerender();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent()).toHaveLength(2);
  });
});

describe('chat reader health', () => {
  it('warns when the chat list is not found', async () => {
    document.body.innerHTML = '<div id="something-else"></div>';
    const { reports } = run({ adapter: youtubeAdapter, url: 'https://www.youtube.com/live_chat?v=healthTest1', thresholds: { noListAfterMs: 30 } });
    await eventually(() => expect(reports.at(-1)?.warnings.map((w) => w.kind)).toEqual(['no-chat-list']));
    expect(reports.at(-1)!.warnings[0]!.detail).toContain('yt-live-chat-item-list-renderer #items');
  });

  it('warns, naming the selectors, when rows keep coming but none can be read', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }]);
    const { reports } = run({
      adapter: tiktokAdapter,
      url: 'https://www.tiktok.com/@vuonvaibacgiang/live',
      thresholds: { rowsNotReadAfterMs: 50, unmatchedAdditions: 5 },
    });
    chat.breakRows();
    chat.add(Array.from({ length: 8 }, (_, i) => ({ author: `Khách ${i}`, text: `chốt ${i + 1}kg` })));
    await eventually(() => expect(reports.at(-1)?.warnings.map((w) => w.kind)).toContain('rows-not-read'));
    expect(reports.at(-1)!.warnings.find((w) => w.kind === 'rows-not-read')!.detail).toContain('[data-e2e="chat-message"]');
    expect(reports.at(-1)!.rowsSeen).toBe(1);
  });

  it('warns when rows come with an empty author', async () => {
    const chat = loadChatFixture('youtube');
    const { reports } = run({ adapter: youtubeAdapter, url: 'https://www.youtube.com/live_chat?v=healthTest2', retries: 0, thresholds: { emptyLimit: 3 } });
    chat.add(Array.from({ length: 4 }, (_, i) => ({ id: `e${i}`, author: ' ', text: 'chốt 1kg' })));
    await eventually(() => expect(reports.at(-1)?.warnings).toEqual([{ kind: 'empty-fields', detail: 'author: #author-name' }]));
  });

  it('warns while a chat filter hides messages, and stops when it is off', async () => {
    const chat = loadChatFixture('facebook', [{ id: '1', author: 'Lan', text: 'chốt 2kg' }]);
    const { reports } = run({ adapter: facebookAdapter, url: 'https://www.facebook.com/watch/live/?v=1234567890' });
    await eventually(() => expect(reports.at(-1)?.warnings).toEqual([{ kind: 'filtered-chat', detail: 'Phù hợp nhất' }]));
    chat.setFilter('Tất cả bình luận');
    await eventually(() => expect(reports.at(-1)?.warnings).toEqual([]));
  });
});
