// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLDS, quietAfterMs, warningsFor, type ReadingState } from '../../utils/chat-reader/health-monitor';
import { startChatReader, type ChatReader } from '../../utils/chat-reader/chat-reader';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import { tiktokAdapter } from '../../utils/platforms/tiktok';
import { facebookAdapter } from '../../utils/platforms/facebook';
import { YOUTUBE_SELECTORS } from '../../utils/platforms/youtube-selectors';
import { TIKTOK_SELECTORS } from '../../utils/platforms/tiktok-selectors';
import { FACEBOOK_SELECTORS } from '../../utils/platforms/facebook-selectors';
import { loadChatFixture } from './dom-fixture';
import { eventually } from './eventually';

const T0 = 1_700_000_000_000;
/** Rows arriving every `gapMs`, `count` times, the last at `last`. */
const arrivalsEvery = (gapMs: number, count: number, last: number) => Array.from({ length: count }, (_, i) => last - (count - 1 - i) * gapMs);

function state(arrivals: number[], extra: Partial<ReadingState> = {}): ReadingState {
  return { attached: true, startedAt: T0, lastRowAt: arrivals.at(-1) ?? null, unmatchedSinceRow: 0, recentOutcomes: [], arrivals, ...extra };
}
const kinds = (s: ReadingState, now: number, adapter = youtubeAdapter) => warningsFor(adapter, document, s, now, DEFAULT_THRESHOLDS).map((w) => w.kind);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a quiet chat: silence longer than the recent pace explains', () => {
  it('a chat with a row every 2 s is quiet after 60 s of silence, not after 10 s', () => {
    const last = T0 + 60_000;
    const s = state(arrivalsEvery(2000, 12, last));
    expect(kinds(s, last + 10_000)).toEqual([]);
    expect(kinds(s, last + 60_000)).toEqual(['quiet-chat']);
    expect(warningsFor(youtubeAdapter, document, s, last + 60_000, DEFAULT_THRESHOLDS)[0]!.detail).toBe('60');
  });

  it('a slow chat with a row a minute is not quiet after 90 s; it is after ten of its gaps', () => {
    const last = T0 + 10 * 60_000;
    const s = state(arrivalsEvery(60_000, 8, last));
    expect(kinds(s, last + 90_000)).toEqual([]);
    expect(kinds(s, last + 9 * 60_000)).toEqual([]);
    expect(kinds(s, last + 10 * 60_000)).toEqual(['quiet-chat']);
  });

  it('the pace is the median gap: one long pause earlier does not make a busy chat look slow', () => {
    const last = T0 + 600_000;
    const arrivals = [...arrivalsEvery(3000, 6, last - 400_000), ...arrivalsEvery(3000, 6, last)];
    expect(quietAfterMs(arrivals, DEFAULT_THRESHOLDS)).toBe(30_000);
  });

  it('never sooner than 30 s, never later than 15 min; unknown with fewer than three gaps', () => {
    expect(quietAfterMs(arrivalsEvery(200, 10, T0), DEFAULT_THRESHOLDS)).toBe(30_000);
    expect(quietAfterMs(arrivalsEvery(10 * 60_000, 10, T0), DEFAULT_THRESHOLDS)).toBe(15 * 60_000);
    expect(quietAfterMs(arrivalsEvery(2000, 3, T0), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(kinds(state(arrivalsEvery(2000, 3, T0)), T0 + 3_600_000)).toEqual([]);
  });

  it('only while the chat list is attached (a lost list is another warning)', () => {
    const s = state(arrivalsEvery(2000, 12, T0), { attached: false });
    expect(kinds(s, T0 + 120_000)).not.toContain('quiet-chat');
  });
});

describe('a closed chat or a login wall explains the silence', () => {
  it('YouTube: the input panel shows a message instead of the input → chat-closed, not quiet', () => {
    document.body.innerHTML =
      '<yt-live-chat-renderer><div id="input-panel"><yt-live-chat-message-renderer><div id="message">x</div></yt-live-chat-message-renderer></div></yt-live-chat-renderer>';
    const s = state(arrivalsEvery(2000, 12, T0));
    expect(kinds(s, T0 + 5000)).toEqual([]); // rows still flowing: the sign alone is no warning
    expect(kinds(s, T0 + 60_000)).toEqual(['chat-closed']);
  });

  it('TikTok: a disabled comment box and nothing read since the start → chat-closed', () => {
    document.body.innerHTML = '<div data-e2e="chat-room"></div><div contenteditable="plaintext-only" disabled placeholder="x"></div>';
    const s = state([], { lastRowAt: null });
    expect(kinds(s, T0 + 5000, tiktokAdapter)).toEqual([]);
    expect(kinds(s, T0 + DEFAULT_THRESHOLDS.noListAfterMs, tiktokAdapter)).toEqual(['chat-closed']);
  });

  it('TikTok: a login prompt and no chat list → login-needed instead of "no chat list"', () => {
    document.body.innerHTML = '<button data-e2e="top-login-button">Log in</button>';
    const s = state([], { attached: false, lastRowAt: null });
    expect(kinds(s, T0 + 60_000, tiktokAdapter)).toEqual(['login-needed']);
  });

  it('Facebook: a login form on a chat that went quiet → login-needed', () => {
    document.body.innerHTML = '<form action="/login/device-based/regular/login/"><input name="email"><input type="password" name="pass"></form>';
    const s = state(arrivalsEvery(5000, 12, T0));
    expect(kinds(s, T0 + 10_000, facebookAdapter)).toEqual([]);
    expect(kinds(s, T0 + 120_000, facebookAdapter)).toEqual(['login-needed']);
  });

  it('every platform keeps its signs as data in its selectors file', () => {
    for (const selectors of [YOUTUBE_SELECTORS, TIKTOK_SELECTORS, FACEBOOK_SELECTORS]) {
      expect(Array.isArray(selectors.notices.closed) && Array.isArray(selectors.notices.login)).toBe(true);
      for (const selector of [...selectors.notices.closed, ...selectors.notices.login]) expect(() => document.querySelector(selector)).not.toThrow();
    }
  });
});

describe('the reader measures the pace as rows arrive (fake clock)', () => {
  let reader: ChatReader | undefined;
  afterEach(() => {
    reader?.stop();
    vi.useRealTimers();
  });

  it('reports quiet-chat once the chat stops for longer than its pace, and clears it on the next row', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const chat = loadChatFixture('youtube');
    reader = startChatReader({
      adapter: youtubeAdapter,
      document,
      url: () => 'https://www.youtube.com/live_chat?v=quietTest01',
      send: async (_s, messages) => ({ ok: true, stored: messages.length, duplicates: 0, invalid: 0 }),
      flushDelayMs: 5,
    });
    for (let i = 0; i < 10; i += 1) {
      vi.setSystemTime(T0 + i * 2000);
      chat.add({ id: `q${i}`, author: 'Lan', text: `chốt ${i + 1}kg` });
      await eventually(() => expect(reader!.health().rowsSeen).toBe(i + 1));
    }
    vi.setSystemTime(T0 + 18_000 + 20_000);
    expect(reader.health().warnings.map((w) => w.kind)).toEqual([]);
    vi.setSystemTime(T0 + 18_000 + 60_000);
    expect(reader.health().warnings.map((w) => w.kind)).toEqual(['quiet-chat']);
    chat.add({ id: 'q10', author: 'Minh', text: 'lấy 1kg' });
    await eventually(() => expect(reader!.health().rowsSeen).toBe(11));
    expect(reader.health().warnings).toEqual([]);
  });
});
