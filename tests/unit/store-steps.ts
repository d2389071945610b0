import fc from 'fast-check';
import { catalogSchema, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { decideOrder, decideOrders, editOrder, undoLastAction } from '../../utils/store/orders';
import { deleteContract, promoteOrder, saveContract } from '../../utils/store/contracts';
import { joinStream, splitStream } from '../../utils/store/broadcasts';
import { saveProduct } from '../../utils/store/catalog';
import type { ChotDatabase } from '../../utils/store/db';
import { T0 } from './test-db';

// Random sequences of what the store's writers do (chat, decisions, edits, undo, cancels, contracts, stock
// changes, joins), for property tests of what must hold after any of them.

const catalog = indexCatalog(
  catalogSchema.parse({
    products: [
      { code: 'V1', name: 'Vải thiều loại 1', pricePerKg: 45000, defaultUnit: 'kg', packages: { thùng: 10, hộp: 2 } },
      { code: 'V2', name: 'Vải loại 2', pricePerKg: 30000, packages: { thùng: 12 } },
    ],
    defaultProduct: 'V1',
  }),
);
export const STREAMS = [
  { platform: 'youtube' as const, key: 'figA' },
  { platform: 'facebook' as const, key: '1234567890' },
  { platform: 'youtube' as const, key: 'figB' },
];
export const BUYERS = ['Lan', 'Minh', 'Hà', 'Tú'];
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

export const step = fc.oneof(
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
export type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

export async function run(db: ChotDatabase, steps: readonly Step[]): Promise<void> {
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
