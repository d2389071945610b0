import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { OpenedDoc } from './team-sync';
import { SHOP_DOC, type TeamConfig } from './team-records';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unreachable' | 'refused';

/** A message often enough that Chrome keeps the service worker (and its WebSocket) alive: under 30 s. */
const KEEPALIVE_MS = 20_000;

/**
 * The team server, through Hocuspocus: one WebSocket for all the documents, each document also kept in
 * this browser's IndexedDB (y-indexeddb), so a stopped service worker or a laptop off Wi-Fi resumes from
 * what it had and sends the server only what it lacks.
 */
export class TeamConnection {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, HocuspocusProvider>();
  private readonly stores: IndexeddbPersistence[] = [];
  private everConnected = false;
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

  open(name: string): OpenedDoc {
    const doc = new Y.Doc();
    // Kept per server and key, so two teams on one browser never mix.
    const store = new IndexeddbPersistence(`chot-team:${this.config.url}:${this.config.key.slice(0, 8)}:${name}`, doc);
    this.stores.push(store);
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.config.key,
      // Presence travels with the shop's document only; it is also the keepalive.
      ...(name === SHOP_DOC ? { forceSyncInterval: KEEPALIVE_MS } : { awareness: null }),
      onAuthenticationFailed: () => {
        this.state = 'refused';
        this.socket.disconnect();
        this.onChange();
      },
      onUnsyncedChanges: () => this.onChange(),
      onSynced: () => this.onChange(),
    });
    provider.attach();
    this.providers.set(name, provider);
    return { doc, synced: store.whenSynced.then(() => undefined) };
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
    for (const provider of this.providers.values()) provider.destroy();
    this.socket.destroy();
    for (const store of this.stores) void store.destroy();
  }
}
