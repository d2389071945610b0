// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
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
    document, flushDelayMs: 10, reattachCheckMs: 20, retryMs: 50, healthEveryMs: 50,
    send: async (stream, messages) => {
      batches.push({ stream, messages: messages as ChatMessage[] }); // no withdrawals on these sites
      return { ok: true, stored: messages.length, duplicates: 0, invalid: 0 };
    },
    reportHealth: (health) => reports.push(health),
    ...options,
    url: () => url,
  });
  return { batches, reports, sent: () => batches.flatMap((b) => b.messages), setUrl: (next: string) => { url = next; } };
}

describe('chat reader on TikTok (no message ids)', () => {
  const LIVE = 'https://www.tiktok.com/@vuonvaibacgiang/live';

  it('gives rows ids of its own and does not resend rows TikTok re-renders', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }]);
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE, repeatWindowMs: 5000 });
    chat.add([{ author: 'Minh', text: 'lấy 3kg' }, { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 1, text: '' }, { author: 'Ai đó', kind: 'system', text: 'đã tham gia' }]);
    await eventually(() => expect(sent().map((m) => [m.authorName, m.kind])).toEqual([['Lan', 'chat'], ['Minh', 'chat'], ['Hùng', 'gift']]));
    const ids = sent().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(3);
    chat.rerender();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent()).toHaveLength(3);
    // each system row element is counted once: the re-rendered one is a new element
    expect(reader!.health().skipped).toEqual({ repeat: 3, system: 2 });
  });

  it('counts the same comment again when the buyer really sends it again later', async () => {
    const chat = loadChatFixture('tiktok');
    const { sent } = run({ adapter: tiktokAdapter, url: LIVE, repeatWindowMs: 200 });
    chat.add({ author: 'Lan', text: 'chốt 1' });
    await eventually(() => expect(sent()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 250));
    chat.add({ author: 'Lan', text: 'chốt 1' });
    await eventually(() => expect(sent()).toHaveLength(2));
  });

  it('starts a new stream when the room moves on to another creator, and never mixes them', async () => {
    const chat = loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 2kg' }]);
    const { batches, setUrl } = run({ adapter: tiktokAdapter, url: LIVE });
    await eventually(() => expect(batches).toHaveLength(1));
    chat.switchHost('nongsanhaiduong', 'Nông Sản Hải Dương', 'Vải sớm Thanh Hà');
    setUrl('https://www.tiktok.com/@nongsanhaiduong/live');
    chat.add([{ author: 'Tú', text: 'lấy 5 ký' }, { author: 'Lan', text: 'chốt 2kg' }]);
    await eventually(() => expect(batches.flatMap((b) => b.messages)).toHaveLength(3));
    const byStream = batches.map((b) => [b.stream.key.split('/')[0], b.stream.host, b.messages.map((m) => m.text)]);
    expect(byStream[0]).toEqual(['@vuonvaibacgiang', 'Vườn Vải Bắc Giang', ['chốt 2kg']]);
    expect(byStream.slice(1).flatMap(([key, host, texts]) => (key === '@nongsanhaiduong' && host === 'Nông Sản Hải Dương' ? (texts as string[]) : ['WRONG STREAM']))).toEqual(['lấy 5 ký', 'chốt 2kg']);
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
    const { reports } = run({ adapter: tiktokAdapter, url: 'https://www.tiktok.com/@vuonvaibacgiang/live', thresholds: { rowsNotReadAfterMs: 50, unmatchedAdditions: 5 } });
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
