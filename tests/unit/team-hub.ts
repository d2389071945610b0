import * as Y from 'yjs';
import type { OpenedDoc } from '../../utils/team/team-sync';
import { compactedCopy } from '../../utils/team/team-compact';
import { broadcastDocName, generationName, GENERATIONS_MAP, INDEX_DOC, SHOP_DOC } from '../../utils/team/team-records';

const FROM_HUB = Symbol('hub');

interface Link {
  desk: string;
  name: string;
  doc: Y.Doc;
  /** Resolves once it has exchanged with the server (as a provider's first sync). */
  online: () => void;
  /** Whether the desk has asked the server for it yet. */
  asked: boolean;
}

/**
 * A stand-in for the team server in unit tests: one document per name, desks linked to it in memory.
 * A desk taken offline keeps its own changes; back online, both sides exchange what the other lacks
 * (as a provider does with state vectors on reconnection). Compaction works as on the real server: a
 * new generation under a new name, the old name refused, the index and the shop's document say which is current.
 */
export class TeamHub {
  private readonly docs = new Map<string, Y.Doc>();
  private links: Link[] = [];
  private readonly offline = new Set<string>();
  private readonly superseded = new Set<string>();
  private readonly generations = new Map<string, number>();
  /** Which desk asked for which document, in order. */
  readonly askedFor: string[] = [];
  /** Documents whose exchange is held back (a big download still on its way). */
  private readonly held = new Set<string>();

  /** `withIndex: false` is a server from before the index document: it refuses it, as the real one did. */
  constructor(private readonly options: { withIndex?: boolean } = {}) {}

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

  /** `withIndex: false` opens as a desk from before the index: its index is never linked (it does not know one). */
  opener(desk: string, deskOptions: { withIndex?: boolean } = {}) {
    return (name: string, after?: Promise<unknown>): OpenedDoc => {
      const doc = new Y.Doc();
      // Refused (an older server), or not asked for at all (an older desk): the shop's document is asked for at once.
      if (name === INDEX_DOC && (this.options.withIndex === false || deskOptions.withIndex === false))
        return { doc, synced: Promise.resolve(), online: new Promise(() => {}), refused: Promise.resolve() };
      let online = () => {};
      const link: Link = { desk, name, doc, online: () => online(), asked: !after };
      if (!after) this.askedFor.push(`${desk} ${name}`);
      void after?.then(() => {
        link.asked = true;
        this.askedFor.push(`${desk} ${name}`);
        if (this.reaches(link)) this.exchange(link);
      });
      const linked = new Promise<void>((resolve) => (online = resolve));
      this.links.push(link);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_HUB && this.reaches(link)) Y.applyUpdate(this.server(name), update, doc);
      });
      if (this.reaches(link)) this.exchange(link);
      const drop = async () => void (this.links = this.links.filter((other) => other !== link));
      return { doc, synced: Promise.resolve(), online: linked, drop };
    };
  }

  /** Whether what the desk writes reaches the server: online, and not to an old generation's name. */
  private reaches(link: Link): boolean {
    return link.asked && !this.offline.has(link.desk) && !this.superseded.has(link.name) && !this.held.has(link.name);
  }

  /** Holds a document back from every desk (its download still on its way) until released. */
  hold(name: string): void {
    this.held.add(name);
  }

  release(name: string): void {
    this.held.delete(name);
    for (const link of this.links) if (link.name === name && this.reaches(link)) this.exchange(link);
  }

  private exchange(link: Link): void {
    const server = this.server(link.name);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(link.doc, Y.encodeStateVector(server)), link.doc);
    Y.applyUpdate(link.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(link.doc)), FROM_HUB);
    link.online();
  }

  setOnline(desk: string, online: boolean): void {
    if (!online) return void this.offline.add(desk);
    this.offline.delete(desk);
    for (const link of this.links) if (link.desk === desk && this.reaches(link)) this.exchange(link);
  }

  /** What the server does on a desk's request: the broadcast's current records under its next generation's name. */
  compact(broadcastId: string): { generation: number; before: number; after: number } {
    const name = broadcastDocName(broadcastId);
    const current = this.generations.get(name) ?? 1;
    const oldName = generationName(name, current);
    const newName = generationName(name, current + 1);
    this.superseded.add(oldName);
    this.generations.set(name, current + 1);
    const update = Y.encodeStateAsUpdate(compactedCopy(this.server(oldName)));
    Y.applyUpdate(this.server(newName), update);
    const before = this.size(oldName);
    for (const listing of this.options.withIndex === false ? [SHOP_DOC] : [INDEX_DOC, SHOP_DOC])
      this.server(listing)
        .getMap<number>(GENERATIONS_MAP)
        .set(broadcastId, current + 1);
    return { generation: current + 1, before, after: update.byteLength };
  }

  /** How many desks have this document open now. */
  linked(name: string): number {
    return this.links.filter((link) => link.name === name).length;
  }

  /** The server's copy of a document (to read what a fresh desk would download). */
  document(name: string): Y.Doc {
    return this.server(name);
  }

  size(name: string): number {
    return Y.encodeStateAsUpdate(this.server(name)).byteLength;
  }
}
