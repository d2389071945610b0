// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { captureSample } from '../../utils/samples/capture-sample';
import { maskUrl, Pseudonyms, shapeOf } from '../../utils/samples/mask';
import { MAX_SAMPLE_BODY, pageSampleSchema, parseSampleFile, sampleFile, sampleFileName, type PageSample } from '../../utils/samples/page-sample';
import { ADAPTERS } from '../../utils/platforms/index';
import type { PlatformAdapter } from '../../utils/platforms/adapter';
import type { Platform } from '../../utils/platforms/platform';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { loadChatFixture } from './dom-fixture';

const URLS: Record<Platform, string> = {
  youtube: 'https://www.youtube.com/live_chat?is_popout=1&v=vaiThieu2026&token=secret123',
  tiktok: 'https://www.tiktok.com/@vuonvaibacgiang/live?lang=vi&enter_from=share',
  facebook: 'https://www.facebook.com/vuonvai.lucngan/videos/1234567890/?comment_id=777&tracking=abc',
};

// YouTube's ids are 40 characters or more (a shorter one starting with C is a temporary id, not read yet)
const ROWS: Record<Platform, FixtureRow[]> = {
  youtube: [
    { id: 'ChwKGkNJdWdqZG1tcm1NQ0ZXRTNPQWtkLWtFWlh3Q1', author: 'Nguyễn Thị Lan', text: 'chốt 5 ký 0912 345 678 :cherries:' },
    { id: 'ChwKGkNJdWdqZG1tcm1NQ0ZXRTNPQWtkLWtFWlh3Q2', author: 'Trần Văn Minh', text: 'lấy 2 thùng giao Cầu Giấy', role: 'moderator' },
    { id: 'ChwKGkNJdWdqZG1tcm1NQ0ZXRTNPQWtkLWtFWlh3Q3', author: 'Phạm Hùng', text: 'ủng hộ vườn', amount: '₫50.000' },
  ],
  tiktok: [
    { author: 'Nguyễn Thị Lan', handle: 'lananh.99', text: 'chốt 5 ký 0912 345 678' },
    { author: 'Trần Văn Minh', text: 'lấy 2 thùng giao Cầu Giấy', plainComment: true },
    { author: 'Phạm Hùng', kind: 'gift', gift: 'Rosa', count: 5, text: '' },
    { author: 'Đỗ Quyên', kind: 'system', text: 'đã tham gia' },
  ],
  facebook: [
    { id: '90011', author: 'Nguyễn Thị Lan', text: 'chốt 5 ký 0912 345 678', profile: '/lan.nguyen.92' },
    { id: '90022', author: 'Trần Văn Minh', text: 'lấy 2 thùng giao Cầu Giấy', idInLink: true },
  ],
};

/** Words people typed (and their ids, handles, phones) that must not survive the capture. */
function secretsOf(rows: FixtureRow[]): string[] {
  const words = rows.flatMap((row) => [row.author, row.text, row.gift ?? '', row.handle ?? '', row.profile ?? ''].flatMap((value) => value.split(/[\s/.:]+/)));
  const ids = rows.map((row) => row.id ?? '');
  return [...words, ...ids, '0912 345 678', '0912345678', 'vuonvai', 'secret123', 'vaiThieu2026', '1234567890'].filter(
    (word) => word.length >= 3 && !/^(?:\d{1,2}|cherries)$/.test(word),
  );
}

function capture(platform: Platform, rows = ROWS[platform]): { sample: PageSample; adapter: PlatformAdapter } {
  loadChatFixture(platform, rows);
  const adapter = ADAPTERS[platform];
  const list = adapter.selectors.list.map((selector) => document.querySelector(selector)).find(Boolean)!;
  return { adapter, sample: captureSample({ document, adapter, list, url: URLS[platform], readerVersion: '0.1.0', now: Date.UTC(2026, 5, 1, 13, 0) }) };
}

