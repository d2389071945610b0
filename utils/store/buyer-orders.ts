import type { ChotDatabase } from './db';
import type { ActionRecord, OrderChange, OrderRecord } from './records';

const OPEN_STATUSES = new Set(['pending', 'confirmed']);

/** Comparable form of an order comment for spotting repeats: case, spacing and punctuation aside. */
const wordsOf = (text: string) => text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A batch's view of each buyer's orders in one stream: the stored ones (read before the batch is applied) with this
 * batch's new and changed ones on top, and the actions their comments made.
 */
export class BuyerOrders {
  private readonly stored = new Map<string, OrderRecord[]>();
  readonly touched = new Map<string, OrderRecord>();
  /** The touched orders by buyer, so a buyer's view does not walk the whole batch. */
  private readonly touchedBy = new Map<string, Map<string, OrderRecord>>();
  readonly actions: ActionRecord[] = [];
  private readonly created = new Set<string>();

  constructor(private readonly db: ChotDatabase, private readonly streamId: string, private readonly now: number) {}

  /** Reads the stored orders of the batch's buyers. */
  async load(authorKeys: readonly string[]): Promise<void> {
    const wanted = [...new Set(authorKeys)].filter((key) => !this.stored.has(key));
    if (wanted.length === 0) return;
    // One request per buyer, all issued at once: IndexedDB serves them together (a single anyOf() over a
    // compound index walks a cursor key by key and was four times slower).
    const found = await Promise.all(wanted.map((key) => this.db.orders.where('[streamId+authorKey]').equals([this.streamId, key]).toArray()));
    wanted.forEach((key, i) => this.stored.set(key, found[i]!));
  }

  /** A loaded buyer's orders, stored and touched in this batch, oldest first. */
  private ordersOf(authorKey: string): OrderRecord[] {
    const stored = this.stored.get(authorKey);
    if (!stored) throw new Error(`orders of ${authorKey} were not loaded`);
    const merged = new Map(stored.map((order) => [order.id, order]));
    for (const order of this.touchedBy.get(authorKey)?.values() ?? []) merged.set(order.id, order);
    return [...merged.values()].sort((a, b) => a.observedAt - b.observedAt);
  }

  /** The buyer's latest open order before `before`. */
  latestOpen(authorKey: string, before: number, wanting?: (order: OrderRecord) => boolean): OrderRecord | undefined {
    return this.ordersOf(authorKey).filter((order) => OPEN_STATUSES.has(order.status) && order.observedAt <= before && (wanting?.(order) ?? true)).at(-1);
  }

  /** Whether a touched order is new in this batch (not stored before). */
  isNew(orderId: string): boolean {
    return this.created.has(orderId);
  }

  /** A new order; flagged when the buyer sent the same words within the window (not dropped: they may mean it). */
  add(order: OrderRecord, repeatWindowMs: number): void {
    const same = this.ordersOf(order.authorKey).filter((earlier) => earlier.status !== 'cancelled' && order.observedAt - earlier.observedAt <= repeatWindowMs && wordsOf(earlier.text) === wordsOf(order.text)).at(-1);
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
