import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { setAssistantName } from '../../utils/store/assistant-name';
import type { TeamSync } from '../../utils/team/team-sync';
import { chatRow, T0 } from './test-db';
import { TeamHub } from './team-hub';
import { closeDesks, openDesk, settle } from './team-desks';

// The order in which one desk pushes and applies: each push and apply is logged per desk (the orders in it),
// and one desk's pushes can be held (a push that waits behind a busy chat's ingest, as on a real desk).
const turns = vi.hoisted(() => ({ log: [] as string[], held: new Map<string, Promise<void>>(), heldApplies: new Map<string, Promise<void>>() }));

vi.mock('../../utils/team/team-push', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../utils/team/team-push')>();
  return {
    ...actual,
    pushChanges: async (...args: Parameters<typeof actual.pushChanges>) => {
      const [, changes, , who] = args;
      turns.log.push(`${who.desk} push ${[...(changes.get('orders')?.keys() ?? [])].join(',')}`);
      await turns.held.get(who.desk);
      return actual.pushChanges(...args);
    },
  };
});

vi.mock('../../utils/team/team-apply', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../utils/team/team-apply')>();
  return {
    ...actual,
    applyRemote: async (...args: Parameters<typeof actual.applyRemote>) => {
      const [, changes, desk] = args;
      turns.log.push(`${desk} apply ${changes.flatMap((change) => (change.table === 'orders' ? [change.key] : [])).join(',')}`);
      await turns.heldApplies.get(desk);
      return actual.applyRemote(...args);
    },
  };
});

const stream = { platform: 'youtube' as const, key: 'live0001', title: 'Vải thiều' };
const noCatalog = indexCatalog(EMPTY_CATALOG);
afterEach(() => {
  closeDesks();
  setAssistantName(null);
  turns.held.clear();
  turns.heldApplies.clear();
  turns.log.length = 0;
});

/** Two desks, Lan's (A) with these chat rows, both in sync; `from` marks the log from then on. */
async function twoDesks(rows: ReturnType<typeof chatRow>[]) {
  const hub = new TeamHub();
  const a = await openDesk(hub, 'desk-aaaa', 'Lan');
  const b = await openDesk(hub, 'desk-bbbb', 'Minh');
  await ingestChat(a.db, stream, rows, noCatalog, T0);
  await settle(a, b);
  return { a, b, from: turns.log.length };
}

/** Holds a desk's pushes (or applies) until the returned function is called. */
function holdPushes(deskId: string, held = turns.held): () => void {
  let release = () => {};
  held.set(deskId, new Promise<void>((resolve) => (release = resolve)));
  return () => {
    held.delete(deskId);
    release();
  };
}

/** What one desk did from this point on, in order. */
function deskLog(deskId: string, from: number): string[] {
  return turns.log.slice(from).flatMap((line) => (line.startsWith(`${deskId} `) ? [line.slice(deskId.length + 1)] : []));
}

