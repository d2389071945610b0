// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../utils/platforms/facebook';
import { loadChatFixture } from './dom-fixture';

const rows = () => [...document.querySelectorAll(facebookAdapter.selectors.row.join(','))];

describe('Facebook adapter: URLs and stream', () => {
  it.each([
    ['https://www.facebook.com/vuonvai/videos/1234567890', '1234567890'],
    ['https://www.facebook.com/vuonvai/videos/vai-thieu/1234567890/', '1234567890'],
    ['https://www.facebook.com/watch/live/?v=1234567890', '1234567890'],
    ['https://web.facebook.com/watch/live/?v=1234567890&ref=watch', '1234567890'],
    ['https://www.facebook.com/live/producer/1234567890', '1234567890'],
    ['https://business.facebook.com/live/producer/dashboard', 'producer'],
  ])('%s is live video %s', (url, key) => {
    loadChatFixture('facebook');
    expect(facebookAdapter.isChatUrl(url)).toBe(true);
    expect(facebookAdapter.streamOf(document, url, Date.now())).toEqual({ platform: 'facebook', key, title: 'Vải thiều Lục Ngạn trực tiếp' });
  });

  it.each(['https://www.facebook.com/', 'https://www.facebook.com/groups/123', 'https://www.facebook.com/watch/live/?v=abc', 'https://facebook.evil.example/x/videos/1234567890'])('%s is not read', (url) => {
    expect(facebookAdapter.isChatUrl(url)).toBe(false);
  });
});

describe('Facebook adapter: comments', () => {
  it('reads author, text with emoji, and the id from the wrapper or the timestamp link', () => {
    loadChatFixture('facebook', [
      { id: '9001', author: 'Nguyễn Thị Lan', text: 'chốt 2 thùng :heart:', profile: '/lan.nguyen.5' },
      { id: '9002', author: 'Trần Minh', text: 'lấy 3kg', idInLink: true, profile: '/profile.php?id=100012345' },
    ]);
    expect(rows().map((row) => facebookAdapter.readRow(row))).toEqual([
      { ok: true, message: { platform: 'facebook', messageId: '9001', kind: 'chat', authorName: 'Nguyễn Thị Lan', authorId: 'lan.nguyen.5', text: 'chốt 2 thùng ❤️' } },
      { ok: true, message: { platform: 'facebook', messageId: '9002', kind: 'chat', authorName: 'Trần Minh', authorId: '100012345', text: 'lấy 3kg' } },
    ]);
  });

  it('waits for the real id of an optimistic "client:" comment', () => {
    const chat = loadChatFixture('facebook');
    chat.addOptimistic({ id: '777', author: 'Hà', text: 'chốt 1 tạ' });
    expect(facebookAdapter.readRow(rows()[0]!)).toEqual({ ok: false, reason: 'pending-id', retry: true });
    chat.confirm('777', '9777');
    expect(facebookAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { messageId: '9777', text: 'chốt 1 tạ' } });
  });

  it('expands "See more" before reading a long comment', () => {
    const text = 'chốt 2 thùng vải thiều loại 1 giao về số 15 ngõ 4 đường Trần Duy Hưng, Cầu Giấy, Hà Nội giúp em nhé shop';
    loadChatFixture('facebook', [{ id: '9003', author: 'Bảo', text }]);
    expect(facebookAdapter.readRow(rows()[0]!)).toEqual({ ok: false, reason: 'empty-text', retry: true });
    expect(facebookAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { text } });
  });

  it('says when the comment filter hides comments', () => {
    const chat = loadChatFixture('facebook');
    expect(facebookAdapter.hiddenByFilter(document)).toBe('Phù hợp nhất');
    chat.setFilter('Tất cả bình luận');
    expect(facebookAdapter.hiddenByFilter(document)).toBeUndefined();
    chat.setFilter('Most relevant');
    expect(facebookAdapter.hiddenByFilter(document)).toBe('Most relevant');
  });
});
