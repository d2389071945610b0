import type { ChotDatabase } from './db';
import type { MessageRecord, OrderRecord, StreamRecord } from './records';
import type { CatalogIndex, ParseResult } from '../parser/index';
import type { StreamClaim } from '../messaging/chat-message';
import { parseComment } from '../parser/index';
import { chatMessageSchema, chatWithdrawalSchema, type ChatMessage } from '../messaging/chat-message';
import { readerSessionOf } from '../messaging/reader-ids';
import { BuyerOrders, type BuyerReads } from './buyer-orders';
import { BatchCustomers, customerIdOf } from './customers';
import { questionFrom } from './questions';
import type { IngestCache, IngestSession } from './ingest-cache';
import { Dexie, type Table } from 'dexie';
import { putOverKnownOrders } from './tally-middleware';
import { appendToLog, readLoggedIds, readLogSince, rewriteLogged, type LoggedIds } from './chat-log';

export interface IngestResult {
  stored: number;
  duplicates: number;
  invalid: number;
}

export const streamIdOf = ({ platform, key }: Pick<StreamClaim, 'platform' | 'key'>) => `${platform}:${key}`;
export const messageIdOf = (message: Pick<ChatMessage, 'platform' | 'messageId'>) => `${message.platform}:${message.messageId}`;
const authorKeyOf = (message: ChatMessage) => message.authorId ?? `name:${message.authorName}`;

/**
 * Rows without a site id (TikTok) get ids per page load, so a reload would show the same rows under new
 * ids. Within this window, the same author and text already stored from another page load is that.
 */
export const RELOAD_REPEAT_WINDOW_MS = 10 * 60_000;
/** Gifts are kept for the record and never read as orders. */
const READ_KINDS = new Set(['chat', 'paid']);

function orderFrom(record: MessageRecord, parsed: ParseResult, now: number): OrderRecord {
  return {
    id: record.id,
    streamId: record.streamId,
    messageId: record.id,
    platform: record.platform,
    authorName: record.authorName,
    authorKey: authorKeyOf(record),
    text: record.text,
    items: parsed.items,
    totalKg: parsed.totalKg,
    phone: parsed.phone,
    confidence: parsed.confidence,
    reasons: parsed.reasons,
    status: 'pending',
    observedAt: record.observedAt,
    updatedAt: now,
  };
}

/**
 * Stores a batch of chat rows for one stream: every valid, new message first, then the orders derived
 * from it, all in one transaction. Invalid rows are counted and dropped; rows already stored are skipped,
 * so rescans, reloads and a second tab never double an order.
 */
export interface IngestOptions {
  /** The same order comment from the same buyer within this window is flagged as a possible repeat. */
  repeatWindowMs?: number;
  now?: number;
  /**
   * The background's memory of what batches read (ingest-cache.ts). A transaction around the ingest must
   * not write orders or customers itself: the memory takes the transaction's writes for the ingest's.
   */
  cache?: IngestCache;
}

