import { afterEach, describe, expect, it } from 'vitest';
import type { ChotDatabase } from '../../utils/store/db';
import { Dexie, type ObservabilitySet } from 'dexie';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { decideOrder } from '../../utils/store/orders';
import { ingestChat } from '../../utils/store/ingest';
import { holdReadsFor, liveRead, touchesRange, touchesRecords, type LiveReadSubscription } from '../../utils/store/live-read';
import { loadSettings, saveSettings, settingsReader } from '../../utils/store/settings';
import { eventually } from './eventually';
import { chatRow, freshDatabase, T0 } from './test-db';

const product = (code: string) => ({ code, name: code, defaultUnit: 'kg', aliases: [], packages: {} });

// Opened first: a database created on open signals every table changed once, which would wake the reads.
async function openDatabase(): Promise<ChotDatabase> {
  const db = freshDatabase();
  await db.open();
  return db;
}

let subscriptions: LiveReadSubscription[] = [];
afterEach(() => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  subscriptions = [];
});

function watch<T>(db: ChotDatabase, read: () => Promise<T>, tables = [db.products]) {
  const answers: T[] = [];
  const errors: unknown[] = [];
  subscriptions.push(liveRead(db, tables, read).subscribe({ next: (value) => answers.push(value), error: (error) => errors.push(error) }));
  return { answers, errors };
}

const putProduct = (db: ChotDatabase, code: string) => db.transaction('rw', db.products, () => db.products.put(product(code)));

/**
 * A read of the products' codes that, after its first answer, keeps its transaction open (a request after
 * each answer) as a busy page's does, until answerNow; under way once V1 has been written.
 */
async function readUnderWay() {
  const db = await openDatabase();
  let slow = false;
  const seen = watch(db, async () => {
    while (slow) await db.products.count();
    return (await db.products.toArray()).map((each) => each.code);
  });
  await eventually(() => expect(seen.answers).toEqual([[]]));
  slow = true;
  await putProduct(db, 'V1');
  await new Promise((resolve) => setTimeout(resolve, 20)); // the read is under way, its transaction open
  return { db, seen, answerNow: () => (slow = false) };
}

