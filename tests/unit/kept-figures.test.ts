import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogSchema, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder, decideOrders, editOrder, undoLastAction } from '../../utils/store/orders';
import { deleteContract, promoteOrder, saveContract } from '../../utils/store/contracts';
import { joinStream, splitStream, deleteStream, groupBroadcasts } from '../../utils/store/broadcasts';
import { saveProduct } from '../../utils/store/catalog';
import { recountStreams } from '../../utils/store/stream-tally';
import { computeTally, tallyOf } from '../../utils/store/tally';
import { computeStock } from '../../utils/store/stock';
import { readBroadcastStock } from '../../utils/store/broadcast-stock';
import { restoreBackup, createBackup } from '../../utils/export/backup';
import type { ChotDatabase } from '../../utils/store/db';
import { freshDatabase, T0 } from './test-db';

// The figures the writer keeps must always equal a count from scratch, whatever happened before.

const catalog = indexCatalog(
  catalogSchema.parse({
    products: [
      { code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10, hộp: 2 } },
      { code: 'V2', name: 'Vải loại 2', pricePerKg: 30000, packages: { thùng: 12 } },
    ],
    defaultProduct: 'V1',
  }),
);
const STREAMS = [
  { platform: 'youtube' as const, key: 'figA' },
  { platform: 'facebook' as const, key: '1234567890' },
  { platform: 'youtube' as const, key: 'figB' },
];
const BUYERS = ['Lan', 'Minh', 'Hà', 'Tú'];
const COMMENTS = [
  'chốt 2kg',
  'lấy 1 thùng',
  'chốt 3 hộp V2',
  'công ty em đặt 1 tấn 2',
  'thôi không lấy nữa',
  'sửa thành 3kg',
  'sđt 0912 345 678',
  'chốt 2 thùng',
  'ngon quá',
  'chốt 5 ký V1 2 thùng V2',
];