export async function ingestChat(
  db: ChotDatabase,
  stream: StreamClaim,
  rawMessages: readonly unknown[],
  catalog: CatalogIndex,
  options: IngestOptions | number = {},
): Promise<IngestResult> {
  const { now = Date.now(), repeatWindowMs = 120_000, cache } = typeof options === 'number' ? { now: options } : options;
  const streamId = streamIdOf(stream);
  let invalid = 0;
  const valid = new Map<string, MessageRecord>();
  const withdrawals = new Set<string>();
  for (const raw of rawMessages) {
    if ((raw as { kind?: unknown } | null)?.kind === 'withdrawn') {
      const withdrawal = chatWithdrawalSchema.safeParse(raw);
      if (withdrawal.success && withdrawal.data.platform === stream.platform) withdrawals.add(messageIdOf(withdrawal.data));
      else invalid += 1;
      continue;
    }
    const parsed = chatMessageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.platform !== stream.platform) {
      invalid += 1;
      continue;
    }
    const id = messageIdOf(parsed.data);
    // A gift sent again in one batch (its combo counting up): the latest count wins.
    if (!valid.has(id) || parsed.data.kind === 'gift') valid.set(id, { ...parsed.data, id, streamId, receivedAt: now });
  }
  const duplicatesInBatch = rawMessages.length - invalid - valid.size - withdrawals.size;
  // Parsed before the transaction opens, so the database is held only for reads and writes.
  const parsedById = new Map([...valid].flatMap(([id, record]) => (READ_KINDS.has(record.kind) ? [[id, parseComment(record.text, catalog)] as const] : [])));

  // The buyers' comments among the rows and what they need read: known before the duplicate check, so the
  // reads go out together with the adds (a row that turns out stored already was read for nothing).
  const fromBuyer = (message: MessageRecord) => {
    const parsed = parsedById.get(message.id);
    // Buyers are known from their orders, cancels, changes and phones, not from every greeting.
    return parsed !== undefined && (parsed.intent !== 'none' || parsed.phone !== null || parsed.address !== null);
  };

  return db.transaction('rw', [...db.ingestTables], async () => {
    const held = cache?.join();
    const ids = [...valid.keys()];
    const candidates = [...valid.values()].sort((a, b) => a.observedAt - b.observedAt);
    const buyers = new BuyerOrders(db, streamId, now, held);
    const customers = new BatchCustomers(db, held);
    const load = (comments: readonly MessageRecord[]) =>
      comments.length === 0
        ? []
        : [
            customers.load(comments.map((message) => customerIdOf(message, authorKeyOf(message)))),
            buyers.load(buyerReads(comments, parsedById, repeatWindowMs)),
          ];
    // The duplicate check is against the ids in the stream's log. Without the memory, the buyers' reads go
    // out with the log's (a row that turns out stored already was read for nothing); with it, after: the
    // memory is read once this transaction has had a request answered (see ingest-cache.ts), and only the
    // new rows' buyers need anything from it.
    const [current, shownAgain, logged] = await Promise.all([
      db.streams.get(streamId),
      shownBeforeReload(db, streamId, candidates),
      held ? undefined : readLoggedIds(db, streamId),
      ...(held ? [] : load(candidates.filter(fromBuyer))),
    ]);
    // what other writers changed since the last batch goes into the memory before it is read
    if (held) await held.refresh();
    const inLog = logged ?? held!.loggedIds(streamId) ?? (await readHeldLog(db, streamId, held!));
    const adding = candidates.filter((message) => !shownAgain.has(message.id));
    const fresh = adding.filter((message) => !inLog.has(message.id));
    if (held) await Promise.all(load(fresh.filter(fromBuyer)));
    // A gift combo counting up in place comes again under its id: the stored gift takes the new count.
    const gifts = adding.filter((message) => message.kind === 'gift' && inLog.has(message.id));
    const writes: Promise<unknown>[] = [];
    if (gifts.length > 0)
      writes.push(
        rewriteLogged(db, streamId, gifts, inLog, (stored, now) =>
          stored.kind === 'gift' && stored.text !== now.text ? { ...stored, text: now.text, paidAmount: now.paidAmount } : stored,
        ),
      );
    if (fresh.length > 0) {
      writes.push(appendToLog(db, streamId, fresh).then((pages) => held?.wroteLog(streamId, pages)));
      const fromBuyers = fresh.filter(fromBuyer);
      for (const message of fromBuyers) {
        const parsed = parsedById.get(message.id)!;
        const unpaid = customers.note(message, authorKeyOf(message), parsed.phone, parsed.address);
        applyComment(buyers, message, parsed, repeatWindowMs, now, unpaid);
      }
      // The batch's writes go out together, each table's in one bulk request.
      writes.push(customers.save());
      // the host's questions lane: its own table, the tally never reads it
      const questions = fromBuyers.flatMap((message) =>
        parsedById.get(message.id)!.intent === 'question' ? [questionFrom(message, authorKeyOf(message), parsedById.get(message.id)!)] : [],
      );
      if (questions.length > 0) writes.push(db.questions.bulkPut(questions));
      writes.push(writeOrders(db, buyers, streamId, held));
      if (buyers.actions.length > 0) writes.push(db.actions.bulkAdd(buyers.actions));
      writes.push(upsertStream(db, stream, streamId, fresh, current));
    }
    await Promise.all(writes);
    if (withdrawals.size > 0 && (await withdrawOrders(db, streamId, [...withdrawals], now))) held?.changedOrdersOf(streamId);
    return { stored: fresh.length, duplicates: duplicatesInBatch + (ids.length - fresh.length), invalid };
  });
}

/**
 * New orders are added (nothing to replace, so the kept figures need not read them first), changed ones
 * put, one after the other: each moves the kept figures. An order already there under its message's id
 * (restored from a backup without its chat) keeps what the assistant decided on it.
 */
