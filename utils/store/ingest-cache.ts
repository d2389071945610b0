import { Dexie, type ObservabilitySet } from 'dexie';
import type { ChotDatabase } from './db';
import type { CustomerRecord, OrderRecord } from './records';
import type { StreamTally } from './stream-tally';
import type { KeptBuyers } from './kept-buyers';
import { lendKeptBuyers, type KeptBuyersMemory } from './tally-middleware';
import { changedKeys, touchesTables } from './live-read';
import { idsOfPages, type ChatLogPage, type LoggedIds } from './chat-log';

// What the ingest reads for every chat batch, held in the background's memory between batches: the buyers'
// records, each stream's latest orders and some buyers' whole histories, and the stream's kept buyer counts.
// Reading them took most of a batch's time. Also the ids in each stream's chat log, for the duplicate check. The cache changes only with what the ingest itself commits; a
// commit by anything else (a decision, an edit, a merge, a restore, a team apply, a page) drops what it
// touched, and the next batch reads that again. Orders and log pages another writer changed are named by key
// in its commit: the next batch reads just those again (a decision on a desk reading a busy chat once made
// the next batch read the stream's last two minutes of orders and its whole chat log, about a second each).
//
// Why the cache knows its own commits: Dexie reports each commit of this context synchronously, with the
// transaction's own set of changed parts (`idbtrans.mutatedParts`); a commit reported with another set is
// another writer's (other contexts' commits arrive as copies, over a BroadcastChannel).
// Why the cache is never read stale: it is read only after the batch's transaction has had a request
// answered, so every earlier read-write transaction on the same tables has committed (IndexedDB runs them in
// turn), and its commit was reported first (the same task source, in order).

/** Customers held at most: a season's buyers fit; past this, the memory starts over. */
const MAX_CUSTOMERS = 50_000;
/** Buyers whose whole history in a stream is held at most, per stream. */
const MAX_HISTORIES = 5_000;
/** Chat log ids held at most, all streams together: a six-hour stream's fit several times over. */
const MAX_LOGGED_IDS = 1_000_000;
/** Orders (or log pages) another writer changed, read again one by one up to this many; past it, read again whole. */
const MAX_STALE = 2_000;

interface StreamMemory {
  /** All the stream's orders observed from `since` on (none held: +Infinity). */
  since: number;
  recent: Map<string, OrderRecord>;
  /** Buyers whose every order in the stream is held. */
  histories: Map<string, Map<string, OrderRecord>>;
  /** Which held history has an order (an order another writer changed is found there by its id). */
  historyOf: Map<string, string>;
  /** The stream's kept buyer records read so far, by bucket (null: none stored). */
  buyers?: Map<number, KeptBuyers | null>;
  /** The stream's kept figures, once read (null: none stored). */
  tally?: StreamTally | null;
  /** The ids in the stream's chat log, once read. */
  log?: LoggedIds;
}

const emptyStream = (): StreamMemory => ({ since: Number.POSITIVE_INFINITY, recent: new Map(), histories: new Map(), historyOf: new Map() });
/** The stream's orders let go (its kept figures and chat log ids stay). */
const forgetOrdersOf = (memory: StreamMemory) => Object.assign(memory, emptyStream(), { buyers: memory.buyers, tally: memory.tally, log: memory.log });

export class IngestCache {
  /** Moves on every drop: a batch that used the memory before one must not store what it read. */
  private generation = 0;
  private readonly customers = new Map<string, CustomerRecord | null>();
  private readonly streams = new Map<string, StreamMemory>();
  /** Batches under way, by their IndexedDB transaction, with what they commit. */
  private readonly open = new Map<object, IngestSession>();
  /** Orders another writer changed since the memory read them, by id: read again before a batch uses the memory. */
  private readonly staleOrders = new Set<string>();
  /** Log pages another writer wrote, by stream: their ids join the held ones before a batch uses them. */
  private readonly stalePages = new Map<string, Set<number>>();

  constructor(private readonly db: ChotDatabase) {
    Dexie.on.storagemutated.subscribe((parts) => this.committed(parts));
  }

