import type * as Y from 'yjs';
import type { ChotDatabase } from '../store/db';
import type { StreamRecord } from '../store/records';
import { setTeamSink, type LocalChanges } from './team-capture';
import { ApplyGivenUp, applyRemote, type RemoteChange } from './team-apply';
import { isNewer, watchEntries } from './team-doc';
import { pushChanges, type Desk } from './team-push';
import { reconcile } from './team-reconcile';
import { carryOver, laterIn } from './team-compact';
import {
  BROADCASTS_MAP,
  broadcastDocName,
  generationName,
  GENERATIONS_MAP,
  INDEX_DOC,
  SHOP_DOC,
  SHARED_TABLES,
  type SharedTable,
  type TeamEntry,
} from './team-records';

/** The longest the shop's document waits for the index to answer before it is asked for anyway. */
const SHOP_WAIT_MS = 2000;
/** Applies given up in a row for this desk's commands before one is let finish whatever comes. */
const MAX_GIVEN_UP = 2;
/** Other desks' decisions go ahead of the other changes waiting when at least this many wait beside them. */
const DECISIONS_FIRST_BESIDE = 20;
/** An apply this large (a joining desk's broadcast) is never given up: starting it over would cost more than the wait. */
const MAX_CHANGES_GIVEN_UP = 2000;

type Turn = 'push' | 'apply' | 'other';
const TURNS: readonly Turn[] = ['push', 'apply', 'other'];

type KeysByTable = Map<SharedTable, Set<string>>;

/** Adds keys of a table to a map of keys by table. */
function addKeys(into: KeysByTable, table: SharedTable, keys: Iterable<string>): void {
  const set = into.get(table) ?? new Set<string>();
  for (const key of keys) set.add(key);
  into.set(table, set);
}

const keyCount = (keys: KeysByTable) => [...keys.values()].reduce((sum, set) => sum + set.size, 0);

/** Several commits' changes as one, in commit order (a record changed twice goes as the later commit left it). */
function mergeChanges(all: readonly LocalChanges[]): LocalChanges {
  const merged: LocalChanges = new Map();
  for (const changes of all)
    for (const [table, written] of changes) {
      const into = merged.get(table) ?? new Map<unknown, unknown>();
      for (const [key, value] of written) into.set(key, value);
      merged.set(table, into);
    }
  return merged;
}

/** A shared document and when it has first caught up with the server (or with what this browser kept of it). */
export interface OpenedDoc {
  doc: Y.Doc;
  synced: Promise<void>;
  /** When it has first caught up with the server itself: a compacted generation is compared with the store only then. */
  online?: Promise<void>;
  /** Closes it and removes this browser's copy (a generation this desk has moved from). */
  drop?(): Promise<void>;
  /** When the server refuses it for good (a server older than the index refuses the index). */
  refused?: Promise<void>;
}

/** A document this desk has open: under which generation, and how to stop watching it. */
interface Opened {
  generation: number;
  opened: OpenedDoc;
  unwatch: () => void;
  /** The generation it is being moved to. */
  moving?: number;
}

export interface TeamSyncOptions {
  desk: Desk;
  /**
   * Opens a document by name: the Hocuspocus provider in the extension, linked in-memory documents in tests.
   * It asks the server for it only once `after` has resolved (its copy in this browser loads at once).
   */
  open(name: string, after?: Promise<unknown>): OpenedDoc;
  /** Products changed on another desk: the parser reads with the new catalog from now on. */
  onCatalogChanged?(): void;
  /** Broadcasts active within this long are opened when the desk starts (others when this desk writes to them). */
  recentMs?: number;
  now?(): number;
}

