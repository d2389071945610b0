import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import type { ActionRecord, OrderChange, OrderRecord } from './records';
import type { IngestSession } from './ingest-cache';

const OPEN_STATUSES = new Set(['pending', 'confirmed']);

/** Comparable form of an order comment for spotting repeats: case, spacing and punctuation aside. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What a batch needs read before it is applied. */
export interface BuyerReads {
  /** Buyers whose comments act on their earlier orders (a cancel, a change, a phone): all their orders. */
  histories: readonly string[];
  /** Buyers who order: their orders observed from `since` on, enough to spot a repeated order. */
  recent?: { since: number; buyers: readonly string[] };
}

/**
 * A query costs about as much as reading this many orders of a range: the stream's latest orders are read
 * in one range when there are not more of them than this many per buyer who orders, else buyer by buyer.
 */
const ROWS_PER_QUERY = 6;

/**
 * A batch's view of each buyer's orders in one stream: the stored ones (read before the batch is applied) with this
 * batch's new and changed ones on top, and the actions their comments made.
 */
export class BuyerOrders {
  /** Buyers whose every stored order was read. */
  private readonly stored = new Map<string, OrderRecord[]>();
  /** The stream's orders observed since `recentSince`, by buyer: a new order looks back no further. */
  private readonly recent = new Map<string, OrderRecord[]>();
  private recentSince = Number.POSITIVE_INFINITY;
  readonly touched = new Map<string, OrderRecord>();
  /** The touched orders by buyer, so a buyer's view does not walk the whole batch. */
  private readonly touchedBy = new Map<string, Map<string, OrderRecord>>();
  readonly actions: ActionRecord[] = [];
  private readonly created = new Set<string>();
  /** Every stored order read for the batch, as stored: what a changed one replaces. */
  private readonly read = new Map<string, OrderRecord>();

  /** `held`: the background's memory of orders (ingest-cache.ts), read before the database. */
  constructor(
    private readonly db: ChotDatabase,
    private readonly streamId: string,
    private readonly now: number,
    private readonly held?: IngestSession,
  ) {}

  /** With the background's memory: histories and the latest orders from it, else read once and kept there. */
  private async loadHeld(held: IngestSession, { histories, recent }: BuyerReads): Promise<void> {
    const wanted = [...new Set(histories)].filter((key) => !this.stored.has(key));
    const known = wanted.map((key) => held.history(this.streamId, key));
    const reading = wanted.filter((_, i) => known[i] === undefined);
    const latest = recent && recent.since < this.recentSince ? held.recentOrders(this.streamId, recent.since) : undefined;
    const [found, range] = await Promise.all([
      Promise.all(reading.map((key) => this.db.orders.where('[streamId+authorKey]').equals([this.streamId, key]).toArray())),
      recent && recent.since < this.recentSince && !latest
        ? this.db.orders.where('[streamId+observedAt]').between([this.streamId, recent.since], [this.streamId, Dexie.maxKey], true, true).toArray()
        : undefined,
    ]);
    reading.forEach((key, i) => held.readHistory(this.streamId, key, found[i]!));
    const read = new Map(reading.map((key, i) => [key, found[i]!]));
    wanted.forEach((key, i) => this.keep(key, known[i] ?? read.get(key)!));
    if (range) held.readRecentOrders(this.streamId, recent!.since, range);
    const orders = latest ?? range;
    for (const order of orders ?? []) this.read.set(order.id, order);
    if (!recent || !orders) return;
    held.forgetBefore(this.streamId, recent.since);
    this.recentSince = recent.since;
    this.recent.clear();
    for (const order of orders) {
      const mine = this.recent.get(order.authorKey);
      if (mine) mine.push(order);
      else this.recent.set(order.authorKey, [order]);
    }
  }

