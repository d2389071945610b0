// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tiktokAdapter } from '../../utils/platforms/tiktok';
import { loadChatFixture } from './dom-fixture';

const rows = () => [...document.querySelectorAll(tiktokAdapter.selectors.row.join(','))];
const SINCE = new Date(2026, 5, 1, 20, 0).getTime();

describe('TikTok adapter: URLs and stream', () => {
  it.each([
    ['https://www.tiktok.com/@vuonvaibacgiang/live', true],
    ['https://www.tiktok.com/@vuon.vai_bg/live?enter_from_merge=others', true],
    ['https://www.tiktok.com/live', true],
    ['https://www.tiktok.com/@vuonvaibacgiang', false],
    ['https://www.tiktok.com/@vuonvaibacgiang/video/123', false],
    ['https://www.tiktok.com/foryou', false],
    ['http://www.tiktok.com/@x/live', false],
    ['https://tiktok.evil.example/@x/live', false],
    ['https://livecenter.tiktok.com/common_live_chat', true],
    ['https://livecenter.tiktok.com/common_live_chat?lang=vi-VN', true],
    ['https://livecenter.tiktok.com/analytics', false],
    ['https://livecenter.tiktok.com.evil.example/common_live_chat', false],
  ])('%s is a live page: %s', (url, live) => {
    expect(tiktokAdapter.isChatUrl(url)).toBe(live);
  });

  it('names the stream by the host shown in the room and the day reading started', () => {
    loadChatFixture('tiktok');
    expect(tiktokAdapter.streamOf(document, 'https://www.tiktok.com/@vuonvaibacgiang/live', SINCE)).toEqual({
      platform: 'tiktok',
      key: '@vuonvaibacgiang/2026-06-01',
      host: 'Vườn Vải Bắc Giang',
      title: 'Vải thiều Bắc Giang chín đỏ',
    });
  });

  it("reads the host of LIVE Center's chat from the profile link in the page, not from a chat row", () => {
    const chat = loadChatFixture('tiktok', [], 'livecenter');
    chat.add({ author: 'Lan', handle: 'lananh.99', text: 'chốt 1kg' });
    expect(tiktokAdapter.streamOf(document, 'https://livecenter.tiktok.com/common_live_chat', SINCE)).toEqual({
      platform: 'tiktok',
      key: '@vuonvaibacgiang/2026-06-01',
      host: 'Vườn Vải Bắc Giang',
    });
    document.querySelector('header')!.remove();
    expect(tiktokAdapter.streamOf(document, 'https://livecenter.tiktok.com/common_live_chat', SINCE)).toEqual({
      platform: 'tiktok',
      key: 'livecenter/2026-06-01',
      host: 'TikTok LIVE Center',
    });
  });

  it('runs its content script on LIVE Center too', () => {
    expect(tiktokAdapter.matches).toContain('https://livecenter.tiktok.com/*');
  });

  it('follows the room to another creator even when the URL stays the live feed', () => {
    const chat = loadChatFixture('tiktok');
    chat.switchHost('nongsanhaiduong', 'Nông Sản Hải Dương');
    expect(tiktokAdapter.streamOf(document, 'https://www.tiktok.com/live', SINCE)).toMatchObject({
      key: '@nongsanhaiduong/2026-06-01',
      host: 'Nông Sản Hải Dương',
    });
  });
});

