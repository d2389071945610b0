import { afterEach, describe, expect, it } from 'vitest';
import { readChatLog, importedStreamClaim } from '../../utils/import/read-chat-log';
import { sendChatLog } from '../../utils/import/send-chat-log';
import { ingestChat } from '../../utils/store/ingest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import type { PanelCommand } from '../../utils/messaging/commands';
import type { ChotDatabase } from '../../utils/store/db';
import { chatRow, freshDatabase } from './test-db';
import { dashboardCommands } from './test-router';

// Each bad file is refused whole, naming its line and the reason, and leaves every table as it was.

const DAY = new Date(2026, 5, 1).getTime();

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const runCommand = (command: PanelCommand) => dashboardCommands(db)(command);

/** What the orders page does with a chosen file: read and check it, then hand it to the background. */
async function importFile(text: string, platform: 'youtube' | 'tiktok' = 'youtube') {
  const read = await readChatLog(text, { platform, day: DAY });
  if (!read.ok) return read;
  const sent = await sendChatLog(read.log, importedStreamClaim(read.log, 'log', read.key), runCommand);
  return sent.error ? { ok: false as const, error: sent.error } : { ok: true as const, sent };
}

async function tables(database: ChotDatabase) {
  return Object.fromEntries(
    await Promise.all(database.tables.filter((table) => table.name !== 'imports').map(async (table) => [table.name, await table.toArray()] as const)),
  );
}

async function withData() {
  await ingestChat(db, { platform: 'youtube', key: 'live01' }, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3 ký')], indexCatalog(EMPTY_CATALOG));
  return tables(db);
}

const textItem = (id: string, text: string, usec: string) => ({
  addChatItemAction: {
    item: {
      liveChatTextMessageRenderer: {
        id,
        timestampUsec: usec,
        authorName: { simpleText: 'Lan' },
        authorExternalChannelId: 'UClan',
        message: { runs: [{ text }] },
      },
    },
  },
});
const usec = (minutes: number) => String((DAY + minutes * 60_000) * 1000);

describe('a bad chat log is refused whole and nothing is written', () => {
  it.each([
    ['a text line whose time cannot be read', '20:15:01 Hùng: đẹp quá\n20:15:1x Lan: chốt 1 kg\n20:15:09 Mai: lấy 2 ký\n', 2, /time/],
    [
      'a CSV with an unclosed quote',
      'time,author,message\n20:15:01,Hùng,đẹp quá\n20:15:05,Lan,"chốt 1 kg\n20:15:09,Mai,lấy 2 ký\n20:16:00,Tú,chốt 3kg\n',
      3,
      /quote/,
    ],
    [
      'a YouTube JSON entry whose timestampUsec is "1"',
      JSON.stringify([textItem('a1', 'chốt 2kg', usec(1)), textItem('a2', 'chốt 1 kg', '1'), textItem('a3', 'lấy 2 ký', usec(3))], null, 1),
      '"a2"',
      /time/,
    ],
    [
      'a YouTube JSON entry without its time',
      JSON.stringify(
        [
          textItem('a1', 'chốt 2kg', usec(1)),
          { addChatItemAction: { item: { liveChatTextMessageRenderer: { id: 'a2', message: { runs: [{ text: 'chốt 1 kg' }] } } } } },
        ],
        null,
        2,
      ),
      '"a2"',
      /time/,
    ],
    [
      'a chat-downloader message with a time in seconds',
      JSON.stringify(
        [
          { message_id: 'd1', message: 'chốt 3kg', timestamp: Number(usec(5)) },
          { message_id: 'd2', message: 'chốt 1kg', timestamp: 1_780_000_000 },
        ],
        null,
        2,
      ),
      '"d2"',
      /time/,
    ],
    [
      'a YouTube JSON Lines entry whose id holds spaces',
      [textItem('a1', 'chốt 2kg', usec(1)), textItem('a b', 'chốt 1 kg', usec(2)), textItem('a3', 'lấy 2 ký', usec(3))]
        .map((action) => JSON.stringify(action))
        .join('\n'),
      2,
      /id/,
    ],
  ])('%s', async (_name, text, where, reason) => {
    // The line is given as a number, or as text found on it.
    const line = typeof where === 'number' ? where : text.split('\n').findIndex((candidate) => candidate.includes(where)) + 1;
    const before = await withData();
    const result = await importFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(new RegExp(`line ${line}\\b`));
    expect(!result.ok && result.error).toMatch(reason);
    expect(await tables(db)).toEqual(before);
  });
});

describe('the background checks an import batch by the same schema', () => {
  it('refuses a batch holding one entry the ingest would refuse, and writes none of it', async () => {
    const before = await withData();
    const good = (n: number) => ({ platform: 'youtube', messageId: `log-k-${n}`, kind: 'chat', authorName: 'Lan', text: 'chốt 2kg', observedAt: DAY + n });
    const reply = await runCommand({
      type: 'import-chat',
      stream: { platform: 'youtube', key: 'import-k' },
      messages: [good(1), { ...good(2), messageId: 'has spaces' }, good(3)],
      importId: 'k',
      offset: 0,
      total: 3,
    });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/entry 2.*messageId/);
    expect(await tables(db)).toEqual(before);
  });
});