describe('liveRead', () => {
  it("gives a read under way up for a write of its page, and reads again after it with the write's change", async () => {
    const { db, seen, answerNow } = await readUnderWay();
    // Behind that read's transaction the write would wait for as long as the read runs: here, for ever.
    await holdReadsFor(db, () => putProduct(db, 'V2'));
    answerNow();
    await eventually(() => expect(seen.answers.at(-1)).toEqual(['V1', 'V2']));
    expect(seen.errors).toEqual([]);
  });

  it('gives a read up once, then lets it answer (a long read would never answer at every key press)', async () => {
    const { db, seen, answerNow } = await readUnderWay();
    await holdReadsFor(db, () => putProduct(db, 'V2'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // read again, and under way
    const second = holdReadsFor(db, () => putProduct(db, 'V3'));
    answerNow();
    await second;
    await eventually(() => expect(seen.answers.at(-1)).toEqual(['V1', 'V2', 'V3']));
    // the read under way when the second write came answered (it was not given up a second time)
    expect(seen.answers).toContainEqual(['V1', 'V2']);
    expect(seen.errors).toEqual([]);
  });

  it('answers at once and again after each committed change to a table it reads, not to others', async () => {
    const db = await openDatabase();
    let reads = 0;
    const seen = watch(db, async () => {
      reads += 1;
      return (await db.products.toArray()).map((each) => each.code);
    });
    await eventually(() => expect(seen.answers).toEqual([[]]));
    await db.products.put(product('vai'));
    await eventually(() => expect(seen.answers.at(-1)).toEqual(['vai']));
    const readsBefore = reads;
    await db.customers.put({
      id: 'youtube:a',
      platform: 'youtube',
      authorKey: 'a',
      name: 'Lan',
      phones: [],
      addresses: [],
      notes: '',
      unpaid: false,
      firstSeenAt: 1,
      lastSeenAt: 1,
    } as never);
    await db.products.put(product('nhan'));
    await eventually(() => expect(seen.answers.at(-1)).toEqual(['nhan', 'vai']));
    // the customers change woke nothing: one read for the products change only
    expect(reads).toBe(readsBefore + 1);
  });

  it('keeps answering while changes come faster than the read takes (a read is never thrown away)', async () => {
    const db = await openDatabase();
    // A read of many requests, as a view's is. Dexie's liveQuery starts such a read over at each change
    // committed between its requests, so while writes go on it answers nothing; here the read is one
    // transaction, writes wait for it, and every read is delivered.
    const seen = watch(db, async () => {
      let count = 0;
      for (let i = 0; i < 30; i += 1) count = await db.products.count();
      return count;
    });
    await eventually(() => expect(seen.answers).toEqual([0]));
    for (let i = 0; i < 40; i += 1) {
      await db.products.put(product(`p${i}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const duringWrites = seen.answers.length;
    expect(duringWrites).toBeGreaterThan(3);
    await eventually(() => expect(seen.answers.at(-1)).toBe(40));
    expect([...seen.answers].sort((a, b) => a - b)).toEqual(seen.answers);
  });

  it('reads once more after a change that landed during a read, so the last answer is current', async () => {
    const db = await openDatabase();
    let reads = 0;
    const seen = watch(db, async () => {
      reads += 1;
      const count = await db.products.count();
      if (reads === 2) await db.products.count(); // a second request: the change below lands meanwhile
      return count;
    });
    await eventually(() => expect(seen.answers).toEqual([0]));
    await Promise.all([db.products.put(product('a')), db.products.put(product('b'))]);
    await eventually(() => expect(seen.answers.at(-1)).toBe(2));
  });

  it('refuses a read of a table it does not watch, as an error to the subscriber', async () => {
    const db = await openDatabase();
    const seen = watch(db, async () => db.orders.count(), [db.products]);
    await eventually(() => expect(seen.errors).toHaveLength(1));
    expect(seen.answers).toEqual([]);
  });

  it('stops reading once unsubscribed', async () => {
    const db = await openDatabase();
    let reads = 0;
    const subscription = liveRead(db, [db.products], async () => {
      reads += 1;
      return db.products.count();
    }).subscribe({ next: () => {} });
    await eventually(() => expect(reads).toBe(1));
    subscription.unsubscribe();
    await db.products.put(product('vai'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(1);
  });
});

describe('a narrowed live read (one buyer, one order)', () => {
  const stream = { platform: 'youtube' as const, key: 'abcdef1' };
  const catalog = indexCatalog(EMPTY_CATALOG);
  const byAuthor = (name: string, id: string) => chatRow(id, 'chốt 2kg', { authorName: name });

  it('reads again for a change to its buyer’s orders, not for other buyers’ chat or decisions', async () => {
    const db = await openDatabase();
    await ingestChat(db, stream, [byAuthor('Lan', 'm1'), byAuthor('Minh', 'm2')], catalog);
    const lan = (await db.orders.get('youtube:m1'))!;
    let reads = 0;
    const answers: string[][] = [];
    subscriptions.push(
      liveRead(
        db,
        [db.orders],
        async () => {
          reads += 1;
          return (await db.orders.where('[streamId+authorKey]').equals([lan.streamId, lan.authorKey]).toArray()).map((order) => `${order.id} ${order.status}`);
        },
        (parts, shown) =>
          touchesRecords(parts, db.name, {
            table: 'orders',
            index: '[streamId+authorKey]',
            keys: [[lan.streamId, lan.authorKey]],
            shown: shown.map((each) => each.split(' ')[0]!),
          }),
      ).subscribe({ next: (answer) => answers.push(answer) }),
    );
    await eventually(() => expect(answers).toEqual([['youtube:m1 pending']]));
    // other buyers order, in batches as the chat brings them, and one is decided: no read
    await ingestChat(db, stream, [byAuthor('Minh', 'm3'), byAuthor('Hoa', 'm4')], catalog);
    await ingestChat(db, stream, [byAuthor('Hoa', 'm5')], catalog);
    await decideOrder(db, 'youtube:m2', 'confirmed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(1);
    // her new order (joins the selection), a decision on her first one (changes a record shown): read each time
    await ingestChat(db, stream, [byAuthor('Lan', 'm6')], catalog);
    await eventually(() => expect(answers.at(-1)).toEqual(['youtube:m1 pending', 'youtube:m6 pending']));
    await decideOrder(db, 'youtube:m1', 'confirmed');
    await eventually(() => expect(answers.at(-1)).toEqual(['youtube:m1 confirmed', 'youtube:m6 pending']));
  });

  it('weighs a change that lands during a read against its answer: another buyer’s order does not read again', async () => {
    const db = await openDatabase();
    await ingestChat(db, stream, [byAuthor('Lan', 'm1')], catalog);
    const lan = (await db.orders.get('youtube:m1'))!;
    let reads = 0;
    let answers = 0;
    // another buyer's batch is being written: the read below waits for it, and hears of it while it runs
    const writing = ingestChat(db, stream, [byAuthor('Minh', 'm2')], catalog);
    subscriptions.push(
      liveRead(
        db,
        [db.orders],
        async () => {
          reads += 1;
          return db.orders.where('[streamId+authorKey]').equals([lan.streamId, lan.authorKey]).primaryKeys();
        },
        (parts, shown) => touchesRecords(parts, db.name, { table: 'orders', index: '[streamId+authorKey]', keys: [[lan.streamId, lan.authorKey]], shown }),
      ).subscribe({ next: () => (answers += 1) }),
    );
    await writing;
    await eventually(() => expect(answers).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads).toBe(1);
  });

  it('reads the parts a change names, also as they arrive from another page (JSON)', async () => {
    const db = await openDatabase();
    await ingestChat(db, stream, [byAuthor('Lan', 'm1'), byAuthor('Minh', 'm2')], catalog);
    const lan = (await db.orders.get('youtube:m1'))!;
    const seen: ObservabilitySet[] = [];
    const note = (parts: ObservabilitySet) => seen.push(parts);
    Dexie.on.storagemutated.subscribe(note);
    try {
      await decideOrder(db, 'youtube:m2', 'confirmed');
      await ingestChat(db, stream, [byAuthor('Lan', 'm3')], catalog);
      await eventually(() => expect(seen.filter((parts) => `idb://${db.name}/orders/` in parts)).toHaveLength(2));
    } finally {
      Dexie.on.storagemutated.unsubscribe(note);
    }
    const [decided, added] = seen
      .filter((parts) => `idb://${db.name}/orders/` in parts)
      .map((parts) => [parts, JSON.parse(JSON.stringify(parts)) as ObservabilitySet]);
    const hers = (shown: string[]) => ({ table: 'orders', index: '[streamId+authorKey]', keys: [[lan.streamId, lan.authorKey]], shown });
    for (const parts of decided!) {
      expect(touchesRecords(parts, db.name, hers(['youtube:m1']))).toBe(false); // Minh's order decided
      expect(touchesRecords(parts, db.name, hers(['youtube:m1', 'youtube:m2']))).toBe(true); // were m2 shown
      expect(touchesRecords(parts, db.name, { table: 'contracts', index: '', keys: ['youtube:m2'], shown: ['youtube:m2'] })).toBe(false);
    }
    for (const parts of added!) expect(touchesRecords(parts, db.name, hers(['youtube:m1']))).toBe(true); // her new order
    expect(touchesRecords({ all: true } as unknown as ObservabilitySet, db.name, hers([]))).toBe(true);
  });
});

describe('touchesRange', () => {
  it('says whether a change moved a record into, out of or within a range of an index', async () => {
    const db = await openDatabase();
    const catalog = indexCatalog(EMPTY_CATALOG);
    const stream = { platform: 'youtube' as const, key: 'abcdef1' };
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 3kg')], catalog);
    const seen: ObservabilitySet[] = [];
    const note = (parts: ObservabilitySet) => seen.push(parts);
    Dexie.on.storagemutated.subscribe(note);
    try {
      await decideOrder(db, 'youtube:m1', 'confirmed'); // pending at T0+1 → confirmed
      await ingestChat(db, stream, [chatRow('m9', 'chốt 1kg')], catalog); // a new pending order at T0+9
      await eventually(() => expect(seen.filter((parts) => `idb://${db.name}/orders/` in parts)).toHaveLength(2));
    } finally {
      Dexie.on.storagemutated.unsubscribe(note);
    }
    const [decided, added] = seen.filter((parts) => `idb://${db.name}/orders/` in parts);
    const index = '[streamId+status+observedAt]';
    const pendingUpTo = (parts: ObservabilitySet, at: number) =>
      touchesRange(parts, db.name, 'orders', index, ['youtube:abcdef1', 'pending', Dexie.minKey], ['youtube:abcdef1', 'pending', at]);
    expect(pendingUpTo(decided!, T0 + 1)).toBe(true); // it left the waiting orders
    expect(pendingUpTo(added!, T0 + 2)).toBe(false); // a window ending at T0+2 is not reached by T0+9
    expect(pendingUpTo(added!, T0 + 9)).toBe(true);
    expect(pendingUpTo(JSON.parse(JSON.stringify(added)) as ObservabilitySet, T0 + 9)).toBe(true);
  });
});

describe('settingsReader', () => {
  it('reads the settings once, and again as soon as a change to them is committed', async () => {
    const db = await openDatabase();
    const settings = settingsReader(db);
    const first = await settings();
    expect(await settings()).toBe(first); // the same read, not another
    await saveSettings(db, { ...(await loadSettings(db)), repeatWindowSeconds: 42 });
    expect((await settings()).repeatWindowSeconds).toBe(42);
    await db.products.put(product('vai')); // another table: the settings read stays
    const kept = await settings();
    expect(await settings()).toBe(kept);
  });
});
