import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readChatLog, importedStreamClaim } from '../../utils/import/read-chat-log';
import { parseLogTime } from '../../utils/import/text-chat-log';
import { sendChatLog } from '../../utils/import/send-chat-log';
import { ReadCancelled, type ChatLog } from '../../utils/import/chat-log';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase } from './test-db';
import { countChatMessages } from '../../utils/store/chat-log';

const DAY = new Date(2026, 5, 1).getTime();
const options = { platform: 'youtube' as const, day: DAY };
const REAL = new URL('../../../shared/fixtures/real/youtube-innertube/', import.meta.url).pathname;

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const runCommand = (command: PanelCommand) =>
  createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: ID,
    extensionOrigin: ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  })(command, { id: ID, url: `${ORIGIN}dashboard.html` }) as Promise<CommandReply>;

const textItem = (id: string, author: string, text: string, usec: number, channel = `UC${author}`) => ({
  addChatItemAction: {
    item: {
      liveChatTextMessageRenderer: {
        id,
        timestampUsec: String(usec),
        authorName: { simpleText: author },
        authorExternalChannelId: channel,
        message: { runs: [{ text }] },
      },
    },
    clientId: 'x',
  },
});
const usec = (minutes: number) => (DAY + minutes * 60_000) * 1000;

async function read(text: string) {
  const result = await readChatLog(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.log;
}

describe('YouTube chat JSON', () => {
  it('reads a get_live_chat envelope: text, paid with its amount, emoji as characters, deletions applied', async () => {
    const envelope = {
      responseContext: {},
      continuationContents: {
        liveChatContinuation: {
          actions: [
            textItem('a1', 'Lan', 'chốt 2 thùng', usec(1)),
            {
              addChatItemAction: {
                item: {
                  liveChatPaidMessageRenderer: {
                    id: 'a2',
                    timestampUsec: String(usec(2)),
                    authorName: { simpleText: 'Hùng' },
                    authorExternalChannelId: 'UCh',
                    purchaseAmountText: { simpleText: '₫50.000' },
                    message: {
                      runs: [
                        { text: 'lấy 5 ký ' },
                        { emoji: { emojiId: '🍒', shortcuts: [':cherries:'] } },
                        { emoji: { emojiId: 'UCx/abc', isCustomEmoji: true, shortcuts: [':vai:'] } },
                      ],
                    },
                  },
                },
              },
            },
            textItem('a3', 'Spam', 'mua đi', usec(3)),
            { markChatItemAsDeletedAction: { targetItemId: 'a3', deletedStateMessage: { runs: [] } } },
            { addLiveChatTickerItemAction: { item: {}, durationSec: '10' } },
            { addChatItemAction: { item: { liveChatMembershipItemRenderer: { id: 'm', timestampUsec: '1' } } } },
          ],
        },
      },
    };
    const log = await read(JSON.stringify(envelope));
    expect(log.format).toBe('youtube-actions');
    expect(log.messages).toEqual([
      { platform: 'youtube', messageId: 'a1', kind: 'chat', authorName: 'Lan', authorId: 'UCLan', text: 'chốt 2 thùng', observedAt: DAY + 60_000 },
      {
        platform: 'youtube',
        messageId: 'a2',
        kind: 'paid',
        authorName: 'Hùng',
        authorId: 'UCh',
        text: 'lấy 5 ký 🍒:vai:',
        paidAmount: '₫50.000',
        observedAt: DAY + 120_000,
      },
    ]);
    expect(log.skipped).toEqual({ deleted: 1, addLiveChatTickerItem: 1, MembershipItem: 1 });
  });

  it('reads JSON Lines of replay actions, the way downloaders save a replay', async () => {
    const lines = [1, 2, 3].map((n) =>
      JSON.stringify({ replayChatItemAction: { actions: [textItem(`r${n}`, 'Mai', `lấy ${n} kg`, usec(n))], videoOffsetTimeMsec: String(n * 1000) } }),
    );
    const log = await read(lines.join('\n'));
    expect(log.messages.map((m) => m.text)).toEqual(['lấy 1 kg', 'lấy 2 kg', 'lấy 3 kg']);
  });

  it('reads chat-downloader output messages', async () => {
    const messages = [
      { message_id: 'd1', message: 'chốt 3kg', message_type: 'text_message', timestamp: usec(5), author: { name: 'Tú', id: 'UCtu' } },
      { message_id: 'd2', message_type: 'membership_item', timestamp: usec(6), author: { name: 'Tú' } },
    ];
    const log = await read(JSON.stringify(messages));
    expect(log.format).toBe('chat-downloader-messages');
    expect(log.messages).toEqual([
      { platform: 'youtube', messageId: 'd1', kind: 'chat', authorName: 'Tú', authorId: 'UCtu', text: 'chốt 3kg', observedAt: DAY + 300_000 },
    ]);
    expect(log.skipped).toEqual({ membership_item: 1 });
  });

  it.each([
    ['truncated JSON', '{"continuationContents": {"liveChatContinuation": {"actions": [', /not valid JSON/],
    [
      'an unknown action',
      JSON.stringify([textItem('a1', 'Lan', 'chốt 2kg', usec(1)), { launchRocketAction: {} }, { launchRocketAction: {} }]),
      /does not know.*launchRocketAction \(2×\)/,
    ],
    ['an unknown chat item', JSON.stringify([{ addChatItemAction: { item: { liveChatHologramRenderer: {} } } }]), /does not know.*liveChatHologramRenderer/],
    [
      'a chat item without its time',
      JSON.stringify([{ addChatItemAction: { item: { liveChatTextMessageRenderer: { id: 'x', message: { runs: [{ text: 'hi' }] } } } } }]),
      /line 1: a time that cannot be read.*timestampUsec/,
    ],
    ['JSON that is not chat', JSON.stringify({ format: 'chot-backup', version: 1 }), /not YouTube live chat/],
  ])('refuses %s with a clear reason', async (_name, text, error) => {
    const result = await readChatLog(text, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});

describe.skipIf(!existsSync(REAL))('YouTube chat JSON: real recorded samples', () => {
  const sample = (name: string) => readFileSync(`${REAL}${name}`, 'utf8');

  it('reads every get_live_chat sample, keeping only chat and Super Chat text', async () => {
    const files = readdirSync(REAL).filter((name) => name.startsWith('youtube-chat-get_live_chat'));
    const texts = new Map<string, string[]>();
    for (const name of files)
      texts.set(
        name,
        (await read(sample(name))).messages.map((m) => `${m.kind}:${m.text}`),
      );
    expect(texts.get('youtube-chat-get_live_chat.normal.json')).toEqual(['chat:Hello, World!']);
    expect(texts.get('youtube-chat-get_live_chat.super-chat.json')).toEqual(['paid:Hello, World!']);
    expect(texts.get('youtube-chat-get_live_chat.global-emoji1.json')).toEqual(['chat:👏']);
    expect(texts.get('youtube-chat-get_live_chat.custom-emoji.json')).toEqual(['chat::customEmoji:']);
    expect(texts.get('youtube-chat-get_live_chat.super-sticker.json')).toEqual([]);
    expect(texts.get('youtube-chat-get_live_chat.no-chat.json')).toEqual([]);
  });

  it('reads the chat-downloader action list with its tickers, banners, polls and deletions', async () => {
    const log = await read(sample('chat-downloader-actions.json'));
    expect(log.messages.map((m) => m.text)).toEqual(['Consistency Level ASL ❤️']);
    expect(log.skipped).toMatchObject({ addLiveChatTickerItem: 3, updateLiveChatPoll: 1 });
  });

  it('reads a full liveChatRenderer response', async () => {
    const log = await read(sample('chat-downloader-live-chat-response.json'));
    expect(log.messages.map((m) => m.text)).toContain('PSIPHI');
    expect(log.messages.every((m) => m.observedAt > 1_500_000_000_000)).toBe(true);
  });
});

describe('CSV and text chat logs', () => {
  it('reads a CSV with Vietnamese headers and times of day, past midnight too', async () => {
    const csv = '\uFEFFThời gian,Người gửi,Bình luận\n23:58:00,Lan,"chốt 2 thùng, giao Hà Nội"\n00:01:30,Hùng,lấy 5 ký\n';
    const log = await read(csv);
    expect(log.format).toBe('csv');
    expect(log.messages.map((m) => [m.authorName, m.text, new Date(m.observedAt).toString()])).toEqual([
      ['Lan', 'chốt 2 thùng, giao Hà Nội', new Date(2026, 5, 1, 23, 58, 0).toString()],
      ['Hùng', 'lấy 5 ký', new Date(2026, 5, 2, 0, 1, 30).toString()],
    ]);
  });

  it('reads text lines with and without times', async () => {
    const log = await read('[2026-06-01 20:15:03] Lan Anh: chốt 2 thùng\n20:16 Hùng: lấy 5 ký: giao sáng\nMai: 3kg\n\n');
    expect(log.format).toBe('text');
    expect(log.messages.map((m) => [m.authorName, m.text])).toEqual([
      ['Lan Anh', 'chốt 2 thùng'],
      ['Hùng', 'lấy 5 ký: giao sáng'],
      ['Mai', '3kg'],
    ]);
    expect(log.messages[2]!.observedAt).toBeGreaterThan(log.messages[1]!.observedAt);
  });

  it('gives the same ids to the same file, so a second import adds nothing', async () => {
    const text = 'Lan: chốt 2kg\nHùng: 3kg\n';
    expect((await read(text)).messages.map((m) => m.messageId)).toEqual((await read(text)).messages.map((m) => m.messageId));
  });

  it.each([
    ['a file that is not a chat log', 'lorem ipsum\ndolor sit amet\n', /no chat lines/],
    ['a CSV with a time that is not one', 'time,author,message\nyesterday,Lan,chốt 2kg\n', /line 2: a time that cannot be read.*yesterday/],
  ])('refuses %s', async (_name, text, error) => {
    const result = await readChatLog(text, options);
    expect(!result.ok && result.error).toMatch(error);
  });

  it.each([
    ['1780000000', 1_780_000_000_000],
    ['1780000000123', 1_780_000_000_123],
    ['2026-06-01T13:15:03Z', Date.UTC(2026, 5, 1, 13, 15, 3)],
    ['01/06/2026 20:15', new Date(2026, 5, 1, 20, 15).getTime()],
    ['20:15:03', new Date(2026, 5, 1, 20, 15, 3).getTime()],
    ['25:00', null],
  ])('reads the time %s', (text, expected) => {
    expect(parseLogTime(text, DAY)).toBe(expected);
  });
});

describe('importing a read log', () => {
  const big = (n: number): ChatLog => ({
    format: 'text',
    platform: 'youtube',
    skipped: {},
    messages: Array.from({ length: n }, (_, i) => ({
      platform: 'youtube',
      messageId: `log-x-${i}`,
      kind: 'chat',
      authorName: `Buyer ${i % 50}`,
      text: i % 2 ? 'chốt 2kg' : 'đẹp quá',
      observedAt: DAY + i * 1000,
    })),
  });

  it('runs the live ingest: a stream, its messages and its orders; importing again doubles nothing', async () => {
    const log = big(1200);
    const claim = importedStreamClaim(log, 'buoi-live.txt', 'abc');
    const progress: number[] = [];
    const first = await sendChatLog(log, claim, runCommand, { onProgress: (sent) => progress.push(sent) });
    expect(first).toMatchObject({ stored: 1200, duplicates: 0, invalid: 0, sent: 1200, cancelled: false });
    expect(progress).toEqual([500, 1000, 1200]);
    expect(await db.streams.get('youtube:import-abc')).toMatchObject({ title: 'buoi-live.txt', firstMessageAt: DAY });
    expect(await db.orders.count()).toBe(600);
    const again = await sendChatLog(log, claim, runCommand);
    expect(again).toMatchObject({ stored: 0, duplicates: 1200 });
    expect(await db.orders.count()).toBe(600);
  }, 20_000); // 2,400 messages through the real ingest

  it('stops between batches when cancelled, keeping what was stored', async () => {
    const controller = new AbortController();
    const result = await sendChatLog(big(1200), importedStreamClaim(big(1), 'x', 'c'), runCommand, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result).toMatchObject({ sent: 500, stored: 500, cancelled: true });
    expect(await countChatMessages(db)).toBe(500);
  });

  it('cancels a long read before anything is sent', async () => {
    const controller = new AbortController();
    const lines = Array.from({ length: 20_000 }, (_, i) => `Lan: dòng ${i}`).join('\n');
    const reading = readChatLog(lines, { ...options, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(reading).rejects.toBeInstanceOf(ReadCancelled);
  });
});
