import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder, editOrder, undoLastAction } from '../../utils/store/orders';
import { deleteStream, joinStream, setGoal } from '../../utils/store/broadcasts';
import { deleteContract, saveContract } from '../../utils/store/contracts';
import { updateCustomer } from '../../utils/store/customers';
import { deleteProduct, saveProduct } from '../../utils/store/catalog';
import { setAssistantName } from '../../utils/store/assistant-name';
import { answerQuestions, showQuestion } from '../../utils/store/questions';
import type { ChotDatabase } from '../../utils/store/db';
import { TeamSync } from '../../utils/team/team-sync';
import { freshDatabase, chatRow, T0 } from './test-db';
import { TeamHub } from './team-hub';
import { closeDesks, openDesk, settle, trackDesk } from './team-desks';
import { currentEntries } from '../../utils/team/team-compact';
import { BROADCASTS_MAP, INDEX_DOC, SHOP_DOC } from '../../utils/team/team-records';

const stream = { platform: 'youtube' as const, key: 'live0001', title: 'Vải thiều' };
const STREAM_ID = 'youtube:live0001';
const noCatalog = indexCatalog(EMPTY_CATALOG);
afterEach(() => {
  closeDesks();
  setAssistantName(null);
});

const desk = openDesk;

/** What each desk shows: orders with their status, the kept figures, the history (without local numbering). */
async function view(db: ChotDatabase) {
  const orders = (await db.orders.orderBy('id').toArray()).map(({ id, status, totalKg, phone }) => ({ id, status, totalKg, phone }));
  const tallies = await db.tallies.toArray();
  const history = (await db.actions.toArray())
    .map(({ orderId, kind, after, by, at }) => ({ orderId, kind, after, by, at }))
    .sort((a, b) => a.at - b.at || (a.by ?? '').localeCompare(b.by ?? ''));
  return { orders, tallies, history };
}

/** Acts as one desk's assistant: their name goes on the actions they take. */
async function as<T>(name: string, act: () => Promise<T>): Promise<T> {
  setAssistantName(name);
  try {
    return await act();
  } finally {
    setAssistantName(null);
  }
}

