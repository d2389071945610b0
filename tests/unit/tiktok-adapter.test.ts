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
  ])('%s is a live page: %s', (url, live) => {
    expect(tiktokAdapter.isChatUrl(url)).toBe(live);
  });

  it('names the stream by the host shown in the room and the day reading started', () => {
    loadChatFixture('tiktok');
    expect(tiktokAdapter.streamOf(document, 'https://www.tiktok.com/@vuonvaibacgiang/live', SINCE)).toEqual({
      platform: 'tiktok', key: '@vuonvaibacgiang/2026-06-01', host: 'Vườn Vải Bắc Giang', title: 'Vải thiều Bắc Giang chín đỏ',
    });
  });

  it('follows the room to another creator even when the URL stays the live feed', () => {
    const chat = loadChatFixture('tiktok');
    chat.switchHost('nongsanhaiduong', 'Nông Sản Hải Dương');
    expect(tiktokAdapter.streamOf(document, 'https://www.tiktok.com/live', SINCE)).toMatchObject({ key: '@nongsanhaiduong/2026-06-01', host: 'Nông Sản Hải Dương' });
  });
});

describe('TikTok adapter: rows', () => {
  it('reads chat rows with emoji kept, the comment found by class or by position', () => {
    loadChatFixture('tiktok', [
      { author: 'Lan Anh', handle: 'lananh.99', text: 'chốt 2 thùng :cherries:' },
      { author: 'Minh', text: 'lấy 3kg', plainComment: true },
    ]);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Lan Anh', authorId: '@lananh.99', text: 'chốt 2 thùng 🍒' } },
      { ok: true, message: { platform: 'tiktok', kind: 'chat', authorName: 'Minh', text: 'lấy 3kg' } },
    ]);
  });

  it('keeps gifts as their own kind and skips system rows', () => {
    loadChatFixture('tiktok', [
      { author: 'Hùng', kind: 'gift', gift: 'Rose', count: 5, text: '' },
      { author: 'Thảo', kind: 'system', text: 'đã tham gia' },
    ]);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'tiktok', kind: 'gift', authorName: 'Hùng', text: 'Rose x5', paidAmount: 'Rose x5' } },
      { ok: false, reason: 'system' },
    ]);
  });

  it('asks to look again at a row without author or text yet', () => {
    loadChatFixture('tiktok', [{ author: ' ', text: 'chốt 1kg' }, { author: 'A', text: ' ' }]);
    expect(rows().map((row) => tiktokAdapter.readRow(row))).toEqual([
      { ok: false, reason: 'empty-author', retry: true },
      { ok: false, reason: 'empty-text', retry: true },
    ]);
  });
});
