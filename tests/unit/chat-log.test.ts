import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendToLog, CHAT_LOG_PAGE_ROWS, deleteStreamLog, putInLog, readLoggedIds, readLoggedMessages, readLogSince } from '../../utils/store/chat-log';
import type { MessageRecord } from '../../utils/store/records';
import { chatRow, freshDatabase, T0 } from './test-db';

// Each stream's chat is kept in pages (a record per batch); the messages read back are the ones written,
// each once.

let db = freshDatabase();
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const stored = (id: string, text: string, streamId = 'youtube:s1', at = T0): MessageRecord =>
  ({ ...chatRow(id, text, { observedAt: at }), id: `youtube:${id}`, streamId, receivedAt: T0 }) as MessageRecord;
const write = (streamId: string, rows: MessageRecord[]) => db.transaction('rw', db.chatLog, () => appendToLog(db, streamId, rows));

describe('the chat log', () => {
  it('keeps a batch as one page, a big one in pages of at most its batch size, each stream apart', async () => {
    const rows = Array.from({ length: CHAT_LOG_PAGE_ROWS + 1 }, (_, i) => stored(`m${i}`, 'ngon quá', 'youtube:s1', T0 + i));
    await write('youtube:s1', rows);
    await write('youtube:s2', [stored('x1', 'chốt 2kg', 'youtube:s2')]);
    expect((await db.chatLog.toArray()).map((page) => [page.streamId, page.rows.length])).toEqual([
      ['youtube:s1', CHAT_LOG_PAGE_ROWS],
      ['youtube:s1', 1],
      ['youtube:s2', 1],
    ]);
    expect(await readLoggedMessages(db, 'youtube:s1')).toEqual(rows);
    expect((await readLoggedIds(db, 'youtube:s2')).has('youtube:x1')).toBe(true);
    expect(await readLoggedMessages(db)).toHaveLength(CHAT_LOG_PAGE_ROWS + 2);
  });

  it("reads a message written twice as its first row (another desk's copy added later does not replace it)", async () => {
    await write('youtube:s1', [stored('m1', 'chốt 2 thùng giao Hà Nội')]);
    await write('youtube:s1', [stored('m1', '…'), stored('m2', 'ngon')]);
    expect((await readLoggedMessages(db, 'youtube:s1')).map((row) => row.text)).toEqual(['chốt 2 thùng giao Hà Nội', 'ngon']);
  });

  it('reads from a time on: only pages that reach it, only rows from it', async () => {
    await write('youtube:s1', [stored('m1', 'a', 'youtube:s1', T0), stored('m2', 'b', 'youtube:s1', T0 + 5_000)]);
    await write('youtube:s1', [stored('m3', 'c', 'youtube:s1', T0 + 1_000)]);
    expect((await readLogSince(db, 'youtube:s1', T0 + 1_000)).map((row) => row.id).sort()).toEqual(['youtube:m2', 'youtube:m3']);
  });

  it('takes a restore of the same messages once, and a changed message in its place', async () => {
    const rows = [stored('m1', 'chốt 2kg'), stored('g1', 'Rose ×1')];
    await db.transaction('rw', db.chatLog, () => putInLog(db, rows));
    await db.transaction('rw', db.chatLog, () => putInLog(db, [...rows, stored('g1', 'Rose ×5'), stored('m2', 'ngon')]));
    expect(await db.chatLog.count()).toBe(2);
    expect((await readLoggedMessages(db, 'youtube:s1')).map((row) => row.text)).toEqual(['chốt 2kg', 'Rose ×5', 'ngon']);
  });

  it("forgets a stream's chat, and only that stream's", async () => {
    await write('youtube:s1', [stored('m1', 'a')]);
    await write('youtube:s2', [stored('m2', 'b', 'youtube:s2')]);
    await db.transaction('rw', db.chatLog, () => deleteStreamLog(db, 'youtube:s1'));
    expect((await readLoggedMessages(db)).map((row) => row.id)).toEqual(['youtube:m2']);
  });
});