/**
 * The background's team sync, between this browser's store and the team's documents (one per broadcast,
 * and the shop's; the index only lists the broadcasts). Pushes, applies and the rest (catching up with a
 * document, moving to a compacted one) run one at a time, so none sees half of another, and take turns:
 * whichever kind waits runs after at most one task of each other kind. A desk reading a busy chat pushes
 * all the time and a desk beside it applies all the time; neither kind waits behind a backlog of the other,
 * so a decision leaves, and arrives, within a task or two however busy the chat keeps the desk. A push whose
 * records an apply waiting would overwrite goes first (the apply then reads the documents with this desk's
 * later write in them), and so do pushes waiting when another task's turn comes (a comparison with the
 * store must see this desk's changes in the documents).
 */
export class TeamSync {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly opened = new Map<string, Opened>();
  /** The list of broadcasts and their generations (INDEX_DOC); not one of the documents records live in. */
  private index: OpenedDoc | undefined;
  /** When the shop's document may be asked for: once the broadcasts the index lists have been. */
  private shopAfter: Promise<unknown> | undefined;
  private readonly stops: (() => void)[] = [];
  /** Commits not yet pushed, remote keys not yet applied, and the other tasks waiting their turn. */
  private readonly waitingPushes: LocalChanges[] = [];
  private incoming: KeysByTable = new Map();
  /** Keys received since the last moment they were taken in (received, takeArrived). */
  private arrived: KeysByTable = new Map();
  private takeScheduled = false;
  private readonly waitingTasks: (() => Promise<unknown>)[] = [];
  /** The task running now (and, once it settles, the next one's start). */
  private running: Promise<void> | undefined;
  /** A push of commits that need no read, running beside an apply (the next task waits for both). */
  private beside: Promise<void> | undefined;
  private lastTurn: Turn = 'other';
  /** The keys the apply under way writes, by table (its transaction may commit after a local one). */
  private applying: KeysByTable | undefined;
  /** Gives up the apply under way for a command of this desk (makeWayFor). */
  private applyAbort: AbortController | undefined;
  /** Commands of this desk being made way for: no apply starts meanwhile. */
  private commandsWaiting = 0;
  /** Applies given up one after the other: past MAX_GIVEN_UP the next one is not given up (it would never finish). */
  private givenUp = 0;
  /** Streams as last pushed or read, for the broadcast a record goes to (an apply drops those it writes). */
  private readonly streamsSeen = new Map<string, StreamRecord | null>();
  private stopped = false;
  /** Changes written to the documents by this desk since it started (the status shows those the server has not yet acknowledged). */
  written = 0;

  constructor(
    private readonly db: ChotDatabase,
    private readonly options: TeamSyncOptions,
  ) {}

  private get now() {
    return this.options.now?.() ?? Date.now();
  }