  /**
   * Reads what the batch needs: the whole history only of buyers who cancel or change (a few per batch),
   * and for the repeat check the stream's latest orders in one range when there are few of them, else each
   * ordering buyer's orders. Requests are issued together: IndexedDB serves them together (a single anyOf()
   * over a compound index walks a cursor key by key and was four times slower).
   */
  async load({ histories, recent }: BuyerReads): Promise<void> {
    if (this.held) return this.loadHeld(this.held, { histories, recent });
    const byBuyer = (keys: readonly string[]) =>
      Promise.all(keys.map((key) => this.db.orders.where('[streamId+authorKey]').equals([this.streamId, key]).toArray()));
    const wanted = [...new Set(histories)].filter((key) => !this.stored.has(key));
    const readRecent = async () => {
      if (!recent || recent.since >= this.recentSince) return;
      const ordering = [...new Set(recent.buyers)].filter((key) => !this.stored.has(key) && !wanted.includes(key));
      if (ordering.length === 0) return;
      const range = this.db.orders.where('[streamId+observedAt]').between([this.streamId, recent.since], [this.streamId, Dexie.maxKey], true, true);
      if ((await range.count()) > ordering.length * ROWS_PER_QUERY) {
        const found = await byBuyer(ordering);
        ordering.forEach((key, i) => this.keep(key, found[i]!));
        return;
      }
      const latest = await range.toArray();
      for (const order of latest) this.read.set(order.id, order);
      this.recentSince = recent.since;
      this.recent.clear();
      for (const order of latest) this.recent.set(order.authorKey, [...(this.recent.get(order.authorKey) ?? []), order]);
    };
    const [found] = await Promise.all([byBuyer(wanted), readRecent()]);
    wanted.forEach((key, i) => this.keep(key, found[i]!));
  }

  private keep(authorKey: string, orders: OrderRecord[]): void {
    this.stored.set(authorKey, orders);
    for (const order of orders) this.read.set(order.id, order);
  }

  /** A changed order as it is stored (read for this batch), which its write replaces. */
  storedVersion(orderId: string): OrderRecord | undefined {
    return this.read.get(orderId);
  }

  /** A buyer's orders, stored (all, or those since `since`) and touched in this batch, oldest first. */
  private ordersOf(authorKey: string, since?: number): OrderRecord[] {
    let stored = this.stored.get(authorKey);
    if (!stored && since !== undefined && since >= this.recentSince) stored = this.recent.get(authorKey) ?? [];
    if (!stored) throw new Error(`orders of ${authorKey} were not loaded`);
    const merged = new Map(stored.map((order) => [order.id, order]));
    for (const order of this.touchedBy.get(authorKey)?.values() ?? []) merged.set(order.id, order);
    return [...merged.values()].sort((a, b) => a.observedAt - b.observedAt);
  }

  /** The buyer's latest open order before `before` (their history must have been loaded). */
  latestOpen(authorKey: string, before: number, wanting?: (order: OrderRecord) => boolean): OrderRecord | undefined {
    return this.ordersOf(authorKey)
      .filter((order) => OPEN_STATUSES.has(order.status) && order.observedAt <= before && (wanting?.(order) ?? true))
      .at(-1);
  }

  /** Whether a touched order is new in this batch (not stored before). */
  isNew(orderId: string): boolean {
    return this.created.has(orderId);
  }

  /** A new order; flagged when the buyer sent the same words within the window (not dropped: they may mean it). */
  add(order: OrderRecord, repeatWindowMs: number): void {
    const same = this.ordersOf(order.authorKey, order.observedAt - repeatWindowMs)
      .filter(
        (earlier) => earlier.status !== 'cancelled' && order.observedAt - earlier.observedAt <= repeatWindowMs && wordsOf(earlier.text) === wordsOf(order.text),
      )
      .at(-1);
    this.created.add(order.id);
    this.touch(same ? { ...order, possibleRepeatOf: same.id } : order);
  }

  private touch(order: OrderRecord): void {
    this.touched.set(order.id, order);
    const mine = this.touchedBy.get(order.authorKey) ?? new Map<string, OrderRecord>();
    mine.set(order.id, order);
    this.touchedBy.set(order.authorKey, mine);
  }

  /** A change a buyer's comment made to one of their orders, recorded like an assistant's. */
  change(order: OrderRecord, after: OrderChange, messageId: string, kind: ActionRecord['kind'], extra: Partial<OrderRecord> = {}): void {
    const before = Object.fromEntries(Object.keys(after).map((key) => [key, order[key as keyof OrderChange]])) as OrderChange;
    this.touch({ ...order, ...after, ...extra, updatedAt: this.now });
    this.actions.push({ at: this.now, orderId: order.id, kind, source: 'buyer', messageId, before, after });
  }
}
