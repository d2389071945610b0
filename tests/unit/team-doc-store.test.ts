import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TeamDocStore } from '../../utils/team/team-doc-store';

let serial = 0;
const freshName = () => `chot-team:test:${(serial += 1)}`;

/** The updates stored in a copy's database, as y-indexeddb lays it out. */
async function storedUpdates(name: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll();
      request.onsuccess = () => resolve(request.result as Uint8Array[]);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

const orders = (doc: Y.Doc) => doc.getMap<{ v: string }>('orders');

async function reopened(name: string, limits?: { rewriteAfter: number; flushMs: number }): Promise<{ doc: Y.Doc; store: TeamDocStore; loads: unknown[] }> {
  const doc = new Y.Doc();
  const loads: unknown[] = [];
  doc.on('update', (_: Uint8Array, origin: unknown) => loads.push(origin));
  const origin = { provider: true };
  const store = new TeamDocStore(name, doc, origin, limits);
  await store.whenSynced;
  return { doc, store, loads: loads.map((o) => (o === origin ? 'loaded' : o)) };
}

describe("a team document's copy in this browser", () => {
  it('keeps what was written and received, loads it back as from the given origin, and stores nothing again on loading', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = new TeamDocStore(name, doc, null);
    await store.whenSynced;
    orders(doc).set('a', { v: 'local' });
    const other = new Y.Doc();
    orders(other).set('b', { v: 'remote' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'server');
    await store.destroy();

    const first = await reopened(name);
    expect(orders(first.doc).toJSON()).toEqual({ a: { v: 'local' }, b: { v: 'remote' } });
    expect(first.loads).toEqual(['loaded']);
    const count = (await storedUpdates(name)).length;
    await first.store.destroy();
    // Loading added nothing (y-indexeddb stores the whole state once more on every load).
    expect((await storedUpdates(name)).length).toBe(count);
    const second = await reopened(name);
    expect(orders(second.doc).toJSON()).toEqual(orders(first.doc).toJSON());
    await second.store.clearData();
  });

  it('writes the updates of one moment in one transaction, as they came, and rewrites the copy as one update once it grew three times over', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = new TeamDocStore(name, doc, null);
    await store.whenSynced;
    const emitted: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => emitted.push(update));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      for (let i = 0; i < 10; i += 1) orders(doc).set(`o${i}`, { v: 'x'.repeat(100) });
      await store.destroy();
      expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
    } finally {
      transaction.mockRestore();
    }
    // Stored byte for byte as the document gave them: nothing decoded and encoded again (a merge does both).
    expect(await storedUpdates(name)).toEqual(emitted);

    const { doc: again, store: kept } = await reopened(name, { rewriteAfter: 20, flushMs: 5 });
    // Each order overwritten many times: the copy grows, then is rewritten from the document.
    for (let round = 0; round < 80; round += 1) {
      again.transact(() => {
        for (let i = 0; i < 10; i += 1) orders(again).set(`o${i}`, { v: `${round}`.repeat(1000) });
      });
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await kept.destroy();
    const stored = await storedUpdates(name);
    expect(stored.length).toBeLessThan(80);
    const { doc: last, store: lastStore } = await reopened(name);
    expect(orders(last).toJSON()).toEqual(orders(again).toJSON());
    expect(orders(last).get('o3')).toEqual({ v: '79'.repeat(1000) });
    await lastStore.clearData();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(name);
  });
});

describe("a team document's copy when the disk refuses a write", () => {
  it('keeps the refused updates and writes them at the next chance: nothing unsent is missing after a restart', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = new TeamDocStore(name, doc, null, { rewriteAfter: 500, flushMs: 5 });
    await store.whenSynced;
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const add = IDBObjectStore.prototype.add;
    let refused = 0;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (refused < 2) {
        refused += 1;
        throw new DOMException('the disk is full', 'QuotaExceededError');
      }
      return add.apply(this, args);
    };
    try {
      orders(doc).set('decided', { v: 'confirmed while offline' });
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(warned).toHaveBeenCalledTimes(2); // each refusal is said
    } finally {
      IDBObjectStore.prototype.add = add;
      warned.mockRestore();
    }
    expect(refused).toBe(2);
    await store.destroy();
    const { doc: restarted, store: again } = await reopened(name);
    expect(orders(restarted).toJSON()).toEqual({ decided: { v: 'confirmed while offline' } });
    await again.clearData();
  });
});
