import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { OpenedDoc } from './team-sync';
import { TeamDocStore } from './team-doc-store';
import { compactReplySchema, INDEX_DOC, SHOP_DOC, SUPERSEDED, type CompactReply, type TeamConfig } from './team-records';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unreachable' | 'refused';

/** A message often enough that Chrome keeps the service worker (and its WebSocket) alive: under 30 s. */
const KEEPALIVE_MS = 20_000;

/**
 * The team server, through Hocuspocus: one WebSocket for all the documents, each document also kept in
 * this browser's IndexedDB (team-doc-store.ts), so a stopped service worker or a laptop off Wi-Fi resumes
 * from what it had and exchanges with the server only what either side lacks: a document goes online only
 * once this browser's copy is loaded into it (loaded first, the server is told what the desk has and sends
 * only the rest, and nothing loaded is encoded again).
 */
export class TeamConnection {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, HocuspocusProvider>();
  private readonly stores = new Map<string, TeamDocStore>();
  /** Compactions asked of the server, by broadcast, waiting for its answer. */
  private readonly compactions = new Map<string, (reply: CompactReply) => void>();
  private everConnected = false;
  private destroyed = false;
  state: ConnectionState = 'connecting';

  constructor(
    private readonly config: TeamConfig,
    private readonly onChange: () => void,
    WebSocketPolyfill?: unknown,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url: config.url, maxDelay: 15_000, ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}) });
    this.socket.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (this.state === 'refused') return;
      if (status === WebSocketStatus.Connected) this.everConnected = true;
      this.state =
        status === WebSocketStatus.Connected
          ? 'online'
          : status === WebSocketStatus.Connecting && !this.everConnected
            ? 'connecting'
            : this.everConnected
              ? 'offline'
              : 'unreachable';
      this.onChange();
    });
    this.socket.on('disconnect', () => {
      if (this.state !== 'refused') this.state = this.everConnected ? 'offline' : 'unreachable';
      this.onChange();
    });
  }

  /** Opens a document: its copy in this browser loads at once; the server is asked for it once that is loaded and `after` has resolved. */
  open(name: string, after: Promise<unknown> = Promise.resolve()): OpenedDoc {
    const doc = new Y.Doc();
    let online = () => {};
    const reached = new Promise<void>((resolve) => (online = resolve));
    let refuse = () => {};
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.config.key,
      // Presence travels with the shop's document only; it is also the keepalive.
      ...(name === SHOP_DOC ? { forceSyncInterval: KEEPALIVE_MS } : { awareness: null }),
      onAuthenticationFailed: ({ reason }) => {
        // An old generation of a compacted broadcast: the shop's document says which is current, and the sync moves there.
        if (reason.startsWith(SUPERSEDED)) return;
        // A server older than the index refuses it; the shop's document lists the broadcasts too (a wrong key is refused there).
        if (name === INDEX_DOC) return refuse();
        this.state = 'refused';
        this.socket.disconnect();
        this.onChange();
      },
      onUnsyncedChanges: () => this.onChange(),
      onSynced: ({ state }) => {
        if (state) online();
        this.onChange();
      },
      ...(name === SHOP_DOC ? { onStateless: ({ payload }: { payload: string }) => this.heard(payload) } : {}),
    });
    // Kept per server and key, so two teams on one browser never mix; loaded as if from the server (not sent back as new).
    const store = new TeamDocStore(`chot-team:${this.config.url}:${this.config.key.slice(0, 8)}:${name}`, doc, provider);
    this.stores.set(name, store);
    let dropped = false;
    void Promise.all([store.whenSynced.catch((error: unknown) => console.warn('team copy', error)), after]).then(() => {
      if (!dropped && !this.destroyed) provider.attach();
    });
    this.providers.set(name, provider);
    const drop = async () => {
      dropped = true;
      provider.destroy();
      this.providers.delete(name);
      this.stores.delete(name);
      await store.clearData();
      this.onChange();
    };
    return { doc, synced: store.whenSynced.then(() => undefined), online: reached, drop, refused };
  }

  /** Asks the server to compact a broadcast; resolves with its answer (or a failure after two minutes). */
  compact(broadcastId: string): Promise<CompactReply> {
    const shop = this.shop;
    const failed = (error: string): CompactReply => ({ type: 'compacted', broadcastId, ok: false, error });
    if (!shop) return Promise.resolve(failed('offline'));
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(failed('no-reply')), 120_000);
      const finish = (reply: CompactReply) => {
        clearTimeout(timer);
        this.compactions.delete(broadcastId);
        resolve(reply);
      };
      this.compactions.set(broadcastId, finish);
      shop.sendStateless(JSON.stringify({ type: 'compact', broadcastId }));
    });
  }

  private heard(payload: string): void {
    let reply;
    try {
      reply = compactReplySchema.safeParse(JSON.parse(payload));
    } catch {
      return;
    }
    if (reply.success) this.compactions.get(reply.data.broadcastId)?.(reply.data);
  }

  get shop(): HocuspocusProvider | undefined {
    return this.providers.get(SHOP_DOC);
  }

  /** Changes this desk made that the server has not yet acknowledged. */
  get waiting(): number {
    let sum = 0;
    for (const provider of this.providers.values()) sum += provider.unsyncedChanges;
    return sum;
  }

  destroy(): void {
    this.destroyed = true;
    for (const provider of this.providers.values()) provider.destroy();
    this.socket.destroy();
    for (const store of this.stores.values()) void store.destroy();
  }
}
