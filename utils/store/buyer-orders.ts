import type { ChotDatabase } from './db';
import type { ActionRecord, OrderChange, OrderRecord } from './records';

const OPEN_STATUSES = new Set(['pending', 'confirmed']);

/** Comparable form of an order comment for spotting repeats: case, spacing and punctuation aside. */
const wordsOf = (text: string) => text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A batch's view of each buyer's orders in one stream: the stored ones (read once per buyer) with this
 * batch's new and changed ones on top, and the actions their comments made.
 */
export class BuyerOrders {
  private readonly stored = new Map<string, OrderRecord[]>();
  readonly touched = new Map<string, OrderRecord>();
  readonly actions: ActionRecord[] = [];

  constructor(private readonly db: ChotDatabase, private readonly streamId: string, private readonly now: number) {}

  private async ordersOf(authorKey: string): Promise<OrderRecord[]> {
    let stored = this.stored.get(authorKey);
    if (!stored) {
      stored = await this.db.orders.where('[streamId+authorKey]').equals([this.streamId, authorKey]).toArray();
      this.stored.set(authorKey, stored);
    }
    const merged = new Map(stored.map((order) => [order.id, order]));
    for (const order of this.touched.values()) if (order.authorKey === authorKey) merged.set(order.id, order);
    return [...merged.values()].sort((a, b) => a.observedAt - b.observedAt);
  }

  /** The buyer's latest open order before `before`. */
  async latestOpen(authorKey: string, before: number, wanting?: (order: OrderRecord) => boolean): Promise<OrderRecord | undefined> {
    return (await this.ordersOf(authorKey)).filter((order) => OPEN_STATUSES.has(order.status) && order.observedAt <= before && (wanting?.(order) ?? true)).at(-1);
  }

  /** A new order; flagged when the buyer sent the same words within the window (not dropped: they may mean it). */
  async add(order: OrderRecord, repeatWindowMs: number): Promise<void> {
    const same = (await this.ordersOf(order.authorKey)).filter((earlier) => earlier.status !== 'cancelled' && order.observedAt - earlier.observedAt <= repeatWindowMs && wordsOf(earlier.text) === wordsOf(order.text)).at(-1);
    this.touched.set(order.id, same ? { ...order, possibleRepeatOf: same.id } : order);
  }

  /** A change a buyer's comment made to one of their orders, recorded like an assistant's. */
  change(order: OrderRecord, after: OrderChange, messageId: string, kind: ActionRecord['kind'], extra: Partial<OrderRecord> = {}): void {
    const before = Object.fromEntries(Object.keys(after).map((key) => [key, order[key as keyof OrderChange]])) as OrderChange;
    this.touched.set(order.id, { ...order, ...after, ...extra, updatedAt: this.now });
    this.actions.push({ at: this.now, orderId: order.id, kind, source: 'buyer', messageId, before, after });
  }
}
