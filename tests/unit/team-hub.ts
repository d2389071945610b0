import * as Y from 'yjs';
import type { OpenedDoc } from '../../utils/team/team-sync';

const FROM_HUB = Symbol('hub');

/**
 * A stand-in for the team server in unit tests: one document per name, desks linked to it in memory.
 * A desk taken offline keeps its own changes; back online, both sides exchange what the other lacks
 * (as a provider does with state vectors on reconnection).
 */
export class TeamHub {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly links: { desk: string; name: string; doc: Y.Doc }[] = [];
  private readonly offline = new Set<string>();

  private server(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      const own = doc;
      own.on('update', (update: Uint8Array, origin: unknown) => {
        for (const link of this.links) if (link.name === name && link.doc !== origin && !this.offline.has(link.desk)) Y.applyUpdate(link.doc, update, FROM_HUB);
      });
      this.docs.set(name, doc);
    }
    return doc;
  }

  opener(desk: string) {
    return (name: string): OpenedDoc => {
      const doc = new Y.Doc();
      this.links.push({ desk, name, doc });
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_HUB && !this.offline.has(desk)) Y.applyUpdate(this.server(name), update, doc);
      });
      if (!this.offline.has(desk)) this.exchange(name, doc);
      return { doc, synced: Promise.resolve() };
    };
  }

  private exchange(name: string, doc: Y.Doc): void {
    const server = this.server(name);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), FROM_HUB);
  }

  setOnline(desk: string, online: boolean): void {
    if (!online) return void this.offline.add(desk);
    this.offline.delete(desk);
    for (const link of this.links) if (link.desk === desk) this.exchange(link.name, link.doc);
  }

  /** The server's copy of a document (to read what a fresh desk would download). */
  document(name: string): Y.Doc {
    return this.server(name);
  }

  size(name: string): number {
    return Y.encodeStateAsUpdate(this.server(name)).byteLength;
  }
}