describe('team sync between two desks', () => {
  it("gives the other desk the orders one desk reads, its decisions with the assistant's name, and the same figures", async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'lấy 5 ký'), chatRow('m3', 'ngon quá')], noCatalog, T0);
    await settle(a, b);
    expect((await view(b.db)).orders.map((o) => o.id)).toEqual(['youtube:m1', 'youtube:m2']);

    await as('Lan', () => decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 100));
    await as('Minh', () => decideOrder(b.db, 'youtube:m2', 'rejected', T0 + 200));
    await settle(a, b, a);
    const seen = await view(b.db);
    expect(seen).toEqual(await view(a.db));
    expect(seen.orders.map((o) => o.status)).toEqual(['confirmed', 'rejected']);
    expect(seen.history.filter((h) => h.kind === 'decide').map((h) => h.by)).toEqual(['Lan', 'Minh']);
    expect(seen.tallies[0]).toMatchObject({ streamId: STREAM_ID });

    // Undo on B undoes B's own decision, never Lan's.
    expect(await undoLastAction(b.db, T0 + 300)).toMatchObject({ ok: true, orderId: 'youtube:m2' });
    expect(await undoLastAction(b.db, T0 + 301)).toMatchObject({ ok: false, error: 'nothing-to-undo' });
    await settle(a, b, a);
    expect((await a.db.orders.get('youtube:m2'))?.status).toBe('pending');
    expect(await view(a.db)).toEqual(await view(b.db));
  });

  it('keeps the later of two decisions made on one order while both desks were offline, and both in the history', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    await settle(a, b);
    hub.setOnline('desk-aaaa', false);
    hub.setOnline('desk-bbbb', false);
    // Minh decides later than Lan, but Lan's desk comes back last.
    await as('Minh', () => decideOrder(b.db, 'youtube:m1', 'rejected', T0 + 2000));
    await as('Lan', () => decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 1000));
    await settle(a, b);
    hub.setOnline('desk-bbbb', true);
    await settle(a, b);
    hub.setOnline('desk-aaaa', true);
    await settle(a, b, a, b);
    const [onA, onB] = [await view(a.db), await view(b.db)];
    expect(onA).toEqual(onB);
    expect(onA.orders[0]?.status).toBe('rejected');
    expect(onA.history.filter((h) => h.kind === 'decide').map((h) => [h.by, h.after.status])).toEqual([
      ['Lan', 'confirmed'],
      ['Minh', 'rejected'],
    ]);
  });

  it('shares streams, goals, contracts, buyers, products and stock, deletes included', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg 0912345678')], noCatalog, T0);
    await ingestChat(a.db, { platform: 'facebook', key: 'fb777' }, [{ ...chatRow('f1', 'lấy 3kg'), platform: 'facebook' }], noCatalog, T0);
    await settle(a, b);
    await setGoal(b.db, STREAM_ID, 5000);
    await joinStream(b.db, STREAM_ID, 'facebook:fb777');
    const contract = await saveContract(a.db, STREAM_ID, { buyer: 'HTX Thanh Hà', kg: 2000 }, undefined, T0);
    const customer = (await a.db.customers.get('youtube:name:Lan'))!;
    await updateCustomer(b.db, customer.id, { notes: 'giao sáng', unpaid: true });
    await saveProduct(a.db, { code: 'V1', name: 'Vải loại 1', pricePerKg: 45000, stockKg: 800 });
    await saveProduct(a.db, { code: 'V2', name: 'Vải loại 2' });
    await editOrder(b.db, 'youtube:m1', { item: 0, quantity: 3 });
    await settle(a, b, a, b);
    for (const db of [a.db, b.db]) {
      expect(await db.streams.get(STREAM_ID)).toMatchObject({ goalKg: 5000, broadcastId: STREAM_ID });
      expect(await db.streams.get('facebook:fb777')).toMatchObject({ broadcastId: STREAM_ID });
      expect(await db.contracts.get(contract.ok ? contract.id! : '')).toMatchObject({ buyer: 'HTX Thanh Hà', kg: 2000 });
      expect(await db.customers.get(customer.id)).toMatchObject({ notes: 'giao sáng', unpaid: true, phones: ['0912345678'] });
      expect((await db.products.toArray()).map((p) => [p.code, p.stockKg])).toEqual([
        ['V1', 800],
        ['V2', undefined],
      ]);
      expect((await db.orders.get('youtube:m1'))?.totalKg).toBe(3);
    }
    expect(await b.db.tallies.orderBy('streamId').toArray()).toEqual(await a.db.tallies.orderBy('streamId').toArray());

    await as('Minh', () => decideOrder(b.db, 'facebook:f1', 'confirmed', T0 + 400));
    await settle(a, b, a, b);
    expect(await a.db.actions.where('orderId').equals('facebook:f1').count()).toBe(1);
    await deleteProduct(b.db, 'V2');
    await deleteContract(b.db, contract.ok ? contract.id! : '');
    await deleteStream(a.db, 'facebook:fb777');
    await settle(a, b, a, b);
    for (const db of [a.db, b.db]) {
      expect((await db.products.toArray()).map((p) => p.code)).toEqual(['V1']);
      expect(await db.contracts.count()).toBe(0);
      expect(await db.streams.get('facebook:fb777')).toBeUndefined();
      expect(await db.orders.get('facebook:f1')).toBeUndefined();
      expect(await db.actions.where('orderId').equals('facebook:f1').count()).toBe(0);
    }
    expect(await b.db.tallies.orderBy('streamId').toArray()).toEqual(await a.db.tallies.orderBy('streamId').toArray());
  });

  it("shares the questions lane: what is asked, shown on air and answered, and a deleted stream's questions, never twice", async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    const rows = [chatRow('q1', '5kg bao nhiêu tiền?'), { ...chatRow('q2', 'ship ra Hà Nội mấy ngày ạ?'), authorName: 'Hùng' }, chatRow('m3', 'chốt 2kg')];
    await ingestChat(a.db, stream, rows, noCatalog, T0);
    await settle(a, b);
    const lane = async (db: ChotDatabase) => (await db.questions.orderBy('id').toArray()).map(({ id, status, authorName }) => [id, status, authorName]);
    expect(await lane(b.db)).toEqual([
      ['youtube:q1', 'open', 'Lan'],
      ['youtube:q2', 'open', 'Hùng'],
    ]);
    expect(await b.db.questions.toArray()).toEqual(await a.db.questions.toArray());

    // the host puts one on air from B's panel, A answers the other
    await showQuestion(b.db, STREAM_ID, 'youtube:q1');
    await answerQuestions(a.db, ['youtube:q2'], T0 + 500);
    await settle(a, b, a, b);
    for (const db of [a.db, b.db])
      expect(await lane(db)).toEqual([
        ['youtube:q1', 'onAir', 'Lan'],
        ['youtube:q2', 'answered', 'Hùng'],
      ]);

    // B's own reader reads the same chat: the questions are not asked again, their status stays
    await ingestChat(b.db, stream, [...rows, chatRow('q4', 'có giao tận nhà không?')], noCatalog, T0 + 600);
    await settle(a, b, a, b);
    for (const db of [a.db, b.db])
      expect(await lane(db)).toEqual([
        ['youtube:q1', 'onAir', 'Lan'],
        ['youtube:q2', 'answered', 'Hùng'],
        ['youtube:q4', 'open', 'Lan'],
      ]);

    await deleteStream(b.db, STREAM_ID);
    await settle(a, b, a, b);
    for (const db of [a.db, b.db]) expect(await db.questions.count()).toBe(0);
  });

  it("moves a joined stream's old orders, history, contracts and questions into its new broadcast's document", async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    const facebook = { platform: 'facebook' as const, key: 'fb777' };
    await ingestChat(
      a.db,
      facebook,
      [
        { ...chatRow('f1', 'lấy 3kg'), platform: 'facebook' },
        { ...chatRow('f2', '5kg bao nhiêu tiền?'), platform: 'facebook' },
      ],
      noCatalog,
      T0,
    );
    await settle(a, b);
    await as('Minh', () => decideOrder(b.db, 'facebook:f1', 'confirmed', T0 + 100));
    const contract = await saveContract(b.db, 'facebook:fb777', { buyer: 'HTX Thanh Hà', kg: 2000 }, undefined, T0);
    await settle(a, b, a, b);
    await joinStream(a.db, STREAM_ID, 'facebook:fb777');
    await settle(a, b, a, b);

    const joined = hub.document(`broadcast:${STREAM_ID}`);
    const has = (table: string, key: string) => Boolean((joined.getMap(table).get(key) as { v: unknown } | undefined)?.v);
    expect(has('streams', 'facebook:fb777')).toBe(true);
    expect(has('orders', 'facebook:f1')).toBe(true);
    expect(has('contracts', contract.ok ? contract.id! : '')).toBe(true);
    expect(has('questions', 'facebook:f2')).toBe(true);
    expect([...joined.getMap('actions').values()].some((entry) => (entry as { v: { orderId?: string } | null }).v?.orderId === 'facebook:f1')).toBe(true);

    // A desk that opens only the broadcast's document (the stream's old one is no longer listed) has it all.
    const open = hub.opener('desk-cccc');
    const onlyNew = (name: string) => (name === 'broadcast:facebook:fb777' ? { doc: new Y.Doc(), synced: Promise.resolve() } : open(name));
    const c = { db: freshDatabase(), sync: undefined as unknown as TeamSync };
    c.sync = new TeamSync(c.db, { desk: { desk: 'desk-cccc', by: 'Hoa' }, open: onlyNew });
    trackDesk(c);
    await c.sync.start();
    c.sync.docFor(`broadcast:${STREAM_ID}`);
    await settle(a, b, c, a, b, c);
    expect((await c.db.orders.orderBy('id').toArray()).map((o) => [o.id, o.status])).toEqual([
      ['facebook:f1', 'confirmed'],
      ['youtube:m1', 'pending'],
    ]);
    expect(await c.db.questions.count()).toBe(1);
    expect(await c.db.contracts.count()).toBe(1);
    expect((await view(c.db)).history).toEqual((await view(a.db)).history);
  });

  it('adds nothing twice when a second desk reads the same YouTube chat, and keeps the decisions already made', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    const rows = [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 5 ký'), chatRow('m3', 'hủy')];
    await ingestChat(a.db, stream, rows, noCatalog, T0);
    await settle(a, b);
    await as('Minh', () => decideOrder(b.db, 'youtube:m1', 'confirmed', T0 + 50));
    await settle(a, b);
    // B's own reader now reads the same rows (and one new one).
    await ingestChat(b.db, stream, [...rows, chatRow('m4', 'chốt 1kg')], noCatalog, T0 + 60);
    await settle(a, b, a, b);
    for (const db of [a.db, b.db]) {
      expect((await db.orders.orderBy('id').toArray()).map((o) => [o.id, o.status])).toEqual([
        ['youtube:m1', 'confirmed'],
        ['youtube:m2', 'cancelled'],
        ['youtube:m4', 'pending'],
      ]);
    }
    expect(await view(a.db)).toEqual(await view(b.db));
  });

  it('brings a desk that turns team mode on later up to date, and sends it what only it had', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('q2', '5kg bao nhiêu tiền?')], noCatalog, T0);
    await settle(a);
    // B worked alone on another stream before joining the team.
    const alone = freshDatabase();
    await ingestChat(alone, { platform: 'youtube', key: 'other002' }, [chatRow('x1', 'lấy 4kg'), chatRow('x2', 'ship mấy ngày ạ?')], noCatalog, T0);
    const b = await desk(hub, 'desk-bbbb', 'Minh', alone);
    await settle(a, b, a, b);
    for (const db of [a.db, b.db]) expect((await db.orders.orderBy('id').toArray()).map((o) => o.id)).toEqual(['youtube:m1', 'youtube:x1']);
    for (const db of [a.db, b.db]) expect((await db.questions.orderBy('id').toArray()).map((q) => q.id)).toEqual(['youtube:q2', 'youtube:x2']);
    expect(await view(a.db)).toEqual(await view(b.db));
  });

  it('brings a joining desk a broadcast of hundreds of orders it partly has, with the same statuses, history and figures', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const rows = Array.from({ length: 320 }, (_, i) => chatRow(`m${i}`, `chốt ${(i % 7) + 1}kg`, { authorName: `Khách ${i % 40}`, authorId: `UC${i % 40}` }));
    for (let i = 0; i < rows.length; i += 80) await ingestChat(a.db, stream, rows.slice(i, i + 80), noCatalog, T0);
    await settle(a);
    // B read the first rows of the same chat alone; A has decided some of them since.
    const alone = freshDatabase();
    await ingestChat(alone, stream, rows.slice(0, 60), noCatalog, T0);
    for (const i of [3, 10, 42, 200]) await as('Lan', () => decideOrder(a.db, `youtube:m${i}`, i % 2 === 0 ? 'confirmed' : 'rejected', T0 + 60_000 + i));
    await settle(a);
    const b = await desk(hub, 'desk-bbbb', 'Minh', alone);
    await settle(a, b, a, b);
    expect(await b.db.orders.count()).toBe(320);
    expect((await b.db.orders.get('youtube:m3'))?.status).toBe('rejected');
    expect(await view(b.db)).toEqual(await view(a.db));
  });

  it('moves every desk to a compacted broadcast with the same statuses, history and figures, and the new document stays small', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    const rows = Array.from({ length: 60 }, (_, i) => chatRow(`m${i}`, `chốt ${(i % 5) + 1}kg`, { authorName: `Khách ${i % 9}`, authorId: `UC${i % 9}` }));
    await ingestChat(a.db, stream, rows, noCatalog, T0);
    await settle(a, b);
    // every order decided on one desk, then changed on the other
    for (let i = 0; i < 60; i += 1) await as('Lan', () => decideOrder(a.db, `youtube:m${i}`, 'confirmed', T0 + 1000 + i));
    await settle(a, b);
    for (let i = 0; i < 60; i += 2) await as('Minh', () => decideOrder(b.db, `youtube:m${i}`, 'rejected', T0 + 5000 + i));
    await settle(a, b, a, b);
    const seen = await view(a.db);
    const name = `broadcast:${STREAM_ID}`;
    const records = currentEntries(hub.document(name));

    const result = hub.compact(STREAM_ID);
    await settle(a, b, a, b);
    expect(result.after).toBeLessThan(result.before);
    // both desks left the old document (their copies dropped) and work on the new one
    expect(hub.linked(name)).toBe(0);
    expect(hub.linked(`${name}#2`)).toBe(2);
    for (const d of [a, b]) expect(currentEntries(d.sync.openDocs().get(name)!)).toEqual(records);
    for (const d of [a, b]) expect(await view(d.db)).toEqual(seen);
    // moving sent nothing back: the new document is still exactly the compacted one
    expect(hub.size(`${name}#2`)).toBe(result.after);

    // decisions made afterwards reach the other desk through the new generation
    await as('Minh', () => decideOrder(b.db, 'youtube:m1', 'rejected', T0 + 9000));
    await settle(a, b, a, b);
    expect((await a.db.orders.get('youtube:m1'))?.status).toBe('rejected');
    expect(await view(a.db)).toEqual(await view(b.db));
    expect(currentEntries(hub.document(name))).toEqual(records);
  });

  it('carries the decisions an offline desk made on the old generation into the compacted one, losing nothing', async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await ingestChat(a.db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 5 ký'), chatRow('m3', 'chốt 1kg')], noCatalog, T0);
    await as('Lan', () => decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 100));
    await settle(a, b);
    // Minh's laptop is off Wi-Fi: his decisions wait in his copy of the old generation
    hub.setOnline('desk-bbbb', false);
    await as('Minh', () => decideOrder(b.db, 'youtube:m2', 'rejected', T0 + 200));
    await as('Minh', () => decideOrder(b.db, 'youtube:m1', 'rejected', T0 + 300));
    await setGoal(b.db, STREAM_ID, 800);
    // Lan decides on the old generation while Minh cannot hear it
    await as('Lan', () => decideOrder(a.db, 'youtube:m3', 'rejected', T0 + 150));
    await settle(a, b);
    // the host compacts meanwhile, and decides one more order on the new generation
    hub.compact(STREAM_ID);
    await settle(a, b);
    await as('Lan', () => decideOrder(a.db, 'youtube:m3', 'confirmed', T0 + 400));
    await settle(a, b);
    expect((await a.db.orders.get('youtube:m2'))?.status).toBe('pending');

    hub.setOnline('desk-bbbb', true);
    await settle(a, b, a, b, a, b);
    const [onA, onB] = [await view(a.db), await view(b.db)];
    expect(onA).toEqual(onB);
    expect(onA.orders.map((o) => o.status)).toEqual(['rejected', 'rejected', 'confirmed']);
    expect(onA.history.filter((h) => h.kind === 'decide').map((h) => [h.orderId, h.by, h.after.status])).toEqual([
      ['youtube:m1', 'Lan', 'confirmed'],
      ['youtube:m3', 'Lan', 'rejected'],
      ['youtube:m2', 'Minh', 'rejected'],
      ['youtube:m1', 'Minh', 'rejected'],
      ['youtube:m3', 'Lan', 'confirmed'],
    ]);
    expect((await a.db.streams.get(STREAM_ID))?.goalKg).toBe(800);
    expect(hub.linked(`broadcast:${STREAM_ID}`)).toBe(0);
  });
});