  async start(): Promise<void> {
    setTeamSink(this.db.name, (changes) => this.enqueuePush(changes));
    // The index first: its few bytes name the broadcasts, asked for at once while the shop's buyers still come.
    const index = (this.index = this.options.open(INDEX_DOC));
    // The shop's buyers (megabytes) are asked for once the listed broadcasts have been: the server sends
    // those first, and a joining desk has its orders while the buyers still come. An index that does not
    // answer (an older server refuses it, or no network yet) holds the shop back SHOP_WAIT_MS at most.
    let listedAskedFor = () => {};
    this.shopAfter = new Promise<void>((resolve) => {
      listedAskedFor = resolve;
      setTimeout(resolve, SHOP_WAIT_MS);
    });
    void index.refused?.then(listedAskedFor);
    void index.online
      ?.then(() => Promise.all([...this.opened.values()].map((open) => open.opened.synced)))
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(listedAskedFor);
    if (!index.online) listedAskedFor();
    const shop = this.docFor(SHOP_DOC);
    const openListed = () => {
      for (const [id, at] of this.listed(BROADCASTS_MAP)) if (at >= this.now - (this.options.recentMs ?? 3 * 86_400_000)) this.docFor(broadcastDocName(id));
    };
    // A broadcast compacted on the server: this desk moves its open copy to the new generation.
    const moveCompacted = () => {
      for (const [id, generation] of this.listed(GENERATIONS_MAP)) {
        const open = this.opened.get(broadcastDocName(id));
        if (open && open.generation < generation && (open.moving ?? 0) < generation) this.moveTo(broadcastDocName(id), generation);
      }
    };
    for (const [map, observer] of [
      [BROADCASTS_MAP, openListed],
      [GENERATIONS_MAP, moveCompacted],
    ] as const) {
      for (const list of this.lists(map)) {
        list.observe(observer);
        this.stops.push(() => list.unobserve(observer));
      }
    }
    openListed();
    moveCompacted();
    // What only the shop's document lists (written by an older desk, or before the index existed) goes into
    // the index once both have the server's copy, so the next fresh desk finds it there. An older server
    // refuses the index: it never comes online, and the desk reads the shop's lists alone.
    const shopOnline = this.opened.get(SHOP_DOC)!.opened.online;
    if (index.online && shopOnline)
      void Promise.all([index.online, shopOnline]).then(() => {
        if (this.stopped) return;
        const mirror = () =>
          index.doc.transact(() => {
            for (const map of [BROADCASTS_MAP, GENERATIONS_MAP]) {
              const into = index.doc.getMap<number>(map);
              for (const [id, value] of shop.getMap<number>(map)) if ((into.get(id) ?? 0) < value) into.set(id, value);
            }
          });
        mirror();
        for (const map of [BROADCASTS_MAP, GENERATIONS_MAP]) {
          const list = shop.getMap<number>(map);
          list.observe(mirror);
          this.stops.push(() => list.unobserve(mirror));
        }
      });
    const streams = await this.db.streams.toArray();
    for (const stream of streams) if (!stream.endedAt) this.docFor(broadcastDocName(stream.broadcastId));
  }

  /** One list in the index and in the shop's document (older desks and servers know only the latter). */
  private lists(map: string): Y.Map<number>[] {
    const shop = this.docFor(SHOP_DOC).getMap<number>(map);
    return this.index ? [this.index.doc.getMap<number>(map), shop] : [shop];
  }