  /** Joins the transaction under way (inside ingestChat's), or undefined outside one. */
  join(): IngestSession | undefined {
    const trans = Dexie.currentTransaction?.idbtrans;
    if (!trans) return undefined;
    let session = this.open.get(trans);
    if (session) return session.reenter();
    session = new IngestSession(this);
    this.open.set(trans, session);
    lendKeptBuyers(trans, session);
    // Dexie reports a commit from its own listener, which may run after this one (fake-indexeddb calls
    // them so): the batch is forgotten a task later. A commit that wrote nothing is not reported.
    trans.addEventListener('complete', () => setTimeout(() => this.open.delete(trans)));
    // What a batch read after its own writes is not committed: the memory starts over.
    trans.addEventListener('abort', () => {
      this.open.delete(trans);
      this.dropAll();
    });
    return session;
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  get currentGeneration(): number {
    return this.generation;
  }

  customer(id: string): CustomerRecord | null | undefined {
    return this.customers.get(id);
  }

  holdCustomer(id: string, record: CustomerRecord | undefined): void {
    if (this.customers.size >= MAX_CUSTOMERS) this.customers.clear();
    this.customers.set(id, record ?? null);
  }

  stream(streamId: string): StreamMemory {
    let memory = this.streams.get(streamId);
    if (!memory) this.streams.set(streamId, (memory = emptyStream()));
    return memory;
  }

  heldBuyers(streamId: string, bucket: number): KeptBuyers | null | undefined {
    return this.streams.get(streamId)?.buyers?.get(bucket);
  }

  holdBuyers(streamId: string, bucket: number, record: KeptBuyers | null): void {
    const memory = this.stream(streamId);
    (memory.buyers ??= new Map()).set(bucket, record);
  }

  heldTally(streamId: string): StreamTally | null | undefined {
    return this.streams.get(streamId)?.tally;
  }

  holdTally(streamId: string, tally: StreamTally | null): void {
    this.stream(streamId).tally = tally && structuredClone(tally);
  }

  heldLog(streamId: string): LoggedIds | undefined {
    return this.streams.get(streamId)?.log;
  }

  holdLog(streamId: string, ids: LoggedIds): void {
    let held = ids.size;
    for (const [id, memory] of this.streams) if (id !== streamId) held += memory.log?.size ?? 0;
    if (held > MAX_LOGGED_IDS) for (const memory of this.streams.values()) memory.log = undefined;
    this.stream(streamId).log = ids;
  }

  holdHistory(streamId: string, authorKey: string, orders: readonly OrderRecord[]): void {
    const { histories, historyOf } = this.stream(streamId);
    if (histories.size >= MAX_HISTORIES) {
      histories.clear();
      historyOf.clear();
    }
    histories.set(authorKey, new Map(orders.map((order) => [order.id, order])));
    for (const order of orders) historyOf.set(order.id, authorKey);
  }

  /** An order as committed goes where the memory keeps its stream's orders (the latest ones, its buyer's history). */
  holdOrder(order: OrderRecord): void {
    const memory = this.stream(order.streamId);
    if (order.observedAt >= memory.since) memory.recent.set(order.id, order);
    const history = memory.histories.get(order.authorKey);
    if (!history) return;
    history.set(order.id, order);
    memory.historyOf.set(order.id, order.authorKey);
  }

  /** An order let go wherever the memory has it. */
  private dropOrder(id: string): void {
    for (const memory of this.streams.values()) {
      memory.recent.delete(id);
      const owner = memory.historyOf.get(id);
      if (owner === undefined) continue;
      memory.histories.get(owner)?.delete(id);
      memory.historyOf.delete(id);
    }
  }

  /**
   * Reads again what other writers changed by key (inside a batch's transaction, once it has had a request
   * answered: those writers have committed). Orders take their place as they are now (or leave, deleted);
   * another writer's log pages add their ids to the stream's held ones.
   */
  async refresh(): Promise<void> {
    const orderIds = [...this.staleOrders];
    const pages = [...this.stalePages].flatMap(([streamId, numbers]) => [...numbers].map((page) => [streamId, page] as [string, number]));
    this.staleOrders.clear();
    this.stalePages.clear();
    if (orderIds.length === 0 && pages.length === 0) return;
    const [orders, written] = await Promise.all([
      orderIds.length > 0 ? this.db.orders.bulkGet(orderIds) : [],
      pages.length > 0 ? this.db.chatLog.bulkGet(pages) : [],
    ]);
    orderIds.forEach((id, i) => {
      this.dropOrder(id);
      const order = orders[i];
      if (order && this.streams.has(order.streamId)) this.holdOrder(order);
    });
    pages.forEach(([streamId], i) => {
      const memory = this.streams.get(streamId);
      const page = written[i];
      // a page gone again (its stream deleted): the log is read again whole
      if (memory?.log && page) idsOfPages([page], memory.log);
      else if (memory) memory.log = undefined;
    });
  }

  private committed(parts: ObservabilitySet): void {
    for (const [trans, session] of this.open) {
      if ((trans as { mutatedParts?: unknown }).mutatedParts !== parts) continue;
      this.open.delete(trans);
      if (session.settled()) session.apply(this);
      else this.dropAll();
      return;
    }
    this.foreign(parts);
  }

  /** Another writer's commit: what it touched is read again. */
  private foreign(parts: ObservabilitySet): void {
    const name = this.db.name;
    // Pages another writer wrote or deleted (a team apply, a restore, a stream deleted): those streams' ids
    // are read again. A log's pages are keyed [streamId, page].
    const pages = changedKeys(parts, name, 'chatLog');
    if (pages === 'all' || (pages !== 'none' && pages.length > MAX_STALE)) {
      for (const memory of this.streams.values()) memory.log = undefined;
      this.stalePages.clear();
    } else if (pages !== 'none')
      for (const key of pages) {
        const [streamId, page] = key as [string, number];
        if (!this.streams.get(streamId)?.log) continue;
        const stale = this.stalePages.get(streamId) ?? this.stalePages.set(streamId, new Set()).get(streamId)!;
        stale.add(page);
      }
    if (!touchesTables(parts, name, ['customers', 'orders', 'keptBuyers', 'tallies'])) return;
    this.generation += 1;
    const customers = changedKeys(parts, name, 'customers');
    if (customers === 'all') this.customers.clear();
    else if (customers !== 'none') for (const id of customers) this.customers.delete(id as string);
    // Another writer's orders, by key, are read again before the next batch uses the memory; unnamed ones
    // (a range deleted, a table cleared) may be of any stream: no stream's latest orders are complete then.
    const orders = changedKeys(parts, name, 'orders');
    if (orders === 'all' || this.staleOrders.size + (orders === 'none' ? 0 : orders.length) > MAX_STALE) {
      for (const memory of this.streams.values()) forgetOrdersOf(memory);
      this.staleOrders.clear();
    } else if (orders !== 'none') for (const id of orders) this.staleOrders.add(id as string);
    const tallies = changedKeys(parts, name, 'tallies');
    if (tallies === 'all') for (const memory of this.streams.values()) memory.tally = undefined;
    else if (tallies !== 'none') for (const key of tallies) if (this.streams.get(key as string)) this.streams.get(key as string)!.tally = undefined;
    const buyers = changedKeys(parts, name, 'keptBuyers');
    if (buyers === 'all') for (const memory of this.streams.values()) memory.buyers = undefined;
    else if (buyers !== 'none') for (const key of buyers) this.streams.get((key as [string, number])[0])?.buyers?.delete((key as [string, number])[1]);
  }

  private dropAll(): void {
    this.generation += 1;
    this.customers.clear();
    this.streams.clear();
    this.staleOrders.clear();
    this.stalePages.clear();
  }
}

/** One batch's use of the cache: what it read goes in at once, what it writes when its commit is reported. */
export class IngestSession implements KeptBuyersMemory {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly orders: OrderRecord[] = [];
  /** Streams whose orders the batch changed in a way not staged here (a withdrawal): dropped at the commit. */
  private readonly unsettled = new Set<string>();
  /** Kept buyer records written in this transaction, by stream and bucket (null: deleted): they win over the held ones. */
  private readonly buyers = new Map<string, Map<number, KeptBuyers | null>>();
  /** Kept figures written in this transaction. */
  private readonly tallies = new Map<string, StreamTally>();
  /** Chat log pages added in this transaction, by stream. */
  private readonly pages = new Map<string, ChatLogPage[]>();

