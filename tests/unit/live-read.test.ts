import { afterEach, describe, expect, it } from 'vitest';
import type { ChotDatabase } from '../../utils/store/db';
import { liveRead, type LiveReadSubscription } from '../../utils/store/live-read';
import { loadSettings, saveSettings, settingsReader } from '../../utils/store/settings';
import { eventually } from './eventually';
import { freshDatabase } from './test-db';

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

describe('liveRead', () => {
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