  /** Each broadcast's highest value in both copies of a list. */
  private listed(map: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const list of this.lists(map)) for (const [id, value] of list) out.set(id, Math.max(value, out.get(id) ?? 0));
    return out;
  }

  stop(): void {
    this.stopped = true;
    setTeamSink(this.db.name, null);
    this.stops.forEach((stop) => stop());
    this.opened.forEach((open) => open.unwatch());
  }

  /** Resolves once every change seen so far is pushed or applied. */
  async idle(): Promise<void> {
    // (keys received a moment ago are taken in by a microtask queued before this one)
    while (this.running || this.beside || this.takeScheduled) await Promise.all([this.running, this.beside, Promise.resolve()]);
  }

  /**
   * Runs a command of this desk (an assistant's decision) ahead of other desks' changes: the apply under way,
   * which would hold the command's transaction back until it commits (on a desk beside a busy chat, most of
   * the time), is given up and its changes are applied again after the command; none starts meanwhile.
   */
  async makeWayFor<T>(command: () => Promise<T>): Promise<T> {
    this.commandsWaiting += 1;
    if (this.givenUp < MAX_GIVEN_UP) this.applyAbort?.abort();
    try {
      return await command();
    } finally {
      this.commandsWaiting -= 1;
      this.runNext();
    }
  }

  openDocs(): ReadonlyMap<string, Y.Doc> {
    return this.docs;
  }

  /** A broadcast's current generation, as the server wrote it in the index and the shop's document. */
  private generationOf(name: string): number {
    if (name === SHOP_DOC) return 1;
    return this.listed(GENERATIONS_MAP).get(name.slice('broadcast:'.length)) ?? 1;
  }

  /** Opens a document's current generation (the map of open documents is by name, whatever the generation). */
  docFor(name: string): Y.Doc {
    const open = this.docs.get(name);
    if (open) return open;
    const generation = this.generationOf(name);
    const opened = this.options.open(generationName(name, generation), name === SHOP_DOC ? this.shopAfter : undefined);
    const { doc } = opened;
    this.docs.set(name, doc);
    this.opened.set(name, { generation, opened, unwatch: watchEntries(doc, (table, keys) => this.received(table, keys)) });
    if (name !== SHOP_DOC) {
      const id = name.slice('broadcast:'.length);
      if ((this.listed(BROADCASTS_MAP).get(id) ?? 0) < this.now - 3_600_000) for (const list of this.lists(BROADCASTS_MAP)) list.set(id, this.now);
    }
    // A compacted generation this desk has no copy of yet is compared with the store once it has the server's.
    const ready = generation > 1 ? Promise.all([opened.synced, opened.online]) : opened.synced;
    void ready.then(() => this.enqueue(() => this.catchUp(name, doc)));
    return doc;
  }

  /**
   * Moves an open broadcast to its compacted generation. Until the new one has the server's copy, this
   * desk keeps writing to the old (the server no longer takes it); then, in one step between pushes,
   * whatever the old copy has later than the new one (this desk's changes the server never got) is
   * carried over with its own stamps, what the new one has later than the old is applied to the store, the
   * desk works on the new one, and the old copy is deleted.
   */
  private moveTo(name: string, generation: number): void {
    const from = this.opened.get(name)!;
    from.moving = generation;
    const next = this.options.open(generationName(name, generation));
    void Promise.all([next.synced, next.online]).then(() =>
      this.enqueue(async () => {
        if (this.opened.get(name) !== from || from.moving !== generation) return void next.drop?.();
        // What others sent just before the compaction and this desk had not received yet: applied as any remote change.
        const missed = laterIn(next.doc, from.opened.doc);
        this.written += carryOver(from.opened.doc, next.doc);
        from.unwatch();
        this.docs.set(name, next.doc);
        this.opened.set(name, { generation, opened: next, unwatch: watchEntries(next.doc, (table, keys) => this.received(table, keys)) });
        for (const [table, keys] of missed) this.received(table, keys);
        await from.opened.drop?.();
      }),
    );
  }

  private enqueue(task: () => Promise<unknown>): void {
    this.waitingTasks.push(task);
    this.runNext();
  }

  /** A local commit's changes: pushed on its turn, with the other commits still waiting. */
  private enqueuePush(changes: LocalChanges): void {
    // The apply under way may commit after this commit, over the same records: those are read from the store
    // when pushed, as the apply left them (what this commit wrote would go to the team while the store kept
    // the apply's). The store keys this desk's actions by sequence number, the documents by "desk:seq"; a desk
    // writes no other desk's action, so only its own can be in both.
    if (this.applying)
      for (const [table, written] of changes) {
        const applying = this.applying.get(table);
        if (!applying?.size) continue;
        for (const key of written.keys())
          if (applying.has(table === 'actions' ? `${this.options.desk.desk}:${String(key)}` : String(key))) written.set(key, undefined);
      }
    this.waitingPushes.push(changes);
    this.runNext();
  }

  private received(table: SharedTable, keys: readonly string[]): void {
    addKeys(this.incoming, table, keys);
    addKeys(this.arrived, table, keys);
    // An update names its tables one after the other: they are taken together, a moment later, so that one
    // update is one apply (a decision's order with its action).
    if (!this.takeScheduled) {
      this.takeScheduled = true;
      queueMicrotask(() => this.takeArrived());
    }
  }

  private takeArrived(): void {
    this.takeScheduled = false;
    const arrived = this.arrived;
    this.arrived = new Map();
    // Another desk's decision (every decision writes an action) while many other records (a busy chat's new
    // orders) are being applied: those are given up and wait, the decision is applied first (drain). Not the
    // apply of the decided order itself.
    const actions = arrived.get('actions');
    if (actions && this.applyingMany() && this.givenUp < MAX_GIVEN_UP) {
      const applyingOrders = this.applying?.get('orders');
      const decidedElsewhere = [...actions].some((key) => {
        const orderId = this.orderOfAction(key);
        return orderId !== undefined && !applyingOrders?.has(orderId);
      });
      if (decidedElsewhere) this.applyAbort?.abort();
    }
    this.runNext();
  }

  /** The order an action in the documents is about (its entry as received, not yet checked). */
  private orderOfAction(key: string): string | undefined {
    const orderId = (this.latest('actions', key)?.v as { orderId?: unknown } | null | undefined)?.orderId;
    return typeof orderId === 'string' ? orderId : undefined;
  }

  /** An apply of a busy chat's records under way, holding back a decision that arrives. */
  private applyingMany(): boolean {
    if (!this.applying || this.applying.has('actions')) return false;
    return keyCount(this.applying) >= DECISIONS_FIRST_BESIDE;
  }

  /**
   * Other desks' decisions among the keys waiting, with the orders they decided, when many other changes
   * (a busy chat's orders) wait beside them: applied first, in a transaction of their own.
   */
  private decisionsWaiting(): KeysByTable | undefined {
    const actions = this.incoming.get('actions');
    if (!actions?.size) return undefined;
    const orders = this.incoming.get('orders') ?? new Set<string>();
    const decided = new Set<string>();
    for (const key of actions) {
      const orderId = this.orderOfAction(key);
      if (orderId !== undefined && orders.has(orderId)) decided.add(orderId);
    }
    if (keyCount(this.incoming) - actions.size - decided.size < DECISIONS_FIRST_BESIDE) return undefined;
    return new Map([
      ['actions', new Set(actions)],
      ['orders', decided],
    ]);
  }

  /** Starts the next task unless one runs; each one, as it settles, starts the next. */
  private runNext(): void {
    if (this.stopped) return;
    if (this.running) return this.pushBesideApply();
    if (this.beside) return;
    const turn = this.nextTurn();
    if (!turn) return;
    this.lastTurn = turn;
    const task = turn === 'push' ? this.pushWaiting() : turn === 'apply' ? this.drain() : this.runTask(this.waitingTasks.shift()!);
    this.running = this.whenSettled(task, () => (this.running = undefined));
  }

  /**
   * A desk's own decision leaves while an apply of other desks' records runs (on a desk beside a busy chat,
   * one always does), when it needs nothing read from the store: its records as committed are not those the
   * apply writes (those are marked unread, and an apply never starts over a waiting push's records), so the
   * two touch different entries. Not beside a comparison with the store, whose push must come after it.
   */
  private pushBesideApply(): void {
    if (this.lastTurn !== 'apply' || !this.applying || this.beside || this.waitingPushes.length === 0) return;
    if (this.waitingPushes.some((changes) => [...changes.values()].some((written) => [...written.values()].includes(undefined)))) return;
    this.beside = this.whenSettled(this.pushWaiting(), () => (this.beside = undefined));
  }

  /** A task that, however it ends, is cleared and lets the next one start. */
  private whenSettled(task: Promise<unknown>, clear: () => void): Promise<void> {
    return task
      .catch((error: unknown) => console.warn('team sync', error))
      .then(() => {
        clear();
        this.runNext();
      });
  }

  /** Whose turn it is: the kind after the last one to run, among those waiting. */
  private nextTurn(): Turn | undefined {
    const waits: Record<Turn, boolean> = {
      push: this.waitingPushes.length > 0,
      apply: this.commandsWaiting === 0 && [...this.incoming.values()].some((keys) => keys.size > 0),
      other: this.waitingTasks.length > 0,
    };
    if (waits.push && waits.apply && this.pushOverwritten()) return 'push';
    const after = TURNS.indexOf(this.lastTurn);
    return [1, 2, 3].map((step) => TURNS[(after + step) % TURNS.length]!).find((turn) => waits[turn]);
  }

  /** Whether an apply waiting would write over a record this desk changed and has not pushed yet. */
  private pushOverwritten(): boolean {
    for (const changes of this.waitingPushes)
      for (const [table, written] of changes) {
        const incoming = this.incoming.get(table);
        if (!incoming?.size) continue;
        // The store keys this desk's own actions by sequence number, the documents by "desk:seq".
        for (const key of written.keys()) if (incoming.has(table === 'actions' ? `${this.options.desk.desk}:${String(key)}` : String(key))) return true;
      }
    return false;
  }

  /** The commits waiting, as one push (a record changed twice is read once). */
  private async pushWaiting(): Promise<void> {
    const waiting = this.waitingPushes.splice(0);
    if (waiting.length > 0) await this.push(mergeChanges(waiting));
  }

  private async runTask(task: () => Promise<unknown>): Promise<void> {
    await this.pushWaiting().catch((error: unknown) => console.warn('team sync', error));
    await task();
  }

  private async push(changes: LocalChanges): Promise<void> {
    this.written += await pushChanges(this.db, changes, this, this.options.desk, this.now, this.streamsSeen);
  }

  /** The keys other desks changed, applied with their latest entries as the documents hold them now. */
  private async drain(): Promise<void> {
    const first = this.decisionsWaiting();
    const batch = first ?? this.incoming;
    if (first) for (const [table, keys] of first) keys.forEach((key) => this.incoming.get(table)?.delete(key));
    else this.incoming = new Map();
    const changes = [...batch].flatMap(([table, set]) =>
      [...set].flatMap((key) => {
        const entry = this.latest(table, key);
        return entry ? [{ table, key, entry }] : [];
      }),
    );
    await this.apply(changes);
  }

  /** A record may be in two documents (a stream joined into another broadcast): the later write counts. */
  private latest(table: SharedTable, key: string): TeamEntry | undefined {
    let best: TeamEntry | undefined;
    for (const doc of this.docs.values()) {
      const entry = doc.getMap<TeamEntry>(table).get(key);
      if (entry && (!best || isNewer(entry, best))) best = entry;
    }
    return best;
  }

  private async apply(changes: RemoteChange[]): Promise<void> {
    if (changes.length === 0) return;
    // Streams first (an order's figures are kept per stream), a deleted stream last (after its orders).
    const rank = (change: RemoteChange) => (change.table === 'streams' && change.entry.v === null ? SHARED_TABLES.length : SHARED_TABLES.indexOf(change.table));
    changes.sort((a, b) => rank(a) - rank(b));
    const applying: KeysByTable = new Map();
    for (const { table, key } of changes) addKeys(applying, table, [key]);
    for (const key of applying.get('streams') ?? []) this.streamsSeen.delete(key);
    this.applying = applying;
    const abort = changes.length <= MAX_CHANGES_GIVEN_UP ? new AbortController() : undefined;
    this.applyAbort = abort;
    this.pushBesideApply();
    try {
      const result = await applyRemote(this.db, changes, this.options.desk.desk, this.now, abort?.signal);
      this.givenUp = 0;
      if (result.productsChanged) this.options.onCatalogChanged?.();
    } catch (error) {
      if (!(error instanceof ApplyGivenUp)) throw error;
      // nothing of it was written: its keys wait again, applied with the documents' latest entries on their turn
      this.givenUp += 1;
      for (const [table, keys] of applying) addKeys(this.incoming, table, keys);
    } finally {
      this.applying = undefined;
      this.applyAbort = undefined;
    }
  }

  private async catchUp(name: string, doc: Y.Doc): Promise<void> {
    const { apply, push } = await reconcile(this.db, name, doc, this.options.desk.desk);
    // Applied now with their latest entries: a drain still waiting need not read and compare them again
    // (a fresh desk's whole broadcast arrives before its turn comes).
    for (const { table, key } of apply) this.incoming.get(table)?.delete(key);
    await this.apply(apply.map((change) => ({ ...change, entry: this.latest(change.table, change.key) ?? change.entry })));
    if (push.size > 0) await this.push(push);
  }
}
