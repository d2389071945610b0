// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import { loadYoutubeChatFixture } from './dom-fixture';

const rows = () => [...document.querySelectorAll(youtubeAdapter.selectors.row.join(','))];

describe('YouTube adapter: URLs', () => {
  it.each([
    ['https://www.youtube.com/live_chat?v=abcDEF_123', 'abcDEF_123'],
    ['https://www.youtube.com/live_chat?is_popout=1&v=abcDEF-123', 'abcDEF-123'],
    ['https://studio.youtube.com/live_chat?v=abcDEF_123&is_popout=1', 'abcDEF_123'],
  ])('%s is live chat of %s', (url, videoId) => {
    expect(youtubeAdapter.isChatUrl(url)).toBe(true);
    expect(youtubeAdapter.streamOf(document, url, Date.now())).toEqual({ platform: 'youtube', key: videoId });
  });

  it('reads a chat frame only inside YouTube and YouTube Studio pages', () => {
    const reads = (origins: string[]) => youtubeAdapter.readsInFrameOf!(origins);
    expect(reads([])).toBe(true); // the popout, a top-level page
    expect(reads(['https://www.youtube.com'])).toBe(true); // beside the video
    expect(reads(['https://studio.youtube.com'])).toBe(true);
    expect(reads(['https://evil.example'])).toBe(false); // a hidden chat frame on another site
    expect(reads(['https://www.youtube.com', 'https://evil.example'])).toBe(false); // a watch page framed by one
    expect(reads(['http://www.youtube.com', 'https://www.youtube.com.evil.example', 'null'])).toBe(false);
  });

  const TOKEN = '0ofMyANpGhhVQ2xpdmVfY2hhdF9jb250aW51YXRpb24yAggE';

  it.each([
    ['the chat beside the video', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/watch?v=abcDEF_123'],
    ['Studio', `https://studio.youtube.com/live_chat?continuation=${TOKEN}`, 'https://studio.youtube.com/video/abcDEF_123/livestreaming'],
    [
      'Studio around a www.youtube.com frame',
      `https://www.youtube.com/live_chat?continuation=${TOKEN}&authuser=0`,
      'https://studio.youtube.com/video/abcDEF_123/livestreaming',
    ],
    ['a /live/ page', `https://www.youtube.com/live_chat?continuation=${TOKEN}`, 'https://www.youtube.com/live/abcDEF_123?si=x'],
  ])('%s (a continuation frame) is live chat of the video its page shows', (_name, url, pageUrl) => {
    expect(youtubeAdapter.isChatUrl(url)).toBe(true);
    expect(youtubeAdapter.streamOf(document, url, Date.now(), pageUrl)).toEqual({ platform: 'youtube', key: 'abcDEF_123' });
    expect(youtubeAdapter.streamOfSender?.(url, pageUrl)).toBe('abcDEF_123');
    // the frame's URL alone names no video
    expect(youtubeAdapter.streamOf(document, url, Date.now())).toBeUndefined();
    expect(youtubeAdapter.streamOfSender?.(url, undefined)).toBeUndefined();
  });

  it('a popout has its own video, whatever page is around it', () => {
    const url = 'https://www.youtube.com/live_chat?is_popout=1&v=abcDEF_123';
    expect(youtubeAdapter.streamOf(document, url, Date.now(), 'https://www.youtube.com/watch?v=other_9999')).toEqual({
      platform: 'youtube',
      key: 'abcDEF_123',
    });
  });

  it.each([
    `https://www.youtube.com/live_chat_replay?continuation=${TOKEN}`,
    'https://www.youtube.com/live_chat?continuation=',
    'https://www.youtube.com/live_chat?continuation=<script>alert(1)</script>',
    `https://m.youtube.com/live_chat?continuation=${TOKEN}`,
  ])('%s is not live chat, whatever page is around it', (url) => {
    expect(youtubeAdapter.isChatUrl(url)).toBe(false);
    expect(youtubeAdapter.streamOf(document, url, Date.now(), 'https://www.youtube.com/watch?v=abcDEF_123')).toBeUndefined();
    expect(youtubeAdapter.streamOfSender?.(url, 'https://www.youtube.com/watch?v=abcDEF_123')).toBeUndefined();
  });

  it.each([
    'https://www.youtube.com/live_chat_replay?v=abcDEF_123',
    'https://www.youtube.com/watch?v=abcDEF_123',
    'https://www.youtube.com/live_chat',
    'https://www.youtube.com/live_chat?v=<script>',
    'https://m.youtube.com/live_chat?v=abcDEF_123',
    'not a url',
  ])('%s is not read', (url) => {
    expect(youtubeAdapter.isChatUrl(url)).toBe(false);
    expect(youtubeAdapter.streamOf(document, url, Date.now())).toBeUndefined();
  });
});

describe('YouTube adapter: rows (project fixture)', () => {
  it('reads text rows with badges left out of the name and emoji kept', () => {
    loadYoutubeChatFixture([{ id: 'r1', author: 'Nguyễn Thị Lan', text: 'chốt 2 thùng :cherries::fire:', role: 'moderator', verified: true }]);
    expect(youtubeAdapter.readRow(rows()[0]!)).toEqual({
      ok: true,
      message: { platform: 'youtube', messageId: 'r1', kind: 'chat', authorName: 'Nguyễn Thị Lan', text: 'chốt 2 thùng 🍒🔥' },
    });
  });

  it('reads Super Chats with their amount', () => {
    loadYoutubeChatFixture([{ id: 'p1', author: 'Hùng', text: 'lấy 5 ký', amount: '₫50.000' }]);
    expect(youtubeAdapter.readRow(rows()[0]!)).toEqual({
      ok: true,
      message: { platform: 'youtube', messageId: 'p1', kind: 'paid', authorName: 'Hùng', text: 'lấy 5 ký', paidAmount: '₫50.000' },
    });
  });

  it('skips deleted, empty and overlong rows with a reason', () => {
    const chat = loadYoutubeChatFixture([
      { id: 'd1', author: 'A', text: 'chốt 1kg' },
      { id: 'e1', author: '   ', text: 'chốt 1kg' },
      { id: 'e2', author: 'B', text: '   ' },
      { id: 'l1', author: 'C', text: 'x'.repeat(2001) },
    ]);
    chat.markDeleted('d1');
    expect(rows().map((row) => youtubeAdapter.readRow(row))).toEqual([
      { ok: false, reason: 'deleted' },
      { ok: false, reason: 'empty-author', retry: true },
      { ok: false, reason: 'empty-text', retry: true },
      { ok: false, reason: 'too-long' },
    ]);
  });

  const REAL = 'ChwKGkNMdmFpVGhpZXVMdWNOZ2FuMDAwMDAwMDAx';

  it("waits for YouTube's id of a message sent from this browser (its temporary id is the client's)", () => {
    const chat = loadYoutubeChatFixture([{ id: 'CMvaiLucNgan0sent0001xyz0', author: 'Chủ vườn', text: 'chốt 2kg' }]);
    expect(youtubeAdapter.readRow(rows()[0]!)).toEqual({ ok: false, reason: 'pending-id', retry: true });
    chat.confirmSent('CMvaiLucNgan0sent0001xyz0', REAL);
    expect(youtubeAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { messageId: REAL, text: 'chốt 2kg' } });
  });

  it('reads a row with the real captured shape (long base64 id)', () => {
    loadYoutubeChatFixture([{ id: REAL, author: 'Lan', text: 'chốt 1kg' }]);
    expect(youtubeAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { messageId: REAL } });
  });

  it('does not read a pinned message shown in the banner as new chat', () => {
    const chat = loadYoutubeChatFixture([{ id: 'r1', author: 'Lan', text: 'chốt 1kg' }]);
    chat.pin({ id: 'r1', author: 'Lan', text: 'chốt 1kg' });
    const banner = document.querySelector('[in-banner]')!;
    expect(youtubeAdapter.readRow(banner)).toEqual({ ok: false, reason: 'not-chat' });
  });

  it('names a read row a moderator deleted since, and only then', () => {
    const chat = loadYoutubeChatFixture([
      { id: REAL, author: 'Lan', text: 'chốt 1kg' },
      { id: 'CMvaiLucNgan0sent0001xyz0', author: 'B', text: 'chốt 2kg' },
    ]);
    expect(youtubeAdapter.withdrawnId?.(rows()[0]!)).toBeUndefined();
    chat.markDeleted(REAL);
    chat.markDeleted('CMvaiLucNgan0sent0001xyz0');
    expect(youtubeAdapter.withdrawnId?.(rows()[0]!)).toBe(REAL);
    expect(youtubeAdapter.withdrawnId?.(rows()[1]!)).toBeUndefined(); // never counted: nothing to withdraw
    expect(rows()[0]!.querySelector('#message')!.textContent).toBe('[message deleted]');
  });

  it('treats HTML in names and text as text', () => {
    loadYoutubeChatFixture([{ id: 'h1', author: '<b>Bold</b>', text: '<img src=x onerror=alert(1)>' }]);
    expect(youtubeAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { authorName: '<b>Bold</b>', text: '<img src=x onerror=alert(1)>' } });
    expect(document.querySelectorAll('#message img').length).toBe(0);
  });
});

