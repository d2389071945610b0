// y-leveldb ships its types outside its package "exports"; the part the server uses.
declare module 'y-leveldb' {
  import type { Doc } from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string);
    getYDoc(docName: string): Promise<Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    clearDocument(docName: string): Promise<void>;
    getMeta(docName: string, metaKey: string): Promise<unknown>;
    setMeta(docName: string, metaKey: string, value: unknown): Promise<void>;
    destroy(): Promise<void>;
  }
}