  /** A second ingest in the same transaction: it must see the first one's writes, which the memory has not. */
  reentered = false;
  /**
   * The memory's generation when the batch first used it. That is after its transaction had a request
   * answered, so every earlier writer of the same tables had committed and been reported: a commit reported
   * between the batch's start and then is already in the memory (dropped, or named for reading again).
   */
  private generation: number | undefined;

  constructor(private readonly cache: IngestCache) {}

  /** From now on everything is read from the database, and the memory starts over after the commit. */
  reenter(): this {
    this.reentered = true;
    return this;
  }

  /**
   * Whether what the memory holds is still what is committed (nothing else committed since the batch
   * began), and what is read is worth holding (nothing of this transaction's own is in it yet).
   */
  current(): boolean {
    if (this.reentered) return false;
    this.generation ??= this.cache.currentGeneration;
    return this.cache.isCurrent(this.generation);
  }

  /** Whether the batch's writes may go into the memory at its commit: nothing else was reported after the batch used it. */
  settled(): boolean {
    return !this.reentered && (this.generation === undefined || this.cache.isCurrent(this.generation));
  }

  /** What other writers changed by key, read again before the batch reads the memory's orders or log ids. */
  async refresh(): Promise<void> {
    if (this.current()) await this.cache.refresh();
  }

  customer(id: string): CustomerRecord | null | undefined {
    return this.current() ? this.cache.customer(id) : undefined;
  }