describe('TikTok adapter: rows of the 2024–2025 room', () => {
  it('reads chat rows with emoji kept, the comment found by class or by position', () => {
    loadChatFixture(
      'tiktok',
      [
        { author: 'Lan Anh', handle: 'lananh.99', text: 'chốt 2 thùng :cherries:' },
        { author: 'Minh', text: 'lấy 3kg', plainComment: true },
      ],
      'live-classic',
    );
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Lan Anh', authorId: '@lananh.99', text: 'chốt 2 thùng 🍒' } },
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Minh', text: 'lấy 3kg' } },
    ]);
  });

  it('keeps gifts as their own kind and skips system rows', () => {
    loadChatFixture(
      'tiktok',
      [
        { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 5, text: '' },
        { author: 'Thảo', kind: 'system', text: 'đã tham gia' },
      ],
      'live-classic',
    );
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'gift', authorName: 'Hùng', text: 'Rose x5', paidAmount: 'Rose x5' } },
      { ok: false, reason: 'system' },
    ]);
  });

  it('asks to look again at a row without author or text yet', () => {
    loadChatFixture(
      'tiktok',
      [
        { author: ' ', text: 'chốt 1kg' },
        { author: 'A', text: ' ' },
      ],
      'live-classic',
    );
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: false, reason: 'empty-author', retry: true },
      { ok: false, reason: 'empty-text', retry: true },
    ]);
  });
});

describe('TikTok adapter: the shared LIVE chat (2025–2026 room, LIVE Center)', () => {
  it('finds the virtual list and reads its rows: the comment by class, or class-free after the owner block', () => {
    loadChatFixture('tiktok', [
      { author: 'Lan Anh', handle: 'lananh.99', text: 'chốt 2 thùng :cherries:' },
      { author: 'Minh', text: 'lấy 3kg', plainComment: true, role: 'moderator' },
    ]);
    const list = tiktokAdapter.selectors.list.map((selector) => document.querySelector(selector)).find(Boolean);
    expect(list?.classList.contains('live-shared-ui-chat-list-scrolling-list')).toBe(true);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Lan Anh', authorId: '@lananh.99', text: 'chốt 2 thùng 🍒' } },
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Minh', text: 'lấy 3kg' } },
    ]);
  });

  it('finds the list by its [data-index] rows when no container name is known', () => {
    loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 1kg' }]);
    document.querySelector('.live-shared-ui-chat-list-scrolling-list')!.className = 'flex-1 overflow-y-scroll';
    const list = tiktokAdapter.selectors.list.map((selector) => document.querySelector(selector)).find(Boolean);
    expect(list?.hasAttribute('data-fixture-list')).toBe(true);
  });

  it("skips TikTok's own notices (English and Vietnamese, rows with no owner) and joins", () => {
    loadChatFixture('tiktok', [
      { author: '', kind: 'system', text: 'Welcome to TikTok LIVE! Have fun interacting with others in real time.' },
      { author: '', kind: 'system', text: 'Some comments in this LIVE were filtered to protect the community’s experience.' },
      { author: '', kind: 'system', text: 'Chào mừng bạn đến với TikTok LIVE! Hãy vui vẻ tương tác với mọi người.' },
      { author: 'Thảo', kind: 'system', text: 'đã tham gia' },
      { author: 'Hà', text: 'welcome to tiktok live shop ơi chốt 1kg' },
    ]);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: false, reason: 'system' },
      { ok: false, reason: 'system' },
      { ok: false, reason: 'system' },
      { ok: false, reason: 'system' },
      // a buyer's comment has an owner: it is chat whatever it says
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Hà', text: 'welcome to tiktok live shop ơi chốt 1kg' } },
    ]);
  });

  it('reads a gift (its picture and "×N" in the comment) as a gift with its count, never as chat', () => {
    const chat = loadChatFixture('tiktok', [
      { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 1, text: '' },
      { author: 'Lan', text: 'chốt 2 x2' },
    ]);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'gift', authorName: 'Hùng', text: 'gift ×1', paidAmount: 'gift ×1' } },
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Lan', text: 'chốt 2 x2' } },
    ]);
    chat.combo('Hùng', 7);
    expect(tiktokAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { kind: 'gift', text: 'gift ×7' } });
  });

  it("reads LIVE Center's rows", () => {
    loadChatFixture('tiktok', [{ author: 'Lan', text: 'chốt 1 yến' }], 'livecenter');
    const list = tiktokAdapter.selectors.list.map((selector) => document.querySelector(selector)).find(Boolean);
    expect(list?.hasAttribute('data-fixture-list')).toBe(true);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Lan', text: 'chốt 1 yến' } },
    ]);
  });
});