async function writeOrders(db: ChotDatabase, buyers: BuyerOrders, streamId: string, held: IngestSession | undefined): Promise<void> {
  const touched = [...buyers.touched.values()];
  const added = touched.filter((order) => buyers.isNew(order.id));
  const changed = touched.filter((order) => !buyers.isNew(order.id));
  // issued together (the kept figures move in turn): neither waits for the other's round trip
  const adding = added.length > 0 ? addWhereFree(db.orders, added) : new Set<number>();
  if (changed.length > 0) {
    // the stored orders it replaces were read for the batch: the kept figures need not read them again
    const stored = changed.map((order) => buyers.storedVersion(order.id));
    if (stored.every((order) => order !== undefined)) putOverKnownOrders(Dexie.currentTransaction.idbtrans, stored);
  }
  const [taken] = await Promise.all([adding, changed.length > 0 ? db.orders.bulkPut(changed) : undefined]);
  held?.wroteOrders([...added.filter((_, i) => !taken.has(i)), ...changed]);
  // an order found under its message's id (restored without its chat) was not read: the memory starts over
  if (taken.size > 0) held?.changedOrdersOf(streamId);
}

/** Comments that add an order (see applyComment). */
const placesOrder = (parsed: ParseResult) => parsed.intent === 'order' && parsed.items.length > 0;

/** Comments that act on the buyer's earlier orders (see applyComment): their whole history is read. */
function readsHistory(parsed: ParseResult): boolean {
  if (placesOrder(parsed)) return false;
  return parsed.intent === 'cancel' || (parsed.intent === 'change' && parsed.items.length > 0) || (parsed.phone !== null && parsed.items.length === 0);
}

/** A batch's reads of its buyers' orders: the histories of those who cancel or change, the latest orders for repeats. */
function buyerReads(comments: readonly MessageRecord[], parsedById: ReadonlyMap<string, ParseResult>, repeatWindowMs: number): BuyerReads {
  const histories = comments.filter((message) => readsHistory(parsedById.get(message.id)!)).map(authorKeyOf);
  const ordering = comments.filter((message) => placesOrder(parsedById.get(message.id)!));
  if (ordering.length === 0) return { histories };
  return { histories, recent: { since: Math.min(...ordering.map((message) => message.observedAt)) - repeatWindowMs, buyers: ordering.map(authorKeyOf) } };
}

/**
 * Comments a moderator deleted after they were read: their orders, if still counting, stop counting
 * (status withdrawn), recorded as the chat's action; the assistant can put one back by deciding it again.
 * Only orders of the stream the batch is for: a page cannot withdraw another stream's orders.
 */
async function withdrawOrders(db: ChotDatabase, streamId: string, messageIds: readonly string[], now: number): Promise<boolean> {
  // a deleted question leaves the lane (and the presenter view)
  const questions = (await db.questions.bulkGet([...messageIds])).filter((question) => question?.streamId === streamId);
  if (questions.length > 0) await db.questions.bulkDelete(questions.map((question) => question!.id));
  const orders = (await db.orders.bulkGet([...messageIds])).filter(
    (order): order is OrderRecord => order !== undefined && order.streamId === streamId && (order.status === 'pending' || order.status === 'confirmed'),
  );
  if (orders.length === 0) return false;
  await db.orders.bulkUpdate(orders.map((order) => ({ key: order.id, changes: { status: 'withdrawn' as const, updatedAt: now } })));
  await db.actions.bulkAdd(
    orders.map((order) => ({
      at: now,
      orderId: order.id,
      kind: 'decide' as const,
      source: 'chat' as const,
      messageId: order.messageId,
      before: { status: order.status },
      after: { status: 'withdrawn' as const },
    })),
  );
  return true;
}

/**
 * Adds the rows whose keys are free; a row whose key is taken fails alone (the rest are written) and its
 * position is returned. Any other failure fails the batch.
 */
async function addWhereFree<T>(table: Table<T, string>, rows: readonly T[]): Promise<Set<number>> {
  try {
    await table.bulkAdd(rows);
    return new Set();
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    const other = failures.find(([, failure]) => failure.name !== 'ConstraintError');
    if (other) throw other[1];
    return new Set(failures.map(([position]) => Number(position)));
  }
}

/** The ids in a stream's log, read for a batch with the memory and held for the next. */
async function readHeldLog(db: ChotDatabase, streamId: string, held: IngestSession): Promise<LoggedIds> {
  const ids = await readLoggedIds(db, streamId);
  held.readLoggedIds(streamId, ids);
  return ids;
}