  readCustomer(id: string, record: CustomerRecord | undefined): void {
    if (this.current()) this.cache.holdCustomer(id, record);
  }

  savedCustomers(records: readonly CustomerRecord[]): void {
    for (const record of records) this.customers.set(record.id, record);
  }

  /** The stream's orders observed from `since` on, when all of them are held. */
  recentOrders(streamId: string, since: number): OrderRecord[] | undefined {
    if (!this.current()) return undefined;
    const memory = this.cache.stream(streamId);
    if (since < memory.since) return undefined;
    return [...memory.recent.values()];
  }

  readRecentOrders(streamId: string, since: number, orders: readonly OrderRecord[]): void {
    if (!this.current()) return;
    Object.assign(this.cache.stream(streamId), { since, recent: new Map(orders.map((order) => [order.id, order])) });
  }

  /** No batch to come looks back before `since`: older orders are let go. */
  forgetBefore(streamId: string, since: number): void {
    const memory = this.cache.stream(streamId);
    if (!this.current() || since <= memory.since) return;
    memory.since = since;
    for (const [id, order] of memory.recent) if (order.observedAt < since) memory.recent.delete(id);
  }

  history(streamId: string, authorKey: string): OrderRecord[] | undefined {
    const held = this.current() ? this.cache.stream(streamId).histories.get(authorKey) : undefined;
    return held && [...held.values()];
  }

  readHistory(streamId: string, authorKey: string, orders: readonly OrderRecord[]): void {
    if (this.current()) this.cache.holdHistory(streamId, authorKey, orders);
  }

  wroteOrders(orders: Iterable<OrderRecord>): void {
    this.orders.push(...orders);
  }

  changedOrdersOf(streamId: string): void {
    this.unsettled.add(streamId);
  }

  keptBuyers(streamId: string, bucket: number): KeptBuyers | null | undefined {
    const written = this.buyers.get(streamId);
    if (written?.has(bucket)) return written.get(bucket);
    return this.current() ? this.cache.heldBuyers(streamId, bucket) : undefined;
  }

  readKeptBuyers(read: readonly { streamId: string; bucket: number; record: KeptBuyers | undefined }[]): void {
    // read before this transaction wrote them: what is committed, so worth holding
    for (const { streamId, bucket, record } of read)
      if (!this.buyers.get(streamId)?.has(bucket) && this.current()) this.cache.holdBuyers(streamId, bucket, record ?? null);
  }

  wroteKeptBuyers(puts: readonly KeptBuyers[], deletes: readonly (readonly [string, number])[]): void {
    const of = (streamId: string) => this.buyers.get(streamId) ?? this.buyers.set(streamId, new Map()).get(streamId)!;
    for (const record of puts) of(record.streamId).set(record.bucket, record);
    for (const [streamId, bucket] of deletes) of(streamId).set(bucket, null);
  }

  tallyOf(streamId: string): StreamTally | null | undefined {
    const tally = this.tallies.get(streamId) ?? (this.current() ? this.cache.heldTally(streamId) : undefined);
    // a copy: the figures are moved in place, and the memory must not move before the commit
    return tally && structuredClone(tally);
  }

  readTally(streamId: string, tally: StreamTally | undefined): void {
    if (!this.tallies.has(streamId) && this.current()) this.cache.holdTally(streamId, tally ?? null);
  }

  loggedIds(streamId: string): LoggedIds | undefined {
    return this.current() ? this.cache.heldLog(streamId) : undefined;
  }

  readLoggedIds(streamId: string, ids: LoggedIds): void {
    if (this.current()) this.cache.holdLog(streamId, ids);
  }

  wroteLog(streamId: string, pages: readonly ChatLogPage[]): void {
    this.pages.set(streamId, [...(this.pages.get(streamId) ?? []), ...pages]);
  }

  wroteTallies(tallies: readonly StreamTally[]): void {
    for (const tally of tallies) this.tallies.set(tally.streamId, structuredClone(tally));
  }

  /** The batch committed: the cache takes what it wrote. */
  apply(cache: IngestCache): void {
    for (const [id, record] of this.customers) cache.holdCustomer(id, record);
    for (const order of this.orders) cache.holdOrder(order);
    for (const streamId of this.unsettled) forgetOrdersOf(cache.stream(streamId));
    for (const [streamId, tally] of this.tallies) cache.holdTally(streamId, tally);
    for (const [streamId, written] of this.buyers) for (const [bucket, record] of written) cache.holdBuyers(streamId, bucket, record);
    for (const [streamId, pages] of this.pages) {
      const log = cache.heldLog(streamId);
      if (log) idsOfPages(pages, log);
    }
  }
}
