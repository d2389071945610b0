import type { ChotDatabase } from '../store/db';
import type { HealthRegistry } from '../messaging/health-registry';
import { setAssistantName } from '../store/assistant-name';
import { TeamConnection } from './team-connection';
import { TeamSync } from './team-sync';
import { newDeskId, newTeamKey, originPatternOf, type TeamCommand, type TeamReply } from './team-commands';
import { broadcastDocName, teamConfigSchema, type TeamConfig, type TeamEntry } from './team-records';
import { presenceSchema, TEAM_OFF, teamPortMessageSchema, type Presence, type TeamStatus } from './team-status';
import type { ActionRecord } from '../store/records';
import type * as Y from 'yjs';

export interface TeamPanelPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface TeamServiceDeps {
  health: Pick<HealthRegistry, 'list'>;
  catalog: { invalidate(): void };
  /** Whether the user granted the server's address (an optional host permission, asked for by the panel). */
  hasPermission(pattern: string): Promise<boolean>;
  WebSocketPolyfill?: unknown;
}

/**
 * Team mode in the background: off (no network at all) until the panel turns it on and the user grants
 * the server's address; then the sync, the connection and the presence, and the status for the panels.
 */
export class TeamService {
  private config: TeamConfig | undefined;
  private connection: TeamConnection | undefined;
  private sync: TeamSync | undefined;
  private noPermission = false;
  private readonly panels = new Map<TeamPanelPort, { broadcastId: string | null; orderId: string | null }>();
  /** What each panel was last told: a status is sent again only when it changed. */
  private readonly told = new WeakMap<TeamPanelPort, string>();
  private presenceTimer: ReturnType<typeof setInterval> | undefined;
  private pushScheduled = false;
  private readonly decidedCounts = new WeakMap<Y.Doc, Record<string, number> | null>();

  constructor(
    private readonly db: ChotDatabase,
    private readonly deps: TeamServiceDeps,
  ) {}

  async start(): Promise<void> {
    const stored = teamConfigSchema.safeParse(await this.db.team.get('team'));
    this.config = stored.success ? stored.data : undefined;
    if (this.config?.enabled) await this.connect();
    this.changed();
  }

  /** A command of this desk, run ahead of other desks' changes waiting to be applied (TeamSync.makeWayFor). */
  makeWayFor<T>(command: () => Promise<T>): Promise<T> {
    return this.sync ? this.sync.makeWayFor(command) : command();
  }

  async command(command: TeamCommand): Promise<TeamReply> {
    if (command.type === 'team-compact') return this.compact(command.broadcastId);
    if (command.type === 'team-disable') {
      this.disconnect();
      if (this.config) await this.db.team.put((this.config = { ...this.config, enabled: false }));
      this.changed();
      return { ok: true };
    }
    const previous = this.config;
    // A host keeps the key it made for the same server (the assistants already have it).
    const key = command.role === 'assistant' ? command.key! : previous?.role === 'host' && previous.url === command.url ? previous.key : newTeamKey();
    this.config = teamConfigSchema.parse({
      id: 'team',
      url: command.url,
      key,
      name: command.name,
      role: command.role,
      deskId: previous?.deskId ?? newDeskId(),
      enabled: true,
    });
    await this.db.team.put(this.config);
    this.disconnect();
    await this.connect();
    this.changed();
    return this.noPermission ? { ok: false, error: 'no-permission' } : { ok: true };
  }

  /**
   * Asks the server to compact an ended broadcast. Only the host asks, only for a broadcast whose streams
   * have all ended, and only once this desk's own changes have reached the server (the others' that have
   * not are carried into the new generation by their desks when they move).
   */
  private async compact(broadcastId: string): Promise<TeamReply> {
    if (!this.config?.enabled || !this.connection) return { ok: false, error: 'team-off' };
    if (this.config.role !== 'host') return { ok: false, error: 'host-only' };
    const streams = await this.db.streams.where('broadcastId').equals(broadcastId).toArray();
    if (streams.length === 0 || streams.some((stream) => !stream.endedAt)) return { ok: false, error: 'not-ended' };
    if (this.connection.state !== 'online') return { ok: false, error: 'offline' };
    await this.sync?.idle();
    // What this desk just wrote (the broadcast's end, say) is usually acknowledged within a moment.
    for (let tries = 0; tries < 50 && this.connection?.waiting; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!this.connection || this.connection.waiting > 0) return { ok: false, error: 'changes-waiting' };
    const reply = await this.connection.compact(broadcastId);
    return reply.ok ? { ok: true, compacted: { generation: reply.generation, before: reply.before, after: reply.after } } : { ok: false, error: reply.error };
  }