const step = fc.oneof(
  fc.record({ kind: fc.constant('chat' as const), stream: fc.nat(2), buyer: fc.nat(3), comment: fc.nat(COMMENTS.length - 1) }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), status: fc.constantFrom('confirmed' as const, 'rejected' as const, 'pending' as const) }),
  fc.record({ kind: fc.constant('bulk' as const), pick: fc.nat(), status: fc.constantFrom('confirmed' as const, 'rejected' as const) }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    quantity: fc.integer({ min: 1, max: 40 }),
    unit: fc.constantFrom('kg', 'yến', 'tạ', undefined),
  }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('promote' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('contract' as const), stream: fc.nat(2), kg: fc.integer({ min: 1, max: 5000 }), cancelled: fc.boolean() }),
  fc.record({ kind: fc.constant('drop-contract' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('stock' as const), stockKg: fc.integer({ min: 0, max: 200 }), code: fc.constantFrom('V1', 'V2') }),
  fc.record({ kind: fc.constant('join' as const), into: fc.nat(2), stream: fc.nat(2) }),
  fc.record({ kind: fc.constant('split' as const), stream: fc.nat(2) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function run(db: ChotDatabase, steps: readonly Step[]): Promise<void> {
  let at = T0;
  let n = 0;
  const pickOrder = async (pick: number) => {
    const ids = await db.orders.toCollection().primaryKeys();
    return ids.length === 0 ? undefined : ids[pick % ids.length]!;
  };
  for (const s of steps) {
    at += 30_000;
    const streamId = (i: number) => `${STREAMS[i]!.platform}:${STREAMS[i]!.key}`;
    switch (s.kind) {
      case 'chat': {
        n += 1;
        const message = {
          platform: STREAMS[s.stream]!.platform,
          messageId: `m${n}`,
          kind: 'chat',
          authorName: BUYERS[s.buyer]!,
          text: COMMENTS[s.comment]!,
          observedAt: at,
        };
        await ingestChat(db, STREAMS[s.stream]!, [message], catalog, { now: at });
        break;
      }
      case 'decide': {
        const id = await pickOrder(s.pick);
        if (id) await decideOrder(db, id, s.status, at);
        break;
      }
      case 'bulk': {
        const ids = await db.orders.toCollection().primaryKeys();
        await decideOrders(
          db,
          ids.filter((_, i) => (i + s.pick) % 2 === 0),
          s.status,
          at,
        );
        break;
      }
      case 'edit': {
        const id = await pickOrder(s.pick);
        if (id) await editOrder(db, id, { item: 0, quantity: s.quantity, ...(s.unit ? { unit: s.unit } : {}) }, at);
        break;
      }
      case 'undo':
        await undoLastAction(db, at);
        break;
      case 'promote': {
        const id = await pickOrder(s.pick);
        if (id) await promoteOrder(db, id, at);
        break;
      }
      case 'contract':
        if (await db.streams.get(streamId(s.stream)))
          await saveContract(db, streamId(s.stream), { buyer: 'HTX', kg: s.kg, status: s.cancelled ? 'cancelled' : 'signed' }, undefined, at);
        break;
      case 'drop-contract': {
        const ids = await db.contracts.toCollection().primaryKeys();
        if (ids.length > 0) await deleteContract(db, ids[s.pick % ids.length]!);
        break;
      }
      case 'stock':
        await saveProduct(
          db,
          s.code === 'V1'
            ? { code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10, hộp: 2 }, stockKg: s.stockKg }
            : { code: 'V2', name: 'Vải loại 2', pricePerKg: 30000, packages: { thùng: 12 }, stockKg: s.stockKg * 3 },
          s.code,
        );
        break;
      case 'join':
        await joinStream(db, streamId(s.into), streamId(s.stream));
        break;
      case 'split':
        await splitStream(db, streamId(s.stream));
        break;
    }
  }
}

async function expectKeptEqualsRecount(db: ChotDatabase): Promise<void> {
  const orders = await db.orders.toArray();
  const contracts = await db.contracts.toArray();
  const recount = recountStreams(orders, contracts);
  const kept = await db.tallies.toArray();
  const sortById = <T extends { streamId: string }>(list: T[]) => [...list].sort((a, b) => a.streamId.localeCompare(b.streamId));
  // A stream whose orders all went keeps a zero record; a recount has none for it.
  const empty = (t: (typeof kept)[number]) => Object.keys(t.byStatus).length === 0 && t.contracts === 0 && Object.keys(t.byProduct).length === 0;
  expect(sortById(kept.filter((t) => !empty(t)))).toEqual(sortById(recount.tallies.filter((t) => !empty(t))));
  expect(
    sortById(await db.streamBuyers.toArray())
      .map((b) => `${b.streamId}|${b.authorKey}|${b.counting}`)
      .sort(),
  ).toEqual(recount.buyers.map((b) => `${b.streamId}|${b.authorKey}|${b.counting}`).sort());
  // and each broadcast's figures, as the views read them, equal the tally counted from its orders
  const products = await db.products.toArray();
  for (const broadcast of groupBroadcasts(await db.streams.toArray())) {
    const ids = new Set(broadcast.streams.map((stream) => stream.id));
    const stored = (await db.tallies.bulkGet([...ids])).filter((t) => t !== undefined);
    expect(tallyOf(stored, products)).toEqual(
      computeTally(
        orders.filter((o) => ids.has(o.streamId)),
        products,
        contracts.filter((c) => ids.has(c.streamId)),
      ),
    );
    const plain = ({ byProduct, waitlisted }: ReturnType<typeof computeStock>) => ({
      byProduct: Object.fromEntries(byProduct),
      waitlisted: [...waitlisted].sort(),
    });
    expect(plain(await readBroadcastStock(db, [...ids], products))).toEqual(
      plain(
        computeStock(
          products,
          orders.filter((o) => ids.has(o.streamId)),
        ),
      ),
    );
  }
}

describe('figures kept by the writer', () => {
  it('equal a recount after any sequence of chat, decisions, edits, undo, cancels, contracts, stock changes and joins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const db = freshDatabase();
        try {
          await run(db, steps);
          await expectKeptEqualsRecount(db);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('follow a stream deleted and a backup restored over what is there', async () => {
    const db = freshDatabase();
    const steps: Step[] = [
      ...BUYERS.flatMap((_, buyer) => [0, 1, 2].map((stream) => ({ kind: 'chat' as const, stream, buyer, comment: buyer % 4 }))),
      { kind: 'decide', pick: 1, status: 'confirmed' },
      { kind: 'promote', pick: 3 },
      { kind: 'contract', stream: 1, kg: 700, cancelled: false },
    ];
    await run(db, steps);
    const backup = JSON.stringify(await createBackup(db));
    await run(db, [
      { kind: 'decide', pick: 2, status: 'rejected' },
      { kind: 'chat', stream: 0, buyer: 1, comment: 4 },
    ]);
    expect(await restoreBackup(db, backup)).toMatchObject({ ok: true });
    await expectKeptEqualsRecount(db);
    expect(await deleteStream(db, 'youtube:figA')).toMatchObject({ ok: true });
    await expectKeptEqualsRecount(db);
    expect(await db.tallies.get('youtube:figA')).toBeUndefined();
    db.close();
  });
});
