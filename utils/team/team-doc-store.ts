import * as Y from 'yjs';

// This browser's copy of one team document, in its own IndexedDB database: the layout y-indexeddb uses
// (an auto-numbered "updates" store of Yjs updates, and "custom"), so copies kept by earlier versions load
// as they are. Unlike y-indexeddb, updates are written as they came, those of a moment together in one
// transaction, each its own record: merging them first (Y.mergeUpdates) decodes and encodes every order
// they carry again, about a tenth of a busy reading desk's worker. The copy is rewritten from the document
// (a full encode, seconds for a ten-thousand-order broadcast on a busy laptop) only once what was appended
// outweighs it twice over, not every 500 updates.

const UPDATES = 'updates';
/** Updates written since the copy was last rewritten: at least this many before it is rewritten. */
const REWRITE_AFTER = 500;
/** A big update (a broadcast's first download) counts as part of the copy's base, not as growth. */
const BASE_UPDATE_BYTES = 256 * 1024;
const FLUSH_MS = 100;

const requested = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const finished = (transaction: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });

function openDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
    if (!db.objectStoreNames.contains('custom')) db.createObjectStore('custom');
  };
  return requested(request);
}

export class TeamDocStore {
  /** Resolves once what this browser kept is in the document (nothing is kept of what came before). */
  readonly whenSynced: Promise<void>;
  private db: IDBDatabase | undefined;
  private waiting: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private loading = false;
  private closed = false;
  /** Updates and bytes in the store, and the bytes of its base (the last rewrite and big updates). */
  private records = 0;
  private bytes = 0;
  private baseBytes = 0;

  /** `origin` is the transaction origin of what is loaded (the provider's: loaded updates are not sent again as new). */
  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
    origin: unknown,
    private readonly limits = { rewriteAfter: REWRITE_AFTER, flushMs: FLUSH_MS },
  ) {
    doc.on('update', this.updated);
    this.whenSynced = this.load(origin);
  }

  private readonly updated = (update: Uint8Array) => {
    if (this.loading || this.closed) return;
    this.waiting.push(update);
    this.schedule();
  };

  private async load(origin: unknown): Promise<void> {
    const db = await openDatabase(this.name);
    if (this.closed) return void db.close();
    const updates = (await requested(db.transaction(UPDATES).objectStore(UPDATES).getAll())) as Uint8Array[];
    this.loading = true;
    try {
      Y.transact(this.doc, () => updates.forEach((update) => Y.applyUpdate(this.doc, update)), origin, false);
    } finally {
      this.loading = false;
    }
    this.records = updates.length;
    this.bytes = this.baseBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.db = db;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || !this.db || this.waiting.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.flush()).catch((error: unknown) => console.warn('team copy', error));
    }, this.limits.flushMs);
  }

  private async flush(): Promise<void> {
    const db = this.db;
    const batch = this.waiting.splice(0);
    if (!db || batch.length === 0) return;
    try {
      const transaction = db.transaction(UPDATES, 'readwrite');
      const store = transaction.objectStore(UPDATES);
      const done = finished(transaction);
      try {
        for (const update of batch) store.add(update);
      } catch (refused) {
        // none of the batch stays written: all of it is written again next time
        transaction.abort();
        void done.catch(() => undefined);
        throw refused;
      }
      await done;
    } catch (error) {
      // Kept for the next write (the disk may be full for a moment): the copy is what a restarted worker
      // offline has of this desk's unsent changes. The transaction wrote all of them or none.
      this.waiting.unshift(...batch);
      if (!this.closed) this.schedule();
      throw error;
    }
    for (const update of batch) {
      this.records += 1;
      this.bytes += update.byteLength;
      if (update.byteLength >= BASE_UPDATE_BYTES) this.baseBytes += update.byteLength;
    }
    if (this.records >= this.limits.rewriteAfter && this.bytes >= 3 * Math.max(this.baseBytes, 64 * 1024)) await this.rewrite(db);
  }

  /** The stored updates replaced by the document's state (which holds them all, and what still waits). */
  private async rewrite(db: IDBDatabase): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc);
    this.waiting = [];
    try {
      const transaction = db.transaction(UPDATES, 'readwrite');
      const store = transaction.objectStore(UPDATES);
      store.clear();
      store.add(state);
      await finished(transaction);
    } catch (error) {
      // the old copy stands (the transaction is whole or nothing); what it lacks is in the state, added next time
      this.waiting.unshift(state);
      if (!this.closed) this.schedule();
      throw error;
    }
    this.records = 1;
    this.bytes = this.baseBytes = state.byteLength;
  }

  /** Writes what waits and closes the database. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.flush()).catch(() => undefined);
    this.closed = true;
    this.doc.off('update', this.updated);
    await this.whenSynced.catch(() => undefined);
    await this.writing;
    this.db?.close();
  }

  /** Closes it and deletes this browser's copy. */
  async clearData(): Promise<void> {
    this.waiting = [];
    await this.destroy();
    await requested(indexedDB.deleteDatabase(this.name)).catch(() => undefined);
  }
}