describe('YouTube adapter: chat view', () => {
  const menu = (selected: number) => `
    <yt-live-chat-header-renderer><yt-sort-filter-sub-menu-renderer>
      <div id="label-text">${selected === 0 ? 'Trò chuyện hàng đầu' : 'Trò chuyện trực tiếp'}</div>
      <tp-yt-paper-listbox id="menu">
        <a class="yt-simple-endpoint${selected === 0 ? ' iron-selected' : ''}"><tp-yt-paper-item>Trò chuyện hàng đầu</tp-yt-paper-item></a>
        <a class="yt-simple-endpoint${selected === 1 ? ' iron-selected' : ''}"><tp-yt-paper-item>Trò chuyện trực tiếp</tp-yt-paper-item></a>
      </tp-yt-paper-listbox>
    </yt-sort-filter-sub-menu-renderer></yt-live-chat-header-renderer>`;

  it('warns while "Top chat" (the first view) is selected, whatever the language', () => {
    document.body.innerHTML = menu(0);
    expect(youtubeAdapter.hiddenByFilter(document)).toBe('Trò chuyện hàng đầu');
    document.body.innerHTML = menu(1);
    expect(youtubeAdapter.hiddenByFilter(document)).toBeUndefined();
  });

  it('falls back to the label when the menu is not rendered', () => {
    document.body.innerHTML = '<yt-sort-filter-sub-menu-renderer><div id="label-text">Top chat</div></yt-sort-filter-sub-menu-renderer>';
    expect(youtubeAdapter.hiddenByFilter(document)).toBe('Top chat');
    loadYoutubeChatFixture();
    expect(youtubeAdapter.hiddenByFilter(document)).toBeUndefined();
  });
});

// Real rows captured from youtube.com (shared/fixtures/real, not part of this repository).
const REAL = '../shared/fixtures/real/youtube-dom/live-chat-items-2023-07-19.html';
describe.skipIf(!existsSync(REAL))('YouTube adapter: real captured rows', () => {
  it('reads the captured moderator message and Super Chat', () => {
    document.body.innerHTML = `<div id="items">${readFileSync(REAL, 'utf8')}</div>`;
    const readings = rows().map((row) => youtubeAdapter.readRow(row));
    expect(readings).toEqual([
      {
        ok: true,
        message: { platform: 'youtube', messageId: 'ChwKGkNOaTg4ZnpzbTRBREZZdjJGZ2tkWDJZUHJ3', kind: 'chat', authorName: 'Nightbot', text: 'hambone' },
      },
      {
        ok: true,
        message: {
          platform: 'youtube',
          messageId: 'ChwKGkNJLUpqWUx0bTRBREZaMGIxZ0FkWEtvRHh3',
          kind: 'paid',
          authorName: 'Mike',
          text: 'you skipped my dono to talk about sausage wtf',
          paidAmount: 'CA$2.79',
        },
      },
    ]);
  });
});