describe('team sync takes turns between pushes and applies', () => {
  it("applies another desk's decision after at most one push, however many commits this desk's chat keeps making", async () => {
    const { a: reader, b: other, from } = await twoDesks([chatRow('m1', 'chốt 2kg')]);

    // The reader's push of m2 is slow; meanwhile the other desk decides m1, and the chat brings m3 and m4.
    const release = holdPushes('desk-aaaa');
    await ingestChat(reader.db, stream, [chatRow('m2', 'lấy 3kg')], noCatalog, T0 + 10);
    await vi.waitFor(() => expect(deskLog('desk-aaaa', from)).toEqual(['push youtube:m2']));
    await decideOrder(other.db, 'youtube:m1', 'confirmed', T0 + 20);
    await other.sync.idle();
    await ingestChat(reader.db, stream, [chatRow('m3', 'lấy 4kg')], noCatalog, T0 + 30);
    await ingestChat(reader.db, stream, [chatRow('m4', 'lấy 5kg')], noCatalog, T0 + 40);
    release();
    // The push of m3 and m4 is slow too.
    const releaseLater = holdPushes('desk-aaaa');

    // The decision waited for the push running, not for the commits that came after it (they leave beside it).
    await vi.waitFor(async () => expect((await reader.db.orders.get('youtube:m1'))?.status).toBe('confirmed'));
    expect(deskLog('desk-aaaa', from)).toEqual(['push youtube:m2', 'push youtube:m3,youtube:m4', 'apply youtube:m1']);
    releaseLater();
    await reader.sync.idle();
  });

  it("pushes this desk's later decision before applying another desk's earlier one on the same order", async () => {
    const { a, b, from } = await twoDesks([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg')]);

    // B is busy pushing; Lan rejects m1 on A, then Minh confirms it on B before B has applied Lan's decision.
    const release = holdPushes('desk-bbbb');
    await decideOrder(b.db, 'youtube:m2', 'confirmed', T0 + 50);
    await vi.waitFor(() => expect(deskLog('desk-bbbb', from)).toEqual(['push youtube:m2']));
    setAssistantName('Lan');
    await decideOrder(a.db, 'youtube:m1', 'rejected', T0 + 100);
    await a.sync.idle();
    setAssistantName('Minh');
    await decideOrder(b.db, 'youtube:m1', 'confirmed', T0 + 200);
    setAssistantName(null);
    release();
    await settle(a, b);

    // Applied first, Lan's decision would have overwritten Minh's in B's store, and B would have pushed it back.
    expect(deskLog('desk-bbbb', from).slice(0, 3)).toEqual(['push youtube:m2', 'push youtube:m1', 'apply youtube:m1']);
    for (const { db } of [a, b]) {
      expect((await db.orders.get('youtube:m1'))?.status).toBe('confirmed');
      const decisions = (await db.actions.where('orderId').equals('youtube:m1').toArray()).filter((action) => action.kind === 'decide');
      decisions.sort((x, y) => x.at - y.at);
      expect(decisions.map((action) => [action.by, action.after.status])).toEqual([
        ['Lan', 'rejected'],
        ['Minh', 'confirmed'],
      ]);
    }
  });

  it('a decision committed while an apply of the same order is under way ends the same on every desk and in the document', async () => {
    const { a, b, from } = await twoDesks([chatRow('m1', 'chốt 2kg')]);

    // Minh confirms m1; A's apply of it has begun but not written when Lan rejects m1 on A, so the apply's
    // transaction commits after Lan's and the store keeps Minh's decision.
    const release = holdPushes('desk-aaaa', turns.heldApplies);
    setAssistantName('Minh');
    await decideOrder(b.db, 'youtube:m1', 'confirmed', T0 + 100);
    await b.sync.idle();
    await vi.waitFor(() => expect(deskLog('desk-aaaa', from)).toEqual(['apply youtube:m1']));
    setAssistantName('Lan');
    await decideOrder(a.db, 'youtube:m1', 'rejected', T0 + 200);
    setAssistantName(null);
    release();
    await settle(a, b);

    // Pushed as Lan's commit wrote it, the document would say rejected while A's store says confirmed.
    const statusIn = (sync: TeamSync) =>
      sync.openDocs().get(`broadcast:${stream.platform}:${stream.key}`)?.getMap<{ v: { status: string } | null }>('orders').get('youtube:m1')?.v?.status;
    const inStore = await a.db.orders.get('youtube:m1');
    expect(inStore?.status).toBe('confirmed');
    expect((await b.db.orders.get('youtube:m1'))?.status).toBe(inStore?.status);
    expect(statusIn(a.sync)).toBe(inStore?.status);
    expect(statusIn(b.sync)).toBe(inStore?.status);
    for (const { db } of [a, b]) {
      const decisions = (await db.actions.where('orderId').equals('youtube:m1').toArray()).filter((action) => action.kind === 'decide');
      expect(decisions.map((action) => action.by).sort()).toEqual(['Lan', 'Minh']);
    }
  });

  it("sends this desk's commit while an apply of other records is under way, not after it", async () => {
    const { a, b, from } = await twoDesks([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg')]);

    // B's apply of Lan's confirmation of m1 is slow (a busy store); meanwhile Minh confirms m2 on B.
    const release = holdPushes('desk-bbbb', turns.heldApplies);
    await decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 100);
    await a.sync.idle();
    await vi.waitFor(() => expect(deskLog('desk-bbbb', from)).toEqual(['apply youtube:m1']));
    await decideOrder(b.db, 'youtube:m2', 'confirmed', T0 + 200);
    await vi.waitFor(() => expect(deskLog('desk-bbbb', from)).toEqual(['apply youtube:m1', 'push youtube:m2']));
    await a.sync.idle();
    await vi.waitFor(async () => expect((await a.db.orders.get('youtube:m2'))?.status).toBe('confirmed'));
    release();
    await settle(a, b);
    for (const { db } of [a, b])
      expect((await db.orders.bulkGet(['youtube:m1', 'youtube:m2'])).map((order) => order?.status)).toEqual(['confirmed', 'confirmed']);
  });

  it("gives up an apply under way for this desk's decision, and applies it again after", async () => {
    const { a, b, from } = await twoDesks([chatRow('m1', 'chốt 2kg')]);

    // A reader on B's orders (a panel's read) holds B's next writer back: A's new order m2 reaches B and its
    // apply's transaction waits there, created before Minh's decision.
    const releaseReader = holdOpen(b.db, 'orders');
    await ingestChat(a.db, stream, [chatRow('m2', 'lấy 3kg')], noCatalog, T0 + 10);
    await a.sync.idle();
    await vi.waitFor(() => expect(deskLog('desk-bbbb', from)).toEqual(['apply youtube:m2']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const decided = b.sync.makeWayFor(async () => {
      await decideOrder(b.db, 'youtube:m1', 'confirmed', T0 + 20);
      // read while the command still holds the applies back: what the store had when the decision committed
      return b.db.orders.get('youtube:m2');
    });
    releaseReader();

    // Without giving it up, the apply created first would have committed first, m2 with it.
    expect(await decided).toBeUndefined();
    await settle(a, b);
    expect(deskLog('desk-bbbb', from).filter((line) => line === 'apply youtube:m2')).toHaveLength(2);
    for (const { db } of [a, b]) {
      expect((await db.orders.bulkGet(['youtube:m1', 'youtube:m2'])).map((order) => order?.status)).toEqual(['confirmed', 'pending']);
    }
  });

  it("applies another desk's decision ahead of a busy chat's orders being applied", async () => {
    const { a, b, from } = await twoDesks([chatRow('m1', 'chốt 2kg')]);
    const chat = Array.from({ length: 25 }, (_, i) => `youtube:m${i + 2}`);

    // B is applying 25 new orders of A's chat (held there) when Lan confirms m1 on A.
    const release = holdPushes('desk-bbbb', turns.heldApplies);
    await ingestChat(
      a.db,
      stream,
      chat.map((id, i) => chatRow(id.slice('youtube:'.length), 'lấy 3kg', { authorName: `Người mua ${i}`, authorId: `UCx${i}` })),
      noCatalog,
      T0 + 10,
    );
    await a.sync.idle();
    await vi.waitFor(() => expect(deskLog('desk-bbbb', from)).toEqual([`apply ${chat.join(',')}`]));
    await decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 20);
    await a.sync.idle();
    release();
    await settle(a, b);

    // the chat's apply was given up for the decision, and applied again after it
    expect(deskLog('desk-bbbb', from)).toEqual([`apply ${chat.join(',')}`, 'apply youtube:m1', `apply ${chat.join(',')}`]);
    expect((await b.db.orders.get('youtube:m1'))?.status).toBe('confirmed');
    expect(await b.db.orders.count()).toBe(26);
    expect((await b.db.actions.where('orderId').equals('youtube:m1').toArray()).map((action) => action.kind)).toContain('decide');
  });
});

/** Keeps a read-only transaction on one table of the database open (requests one after the other) until released. */
function holdOpen(db: { backendDB(): IDBDatabase }, table: string): () => void {
  let held = true;
  const store = db.backendDB().transaction([table], 'readonly').objectStore(table);
  const again = () => {
    if (held) store.count().onsuccess = again;
  };
  again();
  return () => {
    held = false;
  };
}