/** Reader-made ids whose author and text were stored from another page load of the same stream shortly before. */
async function shownBeforeReload(db: ChotDatabase, streamId: string, messages: readonly MessageRecord[]): Promise<Set<string>> {
  const candidates = messages.filter((message) => readerSessionOf(message.messageId) !== undefined);
  if (candidates.length === 0) return new Set();
  const since = Math.min(...candidates.map((m) => m.observedAt)) - RELOAD_REPEAT_WINDOW_MS;
  const recent = await readLogSince(db, streamId, since);
  const earlier = new Map<string, string[]>();
  for (const stored of recent) {
    const session = readerSessionOf(stored.messageId);
    if (!session) continue;
    const key = `${stored.authorName}\u0000${stored.text}`;
    earlier.set(key, [...(earlier.get(key) ?? []), session]);
  }
  return new Set(
    candidates
      .filter((message) => {
        const sessions = earlier.get(`${message.authorName}\u0000${message.text}`) ?? [];
        return sessions.some((session) => session !== readerSessionOf(message.messageId));
      })
      .map((message) => message.id),
  );
}

/**
 * What one comment does to its buyer's orders: an order adds one (flagged if it repeats a recent one); a
 * cancel cancels the latest open order; a change rewrites it; a phone sent on its own goes to the latest
 * open order that has none.
 */
function applyComment(buyers: BuyerOrders, message: MessageRecord, parsed: ParseResult, repeatWindowMs: number, now: number, unpaid: boolean): void {
  const author = authorKeyOf(message);
  if (placesOrder(parsed)) {
    const order = orderFrom(message, parsed, now);
    return buyers.add(unpaid ? { ...order, buyerUnpaid: true } : order, repeatWindowMs);
  }
  if (parsed.intent === 'cancel') {
    // "hủy 2 thùng" names the order: the latest open one with that line; otherwise the latest open one.
    const names = (order: { items: ParseResult['items'] }) =>
      parsed.items.some((wanted) => order.items.some((item) => item.quantity === wanted.quantity && item.unit === wanted.unit));
    const target =
      (parsed.items.length > 0 ? buyers.latestOpen(author, message.observedAt, names) : undefined) ?? buyers.latestOpen(author, message.observedAt);
    if (target) buyers.change(target, { status: 'cancelled' }, message.id, 'decide', { cancelledByMessageId: message.id });
    return;
  }
  if (parsed.intent === 'change' && parsed.items.length > 0) {
    const target = buyers.latestOpen(author, message.observedAt);
    // A change to an order the assistant already confirmed goes back to them for a second look.
    const reopen = target?.status === 'confirmed' ? ({ status: 'pending' } as const) : {};
    if (target)
      buyers.change(
        target,
        { items: parsed.items, totalKg: parsed.totalKg, ...(parsed.phone ? { phone: parsed.phone } : {}), ...reopen },
        message.id,
        'edit',
        target.status === 'confirmed' ? { changedAfterConfirm: true } : {},
      );
    return;
  }
  if (parsed.phone && parsed.items.length === 0) {
    const target = buyers.latestOpen(author, message.observedAt, (order) => order.phone === null);
    if (target) buyers.change(target, { phone: parsed.phone }, message.id, 'edit');
  }
}

/**
 * How far a stream's last message time may run ahead of its record. Each write of the streams table wakes
 * every view that lists streams, once per chat batch; the time only orders broadcasts and scopes exports,
 * where half a minute changes nothing.
 */
export const STREAM_ACTIVITY_STEP_MS = 30_000;

async function upsertStream(db: ChotDatabase, stream: StreamClaim, streamId: string, fresh: MessageRecord[], current: StreamRecord | undefined): Promise<void> {
  const times = fresh.map((m) => m.observedAt);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const unchanged =
    current !== undefined &&
    (stream.title ?? current.title) === current.title &&
    (stream.host ?? current.host) === current.host &&
    first >= current.firstMessageAt &&
    current.endedAt === undefined &&
    last - current.lastMessageAt < STREAM_ACTIVITY_STEP_MS;
  if (unchanged) return;
  const record: StreamRecord = current
    ? {
        ...current,
        title: stream.title ?? current.title,
        host: stream.host ?? current.host,
        firstMessageAt: Math.min(current.firstMessageAt, first),
        lastMessageAt: Math.max(current.lastMessageAt, last),
        endedAt: undefined,
      }
    : {
        id: streamId,
        platform: stream.platform,
        streamKey: stream.key,
        title: stream.title ?? null,
        host: stream.host ?? null,
        firstMessageAt: first,
        lastMessageAt: last,
        broadcastId: streamId,
      };
  await db.streams.put(record);
}
