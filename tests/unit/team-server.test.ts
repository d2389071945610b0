import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startTeamServer, type RunningTeamServer } from '../../team-server/server';
import { writeEntries } from '../../utils/team/team-doc';
import { currentEntries } from '../../utils/team/team-compact';
import { compactReplySchema, type CompactReply } from '../../utils/team/team-records';

// The real team server on a random local port, with desks as Node WebSocket clients.
const KEY = 'k'.repeat(10) + 'Qz4_team-key-long-enough-1234567890';
const dataDir = mkdtempSync(join(tmpdir(), 'chot-team-'));
const desks: HocuspocusProvider[] = [];
let server: RunningTeamServer | undefined;

const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

function desk(port: number, token: string, name = 'broadcast:youtube:v1', onStateless?: (payload: string) => void) {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: new Y.Doc(),
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    ...(onStateless ? { onStateless: ({ payload }: { payload: string }) => onStateless(payload) } : {}),
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

  it('compacts a broadcast into a new generation: same records, smaller, the old name refused with the reason, even after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chot-team-compact-'));
    let own = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, key: KEY, log: () => {} });
    try {
      const a = desk(own.port, KEY);
      const b = desk(own.port, KEY);
      const lan = { desk: 'desk-aaaa', by: 'Lan' };
      const minh = { desk: 'desk-bbbb', by: 'Minh' };
      const order = (i: number, status: string) => ({ id: `youtube:m${i}`, text: `chốt ${i % 7}kg 0912345678`, status });
      for (let i = 0; i < 150; i += 1) writeEntries(a.provider.document, 'orders', [[`youtube:m${i}`, order(i, 'pending')]], lan, 1000 + i);
      for (let i = 0; i < 150; i += 1) writeEntries(b.provider.document, 'orders', [[`youtube:m${i}`, order(i, 'confirmed')]], minh, 5000 + i);
      for (let i = 0; i < 150; i += 1) writeEntries(a.provider.document, 'orders', [[`youtube:m${i}`, order(i, 'rejected')]], lan, 9000 + i);
      await waitFor(() => {
        expect(a.provider.unsyncedChanges + b.provider.unsyncedChanges).toBe(0);
        expect(currentEntries(b.provider.document)).toEqual(currentEntries(a.provider.document));
      });
      const records = currentEntries(a.provider.document);

      // the host's desk asks through the shop's document; every desk on it hears the new generation
      const replies: CompactReply[] = [];
      const host = desk(own.port, KEY, 'shop', (payload) => replies.push(compactReplySchema.parse(JSON.parse(payload))));
      await waitFor(() => expect(host.provider.isSynced).toBe(true));
      host.provider.sendStateless(JSON.stringify({ type: 'compact', broadcastId: 'youtube:v1' }));
      await waitFor(() => expect(replies).toHaveLength(1));
      const reply = replies[0]!;
      expect(reply).toMatchObject({ ok: true, generation: 2 });
      if (!reply.ok) return;
      expect(reply.after).toBeLessThan(reply.before);
      await waitFor(() => expect(host.provider.document.getMap('generations').get('youtube:v1')).toBe(2));
      // and in the index, which desks read before the shop's document (it has no generations of its own)
      const listing = desk(own.port, KEY, 'index');
      const renamed = desk(own.port, KEY, 'index#2');
      await waitFor(() => {
        expect(listing.provider.document.getMap('generations').get('youtube:v1')).toBe(2);
        expect(renamed.refusals).toHaveLength(1);
      });
      expect(listing.refusals).toEqual([]);

      // the new generation holds exactly the records; the old name is refused, saying which is current
      const next = desk(own.port, KEY, 'broadcast:youtube:v1#2');
      await waitFor(() => expect(next.provider.isSynced).toBe(true));
      expect(currentEntries(next.provider.document)).toEqual(records);
      expect(Y.encodeStateAsUpdate(next.provider.document).byteLength).toBe(reply.after);
      const late = desk(own.port, KEY);
      await waitFor(() => expect(late.refusals).toEqual(['superseded broadcast:youtube:v1#2']));
      expect(late.orders.size).toBe(0);
      // a desk still holding the old document writes to it: none of it reaches the new generation
      writeEntries(a.provider.document, 'orders', [['youtube:m1', order(1, 'cancelled')]], lan, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(currentEntries(next.provider.document)).toEqual(records);

      // after a restart: still refused, no generation made up, and the new one still there
      for (const d of [a, b, host, listing, renamed, next, late]) d.provider.configuration.websocketProvider.disconnect();
      await own.stop();
      own = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, log: () => {} });
      const again = desk(own.port, KEY);
      const third = desk(own.port, KEY, 'broadcast:youtube:v1#3');
      const reread = desk(own.port, KEY, 'broadcast:youtube:v1#2');
      await waitFor(() => {
        expect(again.refusals).toEqual(['superseded broadcast:youtube:v1#2']);
        expect(third.refusals).toEqual(['unknown document']);
        expect(currentEntries(reread.provider.document)).toEqual(records);
      });
      expect(await own.compact('youtube:never')).toMatchObject({ ok: false, error: 'unknown broadcast' });
      expect(await own.compact('youtube:v1')).toMatchObject({ ok: true, generation: 3 });
    } finally {
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
