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
    ['https://www.facebook.com/watch/?v=1234567890', '1234567890'],
    ['https://www.facebook.com/live/producer/dashboard/1234567890/', '1234567890'],
    ['https://business.facebook.com/live/producer/dashboard/1234567890/COMMENTS/', '1234567890'],
    ['https://business.facebook.com/live/producer/dashboard', 'producer'],
  ])('%s is live video %s', (url, key) => {
    loadChatFixture('facebook');
    expect(facebookAdapter.isChatUrl(url)).toBe(true);
    expect(facebookAdapter.streamOf(document, url, Date.now())).toEqual({ platform: 'facebook', key, title: 'Vải thiều Lục Ngạn trực tiếp' });
  });

  it.each([
    'https://www.facebook.com/',
    'https://www.facebook.com/groups/123',
    'https://www.facebook.com/watch/live/?v=abc',
    'https://facebook.evil.example/x/videos/1234567890',
  ])('%s is not read', (url) => {
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
      {
        ok: true,
        message: { platform: 'facebook', messageId: '9001', kind: 'chat', authorName: 'Nguyễn Thị Lan', authorId: 'lan.nguyen.5', text: 'chốt 2 thùng ❤️' },
      },
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

  it('reads every line of a comment typed on several lines, in order, one line break between them', () => {
    loadChatFixture('facebook', [{ id: '9101', author: 'Lan', text: 'Chốt 2 thùng\nSĐT 0912 345 678\ngiao về Cầu Giấy' }]);
    expect(facebookAdapter.readRow(rows()[0]!)).toMatchObject({
      ok: true,
      message: { messageId: '9101', authorName: 'Lan', text: 'Chốt 2 thùng\nSĐT 0912 345 678\ngiao về Cầu Giấy' },
    });
  });

  it('takes the id from the article itself or its parent, never from a wrapper further up', () => {
    loadChatFixture('facebook', [
      { id: '9201', author: 'Lan', text: 'chốt 1kg', idOn: 'article' },
      { id: '9202', author: 'Minh', text: 'chốt 2kg', idOn: 'parent' },
      // no id on the article, its parent or its link: the page-root wrapper's id is not this comment's
      { id: '', author: 'Hùng', text: 'chốt 3kg', idInLink: true },
    ]);
    expect(document.getElementById('mount_0_0_Qz')).not.toBeNull();
    expect(rows().map((row) => facebookAdapter.readRow(row))).toEqual([
      expect.objectContaining({ ok: true, message: expect.objectContaining({ messageId: '9201' }) }),
      expect.objectContaining({ ok: true, message: expect.objectContaining({ messageId: '9202' }) }),
      { ok: false, reason: 'no-id', retry: true },
    ]);
  });

  it.each(['See more', 'Ver más', 'もっと見る'])('finds "See more" by its place in the text, labelled %s', (moreLabel) => {
    const text = 'chốt 2 thùng vải thiều loại 1, giao về số 15 ngõ 4 Trần Duy Hưng, Cầu Giấy, Hà Nội giúp em nhé shop';
    loadChatFixture('facebook', [{ id: '9301', author: 'Bảo', text, moreLabel }]);
    expect(facebookAdapter.readRow(rows()[0]!)).toEqual({ ok: false, reason: 'empty-text', retry: true });
    expect(facebookAdapter.readRow(rows()[0]!)).toMatchObject({ ok: true, message: { text } });
  });

  it('reads a nested reply as a comment of its own, and its text stays out of its parent', () => {
    const chat = loadChatFixture('facebook', [{ id: '9401', author: 'Lan', text: 'chốt 2kg' }]);
    chat.addReply('9401', { id: '9402', author: 'Minh', text: 'em lấy 3kg' });
    expect(rows().map((row) => facebookAdapter.readRow(row))).toEqual([
      expect.objectContaining({ ok: true, message: expect.objectContaining({ messageId: '9401', authorName: 'Lan', text: 'chốt 2kg' }) }),
      expect.objectContaining({ ok: true, message: expect.objectContaining({ messageId: '9402', authorName: 'Minh', text: 'em lấy 3kg' }) }),
    ]);
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
