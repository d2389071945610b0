import { z } from 'zod';
import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import { messageRecordSchema, type MessageRecord } from './records';
import { groupBy } from '../export/group-by';

// Each stream's chat as read, kept in pages: one record per chat batch instead of one per message. Writing
// costs IndexedDB per record far more than per byte, and a record per message was most of what a batch
// wrote (schema v14). Nothing reads a single message by its id; what the store needs is "which of these ids
// has this stream's log already", answered from the ids of the stream's pages (held in the background's
// memory between batches: ingest-cache.ts).
// A message is in its stream's log once; where a page holds an id an earlier page holds too (another desk's
// message remembered by a team apply, see team-apply.ts), the earlier row is the message.

/** Rows per page at most: a chat batch's size (MAX_BATCH_MESSAGES), so one batch writes one page. */
export const CHAT_LOG_PAGE_ROWS = 500;

export const chatLogPageSchema = z.object({
  streamId: z.string(),
  /** Orders the stream's pages as written; unique in the stream (nextPageNumber). */
  page: z.number(),
  /** The latest observed time in the page: the reload check reads only pages that reach its window. */
  to: z.number(),
  rows: z.array(messageRecordSchema),
});
export type ChatLogPage = z.infer<typeof chatLogPageSchema>;

/** A stream's log as the ingest checks it: each id stored, with the page that holds it. */
export type LoggedIds = Map<string, number>;

let lastPage = 0;
/**
 * Page numbers go up with the time of writing: the background is the only writer (an upgrade writes its own
 * before anything else runs), so two pages of one stream never take one number, and the order they were
 * written in is the order of their numbers.
 */
function nextPageNumber(now = Date.now()): number {
  lastPage = Math.max(lastPage + 1, now * 1000);
  return lastPage;
}

const streamPages = (db: ChotDatabase, streamId: string) => db.chatLog.where('[streamId+page]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]);

/** Rows as pages of one stream, numbered in turn. */
export function pagesOf(streamId: string, rows: readonly MessageRecord[], now = Date.now()): ChatLogPage[] {
  const pages: ChatLogPage[] = [];
  for (let i = 0; i < rows.length; i += CHAT_LOG_PAGE_ROWS) {
    const part = rows.slice(i, i + CHAT_LOG_PAGE_ROWS);
    pages.push({ streamId, page: nextPageNumber(now), to: Math.max(...part.map((row) => row.observedAt)), rows: part });
  }
  return pages;
}

/** Adds rows to a stream's log as new pages (the caller knows they are not there yet). */
export async function appendToLog(db: ChotDatabase, streamId: string, rows: readonly MessageRecord[]): Promise<ChatLogPage[]> {
  const pages = pagesOf(streamId, rows);
  if (pages.length > 0) await db.chatLog.bulkAdd(pages);
  return pages;
}

/** The ids a stream's log holds, from its pages. */
export function idsOfPages(pages: readonly ChatLogPage[], into: LoggedIds = new Map()): LoggedIds {
  for (const { page, rows } of pages) for (const row of rows) if (!into.has(row.id)) into.set(row.id, page);
  return into;
}

export async function readLoggedIds(db: ChotDatabase, streamId: string): Promise<LoggedIds> {
  return idsOfPages(await streamPages(db, streamId).toArray());
}

/** The messages of pages, each once (the first row of an id), in page order. */
function rowsOfPages(pages: readonly ChatLogPage[]): MessageRecord[] {
  const seen = new Set<string>();
  const rows: MessageRecord[] = [];
  for (const page of [...pages].sort((a, b) => a.page - b.page))
    for (const row of page.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  return rows;
}

/** A stream's messages (or every stream's), each once. */
export async function readLoggedMessages(db: ChotDatabase, streamId?: string): Promise<MessageRecord[]> {
  if (streamId !== undefined) return rowsOfPages(await streamPages(db, streamId).toArray());
  const pages = await db.chatLog.toArray();
  const byStream = groupBy(pages, (page) => page.streamId);
  return [...byStream.values()].flatMap(rowsOfPages);
}

/** A stream's messages observed from `since` on. */
export async function readLogSince(db: ChotDatabase, streamId: string, since: number): Promise<MessageRecord[]> {
  const pages = await db.chatLog.where('[streamId+to]').between([streamId, since], [streamId, Dexie.maxKey]).toArray();
  return rowsOfPages(pages).filter((row) => row.observedAt >= since);
}

/**
 * Stored messages written again in place (a gift's count going up, a restore), each by the page that holds
 * it: `merge` gives the row to keep from the stored one and the one given.
 */
export async function rewriteLogged(
  db: ChotDatabase,
  streamId: string,
  rows: readonly MessageRecord[],
  logged: LoggedIds,
  merge: (stored: MessageRecord, given: MessageRecord) => MessageRecord,
): Promise<void> {
  const byPage = groupBy(
    rows.filter((row) => logged.has(row.id)),
    (row) => logged.get(row.id)!,
  );
  if (byPage.size === 0) return;
  const pages = await db.chatLog.bulkGet([...byPage.keys()].map((page) => [streamId, page] as [string, number]));
  const changed = pages.flatMap((page) => {
    if (!page) return [];
    const given = new Map(byPage.get(page.page)!.map((row) => [row.id, row]));
    let differs = false;
    const merged = page.rows.map((row) => {
      const next = given.has(row.id) ? merge(row, given.get(row.id)!) : row;
      differs ||= next !== row;
      return next;
    });
    return differs ? [{ ...page, rows: merged }] : [];
  });
  if (changed.length > 0) await db.chatLog.bulkPut(changed);
}

/**
 * Writes messages into their streams' logs: new ones are added as pages, stored ones replaced where they
 * differ (a restore brings each message once, however often it is restored).
 */
export async function putInLog(db: ChotDatabase, rows: readonly MessageRecord[]): Promise<void> {
  for (const [streamId, ofStream] of groupBy(rows, (row) => row.streamId)) {
    const logged = await readLoggedIds(db, streamId);
    const fresh = [...new Map(ofStream.filter((row) => !logged.has(row.id)).map((row) => [row.id, row])).values()];
    await appendToLog(db, streamId, fresh);
    await rewriteLogged(db, streamId, ofStream, logged, (stored, given) => (JSON.stringify(stored) === JSON.stringify(given) ? stored : given));
  }
}

/** Forgets a stream's chat, with the stream. */
export async function deleteStreamLog(db: ChotDatabase, streamId: string): Promise<void> {
  await streamPages(db, streamId).delete();
}

/** How many messages the logs hold (each once). */
export async function countChatMessages(db: ChotDatabase, streamId?: string): Promise<number> {
  return (await readLoggedMessages(db, streamId)).length;
}
