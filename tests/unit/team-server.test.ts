import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startTeamServer, type RunningTeamServer } from '../../team-server/server';

// The real team server on a random local port, with desks as Node WebSocket clients.
const KEY = 'k'.repeat(10) + 'Qz4_team-key-long-enough-1234567890';
const dataDir = mkdtempSync(join(tmpdir(), 'chot-team-'));
const desks: HocuspocusProvider[] = [];
let server: RunningTeamServer | undefined;

const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

function desk(port: number, token: string, name = 'broadcast:youtube:v1') {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: new Y.Doc(),
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  desks.push(provider);
  return { provider, orders: provider.document.getMap<unknown>('orders'), refusals };
}

afterAll(async () => {
  for (const provider of desks) {
    provider.configuration.websocketProvider.destroy();
    provider.destroy();
  }
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('team server', () => {
  it('refuses a wrong key, keeps every update across a restart, and merges changes made while it was down', async () => {
    server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir, key: KEY, log: () => {} });
    const port = server.port;
    const a = desk(port, KEY);
    const b = desk(port, KEY);
    a.orders.set('o1', { status: 'confirmed' });
    await waitFor(() => expect(b.orders.get('o1')).toEqual({ status: 'confirmed' }));

    const stranger = desk(port, 'x'.repeat(43));
    await waitFor(() => expect(stranger.refusals.length).toBeGreaterThan(0));
    expect(stranger.orders.size).toBe(0);

    await server.stop();
    // Both desks keep working while the server is away.
    a.orders.set('o2', { status: 'rejected' });
    b.orders.set('o3', { status: 'pending' });
    server = await startTeamServer({ port, host: '127.0.0.1', dataDir, log: () => {} });
    await waitFor(() => {
      expect(a.orders.toJSON()).toEqual({ o1: { status: 'confirmed' }, o2: { status: 'rejected' }, o3: { status: 'pending' } });
      expect(b.orders.toJSON()).toEqual(a.orders.toJSON());
    });

    // A desk that joins only now gets everything from the server's disk, and the key is still required.
    for (const provider of [a.provider, b.provider, stranger.provider]) provider.configuration.websocketProvider.disconnect();
    await server.stop();
    server = await startTeamServer({ port, host: '127.0.0.1', dataDir, log: () => {} });
    const late = desk(port, KEY);
    await waitFor(() => expect(late.orders.toJSON()).toEqual({ o1: { status: 'confirmed' }, o2: { status: 'rejected' }, o3: { status: 'pending' } }));
    const wrong = desk(port, 'y'.repeat(43));
    await waitFor(() => expect(wrong.refusals.length).toBeGreaterThan(0));
  }, 60_000);

  it('lets the first desk claim a server started without a key, and refuses others after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chot-team-claim-'));
    const own = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, log: () => {} });
    try {
      const host = desk(own.port, KEY, 'shop');
      host.orders.set('x', 1);
      await waitFor(() => expect(host.provider.isSynced).toBe(true));
      const other = desk(own.port, 'z'.repeat(43), 'shop');
      await waitFor(() => expect(other.refusals.length).toBeGreaterThan(0));
      const assistant = desk(own.port, KEY, 'shop');
      await waitFor(() => expect(assistant.orders.get('x')).toBe(1));
    } finally {
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