  private async connect(): Promise<void> {
    const config = this.config!;
    this.noPermission = !(await this.deps.hasPermission(originPatternOf(config.url)));
    if (this.noPermission) return;
    setAssistantName(config.name);
    this.connection = new TeamConnection(config, () => this.changed(), this.deps.WebSocketPolyfill);
    const connection = this.connection;
    this.sync = new TeamSync(this.db, {
      desk: { desk: config.deskId, by: config.name },
      open: (name, after) => connection.open(name, after),
      onCatalogChanged: () => this.deps.catalog.invalidate(),
    });
    await this.sync.start();
    connection.shop?.awareness?.on('change', () => this.changed());
    this.updatePresence();
    this.presenceTimer = setInterval(() => this.updatePresence(), 5_000);
  }

  private disconnect(): void {
    clearInterval(this.presenceTimer);
    this.sync?.stop();
    this.connection?.destroy();
    this.sync = undefined;
    this.connection = undefined;
    setAssistantName(null);
  }

  /** A side panel's port: it hears the status, and says which broadcast it shows and which order is open. */
  connectPort(port: TeamPanelPort): void {
    this.panels.set(port, { broadcastId: null, orderId: null });
    port.onMessage.addListener((message) => {
      const parsed = teamPortMessageSchema.safeParse(message);
      if (!parsed.success) return;
      this.panels.set(port, parsed.data);
      this.updatePresence();
      this.tell(port, parsed.data.broadcastId);
    });
    port.onDisconnect.addListener(() => {
      this.panels.delete(port);
      this.updatePresence();
    });
    this.tell(port, null);
  }

  /** Sends a panel its status, unless it was told exactly that last time (each one redraws the panel). */
  private tell(port: TeamPanelPort, broadcastId: string | null): void {
    const status = this.status(broadcastId);
    const said = JSON.stringify(status);
    if (this.told.get(port) === said) return;
    port.postMessage(status);
    this.told.set(port, said);
  }

  private updatePresence(): void {
    const awareness = this.connection?.shop?.awareness;
    if (!awareness || !this.config) return;
    const open = [...this.panels.values()].map((panel) => panel.orderId).find((id) => id !== null) ?? null;
    const reading = this.deps.health.list().flatMap((tab) => (tab.streamKey ? [{ streamId: `${tab.platform}:${tab.streamKey}`, platform: tab.platform }] : []));
    const unique = [...new Map(reading.map((read) => [read.streamId, read])).values()].slice(0, 20);
    const presence: Presence = { desk: this.config.deskId, name: this.config.name, orderId: open, reading: unique };
    const current = awareness.getLocalState()?.presence;
    if (JSON.stringify(current) !== JSON.stringify(presence)) awareness.setLocalStateField('presence', presence);
  }

  /** Tells every panel the new status, at most once per task. */
  private changed(): void {
    if (this.pushScheduled) return;
    this.pushScheduled = true;
    setTimeout(() => {
      this.pushScheduled = false;
      for (const [port, panel] of this.panels) {
        try {
          this.tell(port, panel.broadcastId);
        } catch {
          this.panels.delete(port);
        }
      }
    }, 100);
  }

  status(broadcastId: string | null): TeamStatus {
    const config = this.config;
    if (!config?.enabled) return TEAM_OFF;
    const base = { desk: config.deskId, url: config.url, name: config.name, role: config.role, key: config.role === 'host' ? config.key : null };
    if (this.noPermission || !this.connection) return { ...TEAM_OFF, ...base, state: 'no-permission' };
    const states = [...(this.connection.shop?.awareness?.getStates().values() ?? [])];
    const members = states
      .flatMap((state) => {
        const presence = presenceSchema.safeParse((state as { presence?: unknown }).presence);
        return presence.success ? [presence.data] : [];
      })
      .sort((a, b) => Number(b.desk === config.deskId) - Number(a.desk === config.deskId) || a.name.localeCompare(b.name));
    const state = this.connection.state;
    return { ...base, state, waiting: state === 'online' ? 0 : this.connection.waiting, members, decided: this.decided(broadcastId) };
  }

  /**
   * Decisions each assistant took (and did not undo) in one broadcast, from the shared history: counted
   * again only after the document changed (the status goes out several times a second while desks work).
   */
  private decided(broadcastId: string | null): Record<string, number> {
    const doc = broadcastId ? this.sync?.openDocs().get(broadcastDocName(broadcastId)) : undefined;
    if (!doc) return {};
    // Any change to the document, local or remote, drops the count.
    if (!this.decidedCounts.has(doc)) doc.on('update', () => this.decidedCounts.set(doc, null));
    const kept = this.decidedCounts.get(doc);
    if (kept) return kept;
    const counts = this.countDecided(doc);
    this.decidedCounts.set(doc, counts);
    return counts;
  }

  private countDecided(doc: Y.Doc): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of doc.getMap<TeamEntry>('actions').values()) {
      const action = entry.v as ActionRecord | null;
      if (!action || action.kind !== 'decide' || (action.source ?? 'assistant') !== 'assistant' || action.undone) continue;
      const name = action.by ?? entry.by;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }
}
