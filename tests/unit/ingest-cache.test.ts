import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogSchema, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { IngestCache } from '../../utils/store/ingest-cache';
import { decideOrder, decideOrders, editOrder, undoLastAction } from '../../utils/store/orders';
import { applyRemote } from '../../utils/team/team-apply';
import { parseComment } from '../../utils/parser/index';
import type { OrderRecord } from '../../utils/store/records';
import { mergeCustomers, unmergeCustomer, updateCustomer } from '../../utils/store/customers';
import { createBackup, restoreBackup } from '../../utils/export/backup';
import { recountStream } from '../../utils/store/recount';
import { recountStreams } from '../../utils/store/stream-tally';
import type { ChotDatabase } from '../../utils/store/db';
import { unbucketBuyers } from '../../utils/store/kept-buyers';
import { chatRow, freshDatabase, T0 } from './test-db';
import { appendToLog, readLoggedMessages } from '../../utils/store/chat-log';

// The background keeps what chat batches read in memory between them (ingest-cache.ts). Whatever else
// writes in between, a batch must store exactly what it would store reading everything from the database.

const catalog = indexCatalog(
  catalogSchema.parse({
    products: [{ code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10 } }],
    defaultProduct: 'V1',
  }),
);
const stream = { platform: 'youtube' as const, key: 'cache01' };
const streamId = 'youtube:cache01';

/** A database with the background's cache, as the router runs the ingest. */
function cached(): { db: ChotDatabase; ingest: (rows: unknown[], now: number) => ReturnType<typeof ingestChat> } {
  const db = freshDatabase();
  const cache = new IngestCache(db);
  return { db, ingest: (rows, now) => ingestChat(db, stream, rows, catalog, { now, cache }) };
}

async function expectFiguresEqualRecount(db: ChotDatabase): Promise<void> {
  const recount = recountStreams(await db.orders.toArray(), await db.contracts.toArray());
  const line = (b: { streamId: string; authorKey: string; counting: number }) => `${b.streamId}|${b.authorKey}|${b.counting}`;
  expect(
    unbucketBuyers(await db.keptBuyers.toArray())
      .map(line)
      .sort(),
  ).toEqual(recount.buyers.map(line).sort());
  expect((await db.tallies.toArray()).filter((t) => t.orders > 0 || Object.keys(t.byStatus).length > 0)).toEqual(recount.tallies);
}

