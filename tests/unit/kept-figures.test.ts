import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deleteStream, groupBroadcasts } from '../../utils/store/broadcasts';
import { recountStreams } from '../../utils/store/stream-tally';
import { computeTally, tallyOf } from '../../utils/store/tally';
import { computeStock } from '../../utils/store/stock';
import { readBroadcastStock } from '../../utils/store/broadcast-stock';
import { restoreBackup, createBackup } from '../../utils/export/backup';
import type { ChotDatabase } from '../../utils/store/db';
import { freshDatabase } from './test-db';
import { bucketBuyers, unbucketBuyers } from '../../utils/store/kept-buyers';
import { BUYERS, run, step, type Step } from './store-steps';

// The figures the writer keeps must always equal a count from scratch, whatever happened before.

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
    unbucketBuyers(await db.keptBuyers.toArray())
      .map((b) => `${b.streamId}|${b.authorKey}|${b.counting}`)
      .sort(),
  ).toEqual(recount.buyers.map((b) => `${b.streamId}|${b.authorKey}|${b.counting}`).sort());
  // kept in the records a recount lays out: each buyer in their bucket, no empty record
  expect(await db.keptBuyers.toArray()).toEqual(bucketBuyers(recount.buyers));
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
