import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { updateStream } from '../../utils/store/broadcasts';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { TeamService, type TeamPanelPort } from '../../utils/team/team-service';
import { TeamConnection } from '../../utils/team/team-connection';
import { TeamSync } from '../../utils/team/team-sync';
import { teamConfigSchema } from '../../utils/team/team-records';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { TeamStatus } from '../../utils/team/team-status';
import { startTeamServer, type RunningTeamServer } from '../../team-server/server';
import { freshDatabase, chatRow, T0 } from './test-db';

// Two desks as the background runs them (store, sync, Hocuspocus connection, presence), against the
// real team server on a random local port; WebSocket from the ws package, IndexedDB from fake-indexeddb.
const dataDir = mkdtempSync(join(tmpdir(), 'chot-team-service-'));
const services: TeamService[] = [];
let server: RunningTeamServer | undefined;
const waitFor = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 20_000, interval: 50 });
const stream = { platform: 'youtube' as const, key: 'live0001' };
const noCatalog = indexCatalog(EMPTY_CATALOG);

afterAll(async () => {
  for (const service of services) await service.command({ type: 'team-disable' });
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function panel(service: TeamService, broadcastId: string | null = null) {
  const heard: TeamStatus[] = [];
  const listeners: ((message: unknown) => void)[] = [];
  const port: TeamPanelPort = {
    postMessage: (message) => heard.push(message as TeamStatus),
    onMessage: { addListener: (listener) => listeners.push(listener) },
    onDisconnect: { addListener: () => {} },
  };
  service.connectPort(port);
  const say = (orderId: string | null) => listeners.forEach((listener) => listener({ broadcastId, orderId }));
  say(null);
  return { last: () => heard.at(-1)!, say, heard: () => heard.length };
}

async function desk(granted = true) {
  const db = freshDatabase();
  const service = new TeamService(db, {
    health: new HealthRegistry(),
    catalog: { invalidate: () => {} },
    hasPermission: async () => granted,
    WebSocketPolyfill: WebSocket,
  });
  services.push(service);
  await service.start();
  return { db, service };
}

/** A host and an assistant on a team server of their own (its data in a fresh folder), for `body`. */
async function withTwoDesks(
  name: string,
  body: (desks: { url: string; host: Awaited<ReturnType<typeof desk>>; assistant: Awaited<ReturnType<typeof desk>> }) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `chot-team-service-${name}-`));
  const own = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, log: () => {} });
  try {
    const url = `ws://127.0.0.1:${own.port}`;
    const host = await desk();
    await host.service.command({ type: 'team-enable', role: 'host', url, name: 'Lan' });
    const key = host.service.status(null).key!;
    const assistant = await desk();
    await assistant.service.command({ type: 'team-enable', role: 'assistant', url, name: 'Minh', key });
    await body({ url, host, assistant });
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('team mode against the real team server', () => {
  it('connects a host and an assistant, carries orders and decisions both ways, refuses a wrong key with the reason, and converges after a server restart', async () => {
    server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });
    const url = `ws://127.0.0.1:${server.port}`;
    const host = await desk();
    expect(host.service.status(null).state).toBe('off');
    expect(await host.service.command({ type: 'team-enable', role: 'host', url, name: 'Lan' })).toEqual({ ok: true });
    const key = host.service.status(null).key!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hostPanel = panel(host.service, 'youtube:live0001');
    await waitFor(() => expect(hostPanel.last().state).toBe('online'));

    const assistant = await desk();
    await assistant.service.command({ type: 'team-enable', role: 'assistant', url, name: 'Minh', key });
    const assistantPanel = panel(assistant.service, 'youtube:live0001');
    await ingestChat(host.db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 5 ký')], noCatalog, T0);
    await waitFor(async () => expect(await assistant.db.orders.count()).toBe(2));
    await decideOrder(assistant.db, 'youtube:m1', 'confirmed');
    await waitFor(async () => expect((await host.db.orders.get('youtube:m1'))?.status).toBe('confirmed'));
    expect((await host.db.actions.where('orderId').equals('youtube:m1').toArray()).map((a) => a.by)).toEqual(['Minh']);

    // Presence: the assistant sees the host looking at an order, and the counts per assistant.
    hostPanel.say('youtube:m2');
    await waitFor(() => {
      const seen = assistantPanel.last();
      expect(seen.members.map((m) => [m.name, m.orderId])).toEqual(
        expect.arrayContaining([
          ['Lan', 'youtube:m2'],
          ['Minh', null],
        ]),
      );
      expect(seen.decided).toEqual({ Minh: 1 });
    });

    const stranger = await desk();
    await stranger.service.command({ type: 'team-enable', role: 'assistant', url, name: 'Khách', key: 'x'.repeat(43) });
    const strangerPanel = panel(stranger.service);
    await waitFor(() => expect(strangerPanel.last().state).toBe('refused'));
    expect(await stranger.db.orders.count()).toBe(0);

    // The server stops; both desks decide; it comes back: everything converges, nothing is lost.
    const port = server.port;
    await server.stop();
    await waitFor(() => expect(assistantPanel.last().state).toBe('offline'));
    await decideOrder(host.db, 'youtube:m2', 'rejected');
    await decideOrder(assistant.db, 'youtube:m1', 'rejected', Date.now() + 5);
    await waitFor(() => expect(assistantPanel.last().waiting).toBeGreaterThan(0));
    server = await startTeamServer({ port, host: '127.0.0.1', dataDir, log: () => {} });
    await waitFor(async () => {
      for (const { db } of [host, assistant]) expect((await db.orders.orderBy('id').toArray()).map((o) => o.status)).toEqual(['rejected', 'rejected']);
      expect(await host.db.tallies.toArray()).toEqual(await assistant.db.tallies.toArray());
      expect(await host.db.actions.count()).toBe(await assistant.db.actions.count());
    });
    await waitFor(() => expect(assistantPanel.last()).toMatchObject({ state: 'online', waiting: 0 }));
  }, 90_000);

  it('does not send a panel its status again while a busy chat goes out online: the panel shows neither the sending nor the acknowledgements', async () => {
    await withTwoDesks('busy', async ({ host, assistant }) => {
      const hostPanel = panel(host.service, 'youtube:live0001');
      await ingestChat(host.db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
      await waitFor(async () => expect(await assistant.db.orders.count()).toBe(1));
      await waitFor(() => expect(hostPanel.last().members).toHaveLength(2));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const told = hostPanel.heard();
      // Each batch is sent to the server and acknowledged (the changes waiting go up and back down).
      for (let batch = 2; batch <= 6; batch += 1) {
        await ingestChat(host.db, stream, [chatRow(`m${batch}`, 'chốt 1kg', { authorName: `Khách ${batch}` })], noCatalog, T0 + batch);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      await waitFor(async () => expect(await assistant.db.orders.count()).toBe(6));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hostPanel.heard()).toBe(told);
      expect(hostPanel.last()).toMatchObject({ state: 'online', waiting: 0 });
    });
  }, 60_000);

  it("compacts an ended broadcast on the host's request: both desks move to the new generation, drop their old copy and keep working", async () => {
    await withTwoDesks('compact', async ({ url, host, assistant }) => {
      const assistantPanel = panel(assistant.service, 'youtube:live0001');
      await ingestChat(host.db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 5 ký'), chatRow('m3', 'chốt 1kg')], noCatalog, T0);
      await waitFor(async () => expect(await assistant.db.orders.count()).toBe(3));
      for (const [i, status] of [
        [1, 'confirmed'],
        [2, 'rejected'],
        [1, 'rejected'],
        [2, 'confirmed'],
      ] as const)
        await decideOrder(assistant.db, `youtube:m${i}`, status);
      const history = async (db: typeof host.db) => (await db.actions.toArray()).map(({ orderId, after, by }) => [orderId, after.status, by]);
      await waitFor(async () => expect(await history(host.db)).toEqual(await history(assistant.db)));

      const compact = { type: 'team-compact', broadcastId: 'youtube:live0001' } as const;
      expect(await host.service.command(compact)).toEqual({ ok: false, error: 'not-ended' });
      await updateStream(host.db, 'youtube:live0001', { ended: true });
      await waitFor(async () => expect((await assistant.db.streams.get('youtube:live0001'))?.endedAt).toBeDefined());
      expect(await assistant.service.command(compact)).toEqual({ ok: false, error: 'host-only' });
      const reply = await host.service.command(compact);
      expect(reply).toMatchObject({ ok: true, compacted: { generation: 2 } });
      if (!reply.ok) return;
      expect(reply.compacted!.after).toBeLessThan(reply.compacted!.before);

      // the desks moved: their copies of the old generation are gone from IndexedDB (both desks of this test
      // share one, as they share one server address and key in one process), and they are still online
      const names = async () => (await indexedDB.databases()).map((database) => database.name ?? '');
      await waitFor(async () => {
        const kept = (await names()).filter((name) => name.startsWith(`chot-team:${url}:`) && name.includes(':broadcast:youtube:live0001'));
        expect(kept.filter((name) => name.endsWith('#2'))).toHaveLength(1);
        expect(kept.filter((name) => !name.endsWith('#2'))).toEqual([]);
      });
      expect(assistantPanel.last().state).toBe('online');
      await decideOrder(assistant.db, 'youtube:m3', 'confirmed');
      await waitFor(async () => expect((await host.db.orders.get('youtube:m3'))?.status).toBe('confirmed'));
      await waitFor(async () => {
        expect(await history(host.db)).toEqual(await history(assistant.db));
        expect(await host.db.tallies.toArray()).toEqual(await assistant.db.tallies.toArray());
      });
      // The status goes out a moment after the change (at most once per 100 ms).
      await waitFor(() => expect(assistantPanel.last()).toMatchObject({ state: 'online', decided: { Minh: 5 } }));

      // A desk that still asks for the old name is told it is superseded; its connection stays online (not "refused").
      const config = teamConfigSchema.parse(await assistant.db.team.get('team'));
      const late = new TeamConnection(config, () => {}, WebSocket);
      try {
        const reasons: string[] = [];
        late.open('shop');
        late.open('broadcast:youtube:live0001');
        const providers = (late as unknown as { providers: Map<string, HocuspocusProvider> }).providers;
        providers.get('broadcast:youtube:live0001')!.on('authenticationFailed', ({ reason }: { reason: string }) => reasons.push(reason));
        await waitFor(() => expect(reasons).toEqual(['superseded broadcast:youtube:live0001#2']));
        await waitFor(() => expect(late.state).toBe('online'));
      } finally {
        late.destroy();
      }
    });
  }, 90_000);

  it("makes no connection while the server's address is not granted", async () => {
    const alone = await desk(false);
    const reply = await alone.service.command({ type: 'team-enable', role: 'host', url: 'ws://127.0.0.1:9', name: 'Lan' });
    expect(reply).toEqual({ ok: false, error: 'no-permission' });
    expect(alone.service.status(null).state).toBe('no-permission');
  });

  it("runs this desk's commands through the sync while team mode is on (ahead of other desks' changes), and alone when it is off", async () => {
    const madeWay = vi.spyOn(TeamSync.prototype, 'makeWayFor');
    try {
      const alone = await desk();
      expect(await alone.service.makeWayFor(async () => 'decided')).toBe('decided');
      expect(madeWay).not.toHaveBeenCalled();
      await withTwoDesks('way', async ({ host }) => {
        let ranWhileWaiting = false;
        expect(
          await host.service.makeWayFor(async () => {
            // the sync counts the command as waiting while it runs: no apply of other desks' changes starts meanwhile
            ranWhileWaiting = (madeWay.mock.contexts[0] as unknown as { commandsWaiting: number }).commandsWaiting === 1;
            return 'decided';
          }),
        ).toBe('decided');
        expect(madeWay).toHaveBeenCalledTimes(1);
        expect(ranWhileWaiting).toBe(true);
        await host.service.command({ type: 'team-disable' });
        expect(await host.service.makeWayFor(async () => 'again')).toBe('again');
        expect(madeWay).toHaveBeenCalledTimes(1);
      });
    } finally {
      madeWay.mockRestore();
    }
  });
});