describe('the index of broadcasts', () => {
  const listed = (hub: TeamHub, name: string) => Object.fromEntries(hub.document(name).getMap<number>(BROADCASTS_MAP).entries());

  async function oneBroadcast(a: { db: ChotDatabase }) {
    await ingestChat(
      a.db,
      stream,
      [chatRow('m1', 'chốt 2kg', { authorName: 'Chị Hoa', authorId: 'UC1' }), chatRow('m2', 'lấy 5 ký', { authorName: 'Anh Tú', authorId: 'UC2' })],
      noCatalog,
      T0,
    );
    await as('Lan', () => decideOrder(a.db, 'youtube:m1', 'confirmed', T0 + 100));
  }

  it("lists a new broadcast, and a fresh desk has its orders while the shop's document is still on its way", async () => {
    const hub = new TeamHub();
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    await oneBroadcast(a);
    await settle(a);
    expect(Object.keys(listed(hub, INDEX_DOC))).toEqual([STREAM_ID]);
    expect(listed(hub, SHOP_DOC)).toEqual(listed(hub, INDEX_DOC));
    // The buyers' document is held back: the new desk learns of the broadcast from the index alone.
    hub.hold(SHOP_DOC);
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await settle(a, b);
    expect(hub.linked(`broadcast:${STREAM_ID}`)).toBe(2);
    // asked for in this order: the list, the broadcast, and only then the buyers
    expect(hub.askedFor.filter((asked) => asked.startsWith('desk-bbbb'))).toEqual([
      `desk-bbbb ${INDEX_DOC}`,
      `desk-bbbb broadcast:${STREAM_ID}`,
      `desk-bbbb ${SHOP_DOC}`,
    ]);
    expect((await b.db.orders.orderBy('id').toArray()).map((order) => [order.id, order.status])).toEqual([
      ['youtube:m1', 'confirmed'],
      ['youtube:m2', 'pending'],
    ]);
    expect(await b.db.customers.count()).toBe(0);
    hub.release(SHOP_DOC);
    await settle(a, b, a, b);
    expect(await b.db.customers.count()).toBe(2);
    expect(await view(b.db)).toEqual(await view(a.db));
  });

  it("joins a broadcast listed only in the shop's document (an older desk's), and copies it into the index for the next desk", async () => {
    const hub = new TeamHub();
    const old = await desk(hub, 'desk-aaaa', 'Lan', freshDatabase(), { withIndex: false });
    await oneBroadcast(old);
    await settle(old);
    expect(listed(hub, INDEX_DOC)).toEqual({});
    expect(Object.keys(listed(hub, SHOP_DOC))).toEqual([STREAM_ID]);
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await settle(old, b, old, b);
    expect(await view(b.db)).toEqual(await view(old.db));
    expect(listed(hub, INDEX_DOC)).toEqual(listed(hub, SHOP_DOC));
    hub.hold(SHOP_DOC);
    const c = await desk(hub, 'desk-cccc', 'Hoa');
    await settle(old, b, c);
    expect(await c.db.orders.count()).toBe(2);
  });

  it('works with a server from before the index: the lists and the generations are read from the shop document', async () => {
    const hub = new TeamHub({ withIndex: false });
    const a = await desk(hub, 'desk-aaaa', 'Lan');
    await oneBroadcast(a);
    await settle(a);
    expect(Object.keys(listed(hub, SHOP_DOC))).toEqual([STREAM_ID]);
    const b = await desk(hub, 'desk-bbbb', 'Minh');
    await settle(a, b, a, b);
    expect(await view(b.db)).toEqual(await view(a.db));
    hub.compact(STREAM_ID);
    await settle(a, b, a, b);
    expect(hub.linked(`broadcast:${STREAM_ID}#2`)).toBe(2);
    await as('Minh', () => decideOrder(b.db, 'youtube:m2', 'rejected', T0 + 9000));
    await settle(a, b, a, b);
    expect((await a.db.orders.get('youtube:m2'))?.status).toBe('rejected');
  });
});