describe('the ingest cache after another writer', () => {
  it('sees a decision: a cancelled order is no repeat, and the buyer count follows', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 })], T0);
    await decideOrder(db, 'youtube:1', 'rejected', T0 + 1_000);
    // the same words again: the rejected order still counts as a repeat, but not as a counting order
    await ingest([chatRow('2', 'chốt 2kg', { observedAt: T0 + 2_000 })], T0 + 2_000);
    expect((await db.orders.get('youtube:2'))?.possibleRepeatOf).toBe('youtube:1');
    expect(unbucketBuyers(await db.keptBuyers.toArray()).map((b) => b.counting)).toEqual([1]);
    await decideOrder(db, 'youtube:2', 'rejected', T0 + 3_000);
    await decideOrder(db, 'youtube:1', 'pending', T0 + 3_500);
    // a cancel takes the latest open order, as the database now says: order 1
    await ingest([chatRow('3', 'thôi em không lấy nữa', { observedAt: T0 + 4_000 })], T0 + 4_000);
    expect((await db.orders.get('youtube:1'))?.status).toBe('cancelled');
    expect((await db.orders.get('youtube:2'))?.status).toBe('rejected');
    await expectFiguresEqualRecount(db);
    db.close();
  });

  it('sees an edit of an order the buyer then changes', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 }), chatRow('2', 'chốt 3kg', { observedAt: T0 + 1 })], T0);
    // a cancel reads (and the cache keeps) the buyer's whole history
    await ingest([chatRow('3', 'thôi em không lấy nữa', { observedAt: T0 + 500 })], T0 + 500);
    expect(await editOrder(db, 'youtube:1', { item: 0, quantity: 7 }, T0 + 1_000)).toMatchObject({ ok: true });
    await ingest([chatRow('4', 'sđt 0912345678', { observedAt: T0 + 2_000 })], T0 + 2_000);
    // the phone lands on the order as edited, not on the 2 kg the batch before read
    expect(await db.orders.get('youtube:1')).toMatchObject({ phone: '0912345678', totalKg: 7 });
    await expectFiguresEqualRecount(db);
    db.close();
  });

  it("sees a customer's notes and unpaid mark, and never writes an older copy over them", async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 })], T0);
    const id = 'youtube:name:Lan';
    expect(await updateCustomer(db, id, { notes: 'khách quen', unpaid: true })).toEqual({ ok: true });
    await ingest([chatRow('2', 'chốt 3kg sđt 0912345678', { observedAt: T0 + 60_000 })], T0 + 60_000);
    expect(await db.customers.get(id)).toMatchObject({ notes: 'khách quen', unpaid: true, phones: ['0912345678'] });
    expect((await db.orders.get('youtube:2'))?.buyerUnpaid).toBe(true);
    db.close();
  });

  it('sees a merge into an unpaid customer, and its undoing', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 }), chatRow('2', 'chốt 1kg', { authorName: 'Minh', observedAt: T0 + 1 })], T0);
    await updateCustomer(db, 'youtube:name:Minh', { unpaid: true });
    expect(await mergeCustomers(db, 'youtube:name:Minh', 'youtube:name:Lan')).toEqual({ ok: true });
    await ingest([chatRow('3', 'chốt 4kg', { observedAt: T0 + 5_000 })], T0 + 5_000);
    expect((await db.orders.get('youtube:3'))?.buyerUnpaid).toBe(true);
    expect(await unmergeCustomer(db, 'youtube:name:Lan')).toEqual({ ok: true });
    await ingest([chatRow('4', 'chốt 5kg', { observedAt: T0 + 9_000 })], T0 + 9_000);
    expect((await db.orders.get('youtube:4'))?.buyerUnpaid).toBeUndefined();
    db.close();
  });

  it('sees a backup restored over what is there', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 })], T0);
    const backup = JSON.stringify(await createBackup(db, T0));
    await ingest([chatRow('2', 'thôi em không lấy nữa', { observedAt: T0 + 1_000 })], T0 + 1_000);
    expect((await db.orders.get('youtube:1'))?.status).toBe('cancelled');
    // the restore brings the order back open; the buyer's next cancel must find it
    expect(await restoreBackup(db, backup)).toMatchObject({ ok: true });
    expect(await recountStream(db, streamId)).toMatchObject({ ok: true });
    await ingest([chatRow('3', 'thôi em không lấy nữa', { observedAt: T0 + 2_000 })], T0 + 2_000);
    expect((await db.orders.get('youtube:1'))?.status).toBe('cancelled');
    expect((await db.orders.get('youtube:1'))?.cancelledByMessageId).toBe('youtube:3');
    await expectFiguresEqualRecount(db);
    db.close();
  });

  it('sees the first of two batches written in one transaction', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 }), chatRow('2', 'chốt 3kg', { observedAt: T0 + 1 })], T0);
    await ingest([chatRow('3', 'thôi em không lấy nữa', { observedAt: T0 + 500 })], T0 + 500);
    await db.transaction('rw', [...db.ingestTables], async () => {
      await ingest([chatRow('4', 'thôi em không lấy nữa', { observedAt: T0 + 1_000 })], T0 + 1_000);
      // no open order is left for the phone: the cancel just above took the last one
      await ingest([chatRow('5', 'sđt 0912345678', { observedAt: T0 + 2_000 })], T0 + 2_000);
    });
    expect(await db.orders.get('youtube:1')).toMatchObject({ status: 'cancelled', phone: null });
    await ingest([chatRow('6', 'chốt 2kg', { observedAt: T0 + 3_000 })], T0 + 3_000);
    expect((await db.orders.get('youtube:6'))?.possibleRepeatOf).toBeUndefined();
    await expectFiguresEqualRecount(db);
    db.close();
  });

  it('takes nothing from a batch that failed', async () => {
    const { db, ingest } = cached();
    await ingest([chatRow('1', 'chốt 2kg', { observedAt: T0 })], T0);
    // a batch whose transaction fails after its writes (an import step whose progress record is refused)
    await expect(
      db.transaction('rw', [...db.ingestTables, db.imports], async () => {
        await ingest([chatRow('2', 'thôi em không lấy nữa', { observedAt: T0 + 1_000 })], T0 + 1_000);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await ingest([chatRow('3', 'chốt 2kg', { observedAt: T0 + 2_000 })], T0 + 2_000);
    // order 1 was never cancelled: the new order repeats it, and the buyer counts two orders
    expect((await db.orders.get('youtube:1'))?.status).toBe('pending');
    expect((await db.orders.get('youtube:3'))?.possibleRepeatOf).toBe('youtube:1');
    await expectFiguresEqualRecount(db);
    db.close();
  });
});

const BUYERS = ['Lan', 'Minh', 'Hà'];
const COMMENTS = [
  'chốt 2kg',
  'chốt 2kg',
  'lấy 1 thùng',
  'thôi không lấy nữa',
  'hủy 1 thùng',
  'sửa thành 3kg',
  'sđt 0912 345 678',
  'ngon quá',
  'giá bao nhiêu?',
];

const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('chat' as const),
      rows: fc.array(fc.record({ buyer: fc.nat(BUYERS.length - 1), comment: fc.nat(COMMENTS.length - 1), gap: fc.integer({ min: 0, max: 90_000 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      withdraw: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), status: fc.constantFrom('confirmed' as const, 'rejected' as const, 'pending' as const) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), quantity: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('customer' as const), buyer: fc.nat(BUYERS.length - 1), unpaid: fc.boolean(), notes: fc.constantFrom('', 'nợ', 'quen') }),
  fc.record({ kind: fc.constant('merge' as const), into: fc.nat(BUYERS.length - 1), from: fc.nat(BUYERS.length - 1), undo: fc.boolean() }),
  fc.record({ kind: fc.constant('restore' as const) }),
  // a rescan sends the last rows again
  fc.record({ kind: fc.constant('rescan' as const), rows: fc.integer({ min: 1, max: 6 }) }),
  // another desk's order comes first (a team apply): its chat row joins the log before this reader sees it
  fc.record({ kind: fc.constant('remembered' as const), ahead: fc.integer({ min: 1, max: 3 }), buyer: fc.nat(BUYERS.length - 1) }),
  // another desk's order, or its decision or deletion of one, applied from the team's document
  fc.record({ kind: fc.constant('remote' as const), ahead: fc.integer({ min: 0, max: 2 }), buyer: fc.nat(BUYERS.length - 1), comment: fc.constantFrom(0, 2) }),
  fc.record({ kind: fc.constant('remote-change' as const), pick: fc.nat(), remove: fc.boolean() }),
  // a decision committed while the next batch waits to start
  fc.record({
    kind: fc.constant('together' as const),
    pick: fc.nat(),
    status: fc.constantFrom('confirmed' as const, 'rejected' as const),
    buyer: fc.nat(BUYERS.length - 1),
    comment: fc.nat(COMMENTS.length - 1),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Runs the steps on a database; the chat through the cache when one is given. */
async function run(db: ChotDatabase, steps: readonly Step[], cache: IngestCache | undefined): Promise<void> {
  let at = T0;
  let n = 0;
  let backup: string | undefined;
  const sent: unknown[] = [];
  const pickOrder = async (pick: number) => {
    const ids = await db.orders.toCollection().primaryKeys();
    return ids.length === 0 ? undefined : ids[pick % ids.length]!;
  };
  const customerId = (buyer: number) => `youtube:name:${BUYERS[buyer]!}`;
  for (const s of steps) {
    at += 10_000;
    switch (s.kind) {
      case 'chat': {
        const rows: unknown[] = s.rows.map((row) => {
          n += 1;
          at += row.gap;
          return chatRow(`m${n}`, COMMENTS[row.comment]!, { authorName: BUYERS[row.buyer]!, observedAt: at });
        });
        // a moderator's delete of an earlier row, now and then
        if (s.withdraw && n > 1) rows.push({ kind: 'withdrawn', platform: 'youtube', messageId: `m${n - 1}` });
        sent.push(...rows);
        await ingestChat(db, stream, rows, catalog, { now: at, cache });
        break;
      }
      case 'rescan':
        await ingestChat(db, stream, sent.slice(-s.rows), catalog, { now: at, cache });
        break;
      case 'remembered': {
        const row = chatRow(`m${n + s.ahead}`, 'chốt 2kg', { authorName: BUYERS[s.buyer]!, observedAt: at });
        await db.transaction('rw', db.chatLog, () =>
          appendToLog(db, streamId, [{ ...row, id: `youtube:${row.messageId}`, streamId, receivedAt: at } as never]),
        );
        break;
      }
      case 'remote': {
        // the order as the other desk's reader made it (its chat row may come to this reader later)
        const row = chatRow(`m${n + s.ahead}`, COMMENTS[s.comment]!, { authorName: BUYERS[s.buyer]!, observedAt: at });
        const parsed = parseComment(row.text, catalog);
        const id = `youtube:${row.messageId}`;
        if (await db.orders.get(id)) break;
        const order: OrderRecord = {
          ...{ id, streamId, messageId: id, platform: 'youtube', authorName: row.authorName, authorKey: `name:${row.authorName}`, text: row.text },
          ...{ items: parsed.items, totalKg: parsed.totalKg, phone: parsed.phone, confidence: parsed.confidence, reasons: parsed.reasons },
          ...{ status: 'pending', observedAt: at, updatedAt: at },
        };
        await applyRemote(db, [{ table: 'orders', key: id, entry: { v: order, at, desk: 'otherdesk1', by: 'Hoa' } }], 'thisdesk01', at);
        break;
      }
      case 'remote-change': {
        const id = await pickOrder(s.pick);
        const order = id ? await db.orders.get(id) : undefined;
        const value = s.remove ? null : order && { ...order, status: order.status === 'confirmed' ? 'pending' : 'confirmed', updatedAt: at };
        if (id) await applyRemote(db, [{ table: 'orders', key: id, entry: { v: value, at, desk: 'otherdesk1', by: 'Hoa' } }], 'thisdesk01', at);
        break;
      }
      case 'together': {
        const id = await pickOrder(s.pick);
        n += 1;
        at += 1_000;
        const rows = [chatRow(`m${n}`, COMMENTS[s.comment]!, { authorName: BUYERS[s.buyer]!, observedAt: at })];
        sent.push(...rows);
        await Promise.all([id ? decideOrders(db, [id], s.status, at) : undefined, ingestChat(db, stream, rows, catalog, { now: at, cache })]);
        break;
      }
      case 'decide': {
        const id = await pickOrder(s.pick);
        if (id) await decideOrder(db, id, s.status, at);
        break;
      }
      case 'edit': {
        const id = await pickOrder(s.pick);
        if (id) await editOrder(db, id, { item: 0, quantity: s.quantity }, at);
        break;
      }
      case 'undo':
        await undoLastAction(db, at);
        break;
      case 'customer':
        await updateCustomer(db, customerId(s.buyer), { unpaid: s.unpaid, notes: s.notes });
        break;
      case 'merge':
        if (s.undo) await unmergeCustomer(db, customerId(s.from));
        else await mergeCustomers(db, customerId(s.into), customerId(s.from));
        break;
      case 'restore':
        // the first restore step takes a backup, the next ones restore it over what is there
        if (backup) {
          await restoreBackup(db, backup);
          await recountStream(db, streamId);
        } else backup = JSON.stringify(await createBackup(db, at));
        break;
    }
  }
}

async function contents(db: ChotDatabase) {
  return {
    orders: await db.orders.toArray(),
    customers: await db.customers.toArray(),
    keptBuyers: await db.keptBuyers.toArray(),
    tallies: await db.tallies.toArray(),
    actions: await db.actions.toArray(),
    questions: await db.questions.toArray(),
    messages: await readLoggedMessages(db),
  };
}

describe('the ingest with its cache', () => {
  it('stores exactly what it stores without, whatever other writers do between batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const plain = freshDatabase();
        const withCache = freshDatabase();
        try {
          await run(plain, steps, undefined);
          await run(withCache, steps, new IngestCache(withCache));
          expect(await contents(withCache)).toEqual(await contents(plain));
          await expectFiguresEqualRecount(withCache);
        } finally {
          plain.close();
          withCache.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