/** Reads the sample's rows with the platform's adapter, in a document of its own. */
function readSample(sample: PageSample, adapter: PlatformAdapter) {
  const doc = document.implementation.createHTMLDocument('sample');
  doc.documentElement.innerHTML = `<head></head>${sample.body}`;
  const list = adapter.selectors.list.map((selector) => doc.querySelector(selector)).find(Boolean);
  expect(list, 'the list selectors still match').toBeTruthy();
  return [...list!.querySelectorAll(adapter.selectors.row.join(','))].map((row) => adapter.readRow(row));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('page sample capture', () => {
  for (const platform of ['youtube', 'tiktok', 'facebook'] as const) {
    it(`${platform}: no name, text, phone, id or handle survives; the adapter still reads every row, as placeholders`, () => {
      const { sample, adapter } = capture(platform);
      expect(pageSampleSchema.parse(sample)).toEqual(sample);
      const serialized = JSON.stringify(sample).toLowerCase();
      // placeholder letters are consonants (a word with a vowel found anywhere is a leak); digits are random,
      // so a number is a leak only as a whole number
      for (const secret of secretsOf(ROWS[platform])) {
        // as a whole word: "lan" inside the attribute name "lang" is not the buyer Lan
        const word = secret.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const found = /^[\d ]+$/.test(secret)
          ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(serialized)
          : new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(serialized);
        expect(found, secret).toBe(false);
      }

      const readings = readSample(sample, adapter);
      const read = readings.flatMap((reading) => (reading.ok ? [reading.message] : []));
      const chatRows = ROWS[platform].filter((row) => row.kind !== 'system');
      expect(read).toHaveLength(chatRows.length);
      read.forEach((message, i) => {
        const original = chatRows[i]!;
        // similar shape: the same words with the same lengths, letters and digits replaced
        expect(shapeOf(message.authorName)).toBe(shapeOf(original.author));
        expect(message.authorName).not.toBe(original.author);
        if (message.kind === 'chat' && platform !== 'youtube') expect(shapeOf(message.text)).toBe(shapeOf(original.text));
      });
      expect(sample.rows.total).toBe(readings.length);
      expect(Object.values(sample.rows.read).reduce((a, b) => a + b, 0)).toBe(read.length);
    });
  }

  it('keeps emoji, spaces and punctuation; words become placeholders of the same shape, made of consonants', () => {
    const pseudo = new Pseudonyms();
    const masked = pseudo.text('Chốt 5 ký 0912 345 678 🍒❤️, SĐT!');
    expect(shapeOf(masked)).toBe('Xxxx 0 xx 0000 000 000 🍒❤️, XXX!');
    expect(masked).toMatch(/^[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]{3} \d [b-df-hj-np-tv-xz]{2} \d{4} \d{3} \d{3} 🍒❤️, [B-DF-HJ-NP-TV-XZ]{3}!$/);
    const { sample, adapter } = capture('youtube');
    const first = readSample(sample, adapter)[0]!;
    expect(first.ok && shapeOf(first.message.text)).toBe('xxxx 0 xx 0000 000 000 🍒');
    expect(sample.rows.read).toEqual({ chat: 2, paid: 1 });
  });

  it('alike stays alike, different stays different (a reader without ids tells rows apart by them)', () => {
    const pseudo = new Pseudonyms();
    expect(pseudo.text('chốt 1 kg')).toBe(pseudo.text('chốt 1 kg'));
    expect(pseudo.text('chốt 1 kg')).not.toBe(pseudo.text('chốt 2 kg'));
    expect(pseudo.text('Lan')).not.toBe(pseudo.text('Mai'));
    const digits = Array.from({ length: 10 }, (_, i) => pseudo.text(String(i)));
    digits.forEach((digit, i) => expect(digit).not.toBe(String(i)));
  });

  it('keeps the selectors the reader uses: ids, classes, roles, data-e2e; drops styles and scripts', () => {
    const { sample } = capture('tiktok');
    expect(sample.body).toContain('data-e2e="chat-message"');
    expect(sample.body).toContain('data-index="0"');
    expect(sample.body).toContain('live-shared-ui-chat-list-chat-message-comment');
    expect(sample.body).not.toMatch(/<script|<style|style="/);
    const yt = capture('youtube').sample.body;
    expect(yt).toContain('id="author-name"');
    expect(yt).toContain('<yt-live-chat-item-list-renderer');
  });

  it('masks URLs: the site and its structural path words stay, names and secrets go, the adapter still knows the page', () => {
    const pseudo = new Pseudonyms();
    for (const platform of ['youtube', 'tiktok', 'facebook'] as const) {
      const masked = maskUrl(URLS[platform], pseudo);
      expect(ADAPTERS[platform].isChatUrl(masked), masked).toBe(true);
      for (const secret of ['vuonvai', 'secret', 'vaiThieu2026', 'tracking', 'enter_from']) expect(masked).not.toContain(secret);
      // numbers become random numbers of the same length: no original number stays (one may turn up inside a longer random one)
      for (const number of ['1234567890', '777']) expect(masked.match(/\d+/g) ?? []).not.toContain(number);
    }
    expect(maskUrl('https://www.facebook.com/vuonvai.lucngan/videos/1234567890/', pseudo)).toMatch(
      /^https:\/\/www\.facebook\.com\/[a-z]{7}\.[a-z]{7}\/videos\/\d{10}\/$/,
    );
    expect(maskUrl('data:image/svg+xml,%3Csvg%3E', pseudo)).toBe('data:,');
    expect(maskUrl('https://tracker.example.com/u/lan', pseudo)).toBe('https://example.invalid/x/xxx');
    expect(maskUrl('/@lananh.99', pseudo)).toMatch(/^\/@[b-df-hj-np-tv-xz]{6}\.\d{2}$/);
  });

  it('the same id is the same placeholder everywhere in one sample, and differs from the original', () => {
    const pseudo = new Pseudonyms();
    const a = pseudo.token('90011');
    expect(pseudo.token('90011')).toBe(a);
    expect(a).toMatch(/^\d{5}$/);
    expect(a).not.toBe('90011');
    expect(pseudo.token('client:90011')).toMatch(/^client:\d{5}$/);
  });

  it('bounds the size: a huge chat is cut, and says so', () => {
    loadChatFixture('youtube', [{ id: 'id0', author: 'Khách', text: 'chốt 1kg '.repeat(200) }]);
    const list = document.querySelector('yt-live-chat-item-list-renderer #items')!;
    const row = list.firstElementChild!;
    for (let i = 1; i < 600; i += 1) list.append(Object.assign(row.cloneNode(true) as Element, { id: `id${i}` }));
    const sample = captureSample({ document, adapter: ADAPTERS.youtube, list, url: URLS.youtube, readerVersion: '0.1.0', now: Date.now() });
    expect(sample.truncated).toBe(true);
    expect(sample.body.length).toBeLessThanOrEqual(MAX_SAMPLE_BODY);
    expect(sample.body.length).toBeGreaterThan(MAX_SAMPLE_BODY / 2);
    expect(pageSampleSchema.safeParse(sample).success).toBe(true);
  }, 30_000);

  it('the file: an HTML page with a JSON header comment that reads back whole', () => {
    const { sample } = capture('facebook');
    const tricky = { ...sample, title: 'a -- b --> c' };
    const file = sampleFile(tricky);
    expect(file.startsWith('<!doctype html>\n<!-- chot-page-sample {')).toBe(true);
    expect(file.match(/-->/g)).toHaveLength(1); // the header comment ends once, where it should
    expect(parseSampleFile(file)).toEqual(tricky);
    expect(sampleFileName(sample)).toMatch(/^chot-sample-facebook-2026-06-0[12]-\d{4}\.html$/); // local time
    expect(() => parseSampleFile('<html>no header</html>')).toThrow();
  });
});
