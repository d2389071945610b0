import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat, streamIdOf } from '../../utils/store/ingest';
import { decideOrder } from '../../utils/store/orders';
import { joinStream } from '../../utils/store/broadcasts';
import type { ChotDatabase } from '../../utils/store/db';
import type { StreamRecord } from '../../utils/store/records';
import { setTeamSink, type LocalChanges } from '../../utils/team/team-capture';
import { pushChanges, type DocRoom } from '../../utils/team/team-push';
import { entriesOf } from '../../utils/team/team-doc';
import { broadcastDocName } from '../../utils/team/team-records';
import { freshDatabase, chatRow, T0 } from './test-db';

const stream = { platform: 'youtube' as const, key: 'live0001', title: 'Vải thiều' };
const noCatalog = indexCatalog(EMPTY_CATALOG);
const who = { desk: 'desk-aaaa', by: 'Lan' };
const opened: ChotDatabase[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) {
    setTeamSink(db.name, null);
    db.close();
  }
});

function database(): ChotDatabase {
  const db = freshDatabase();
  opened.push(db);
  return db;
}

/** Documents by name, opened on first use, as the team sync keeps them. */
function room(): DocRoom {
  const docs = new Map<string, Y.Doc>();
  return {
    docFor: (name) => docs.get(name) ?? docs.set(name, new Y.Doc()).get(name)!,
    openDocs: () => docs,
  };
}

/** Every commit's changes, as the team sync is handed them. */
function capture(db: ChotDatabase): LocalChanges[] {
  const commits: LocalChanges[] = [];
  setTeamSink(db.name, (changes) => commits.push(changes));
  return commits;
}

describe("a desk's commits as the team sync gets them", () => {
  it('hands over each record as committed: the last write of a key, an added action with its key, a delete as null', async () => {
    const db = database();
    const commits = capture(db);
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    await decideOrder(db, 'youtube:m1', 'confirmed', T0 + 10);
    const decision = commits.at(-1)!;
    const order = decision.get('orders')!.get('youtube:m1') as { status: string; updatedAt: number };
    expect(order).toEqual(await db.orders.get('youtube:m1'));
    expect(order.status).toBe('confirmed');
    const [seq, action] = [...decision.get('actions')!][0]!;
    expect(action).toEqual(await db.actions.get(seq as number));
    expect((action as { seq: number }).seq).toBe(seq);

    await db.transaction('rw', [db.orders, ...db.figureTables], async () => {
      await db.orders.update('youtube:m1', { status: 'rejected' });
      await db.orders.update('youtube:m1', { status: 'pending' });
    });
    expect((commits.at(-1)!.get('orders')!.get('youtube:m1') as { status: string }).status).toBe('pending');
    await db.transaction('rw', [db.orders, ...db.figureTables], () => db.orders.delete('youtube:m1'));
    expect(commits.at(-1)!.get('orders')!.get('youtube:m1')).toBeNull();
  });

  it("pushes a chat commit without waiting for a transaction that holds the store's tables", async () => {
    const db = database();
    const commits = capture(db);
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    const streamsSeen = new Map<string, StreamRecord | null>([[streamIdOf(stream), (await db.streams.get(streamIdOf(stream)))!]]);
    const docs = room();

    // The ingest of the next chat batch, say: its transaction is open on every table the push could read.
    // Kept open by a request after request until released (a transaction with none pending commits).
    let released = false;
    const holding = db.transaction(
      'rw',
      [db.streams, db.orders, db.actions, db.teamActions, db.customers, db.questions, db.contracts, db.products],
      async () => {
        while (!released) await db.orders.get('youtube:m1');
      },
    );
    const pushed = pushChanges(db, commits.at(-1)!, docs, who, T0 + 20, streamsSeen).then(() => 'pushed');
    const outcome = await Promise.race([pushed, new Promise((resolve) => setTimeout(() => resolve('waited'), 1000))]);
    released = true;
    await holding;
    await pushed;

    expect(outcome).toBe('pushed');
    const entry = entriesOf(docs.docFor(broadcastDocName(streamIdOf(stream))), 'orders').get('youtube:m1');
    expect(entry?.v).toEqual(await db.orders.get('youtube:m1'));
  });

  it('reads from the store what is marked unread, and a stream it has not seen', async () => {
    const db = database();
    await ingestChat(db, stream, [chatRow('m1', 'chốt 2kg')], noCatalog, T0);
    // A second stream joined into the first one's broadcast: its orders go to that broadcast's document,
    // which only its stream record tells.
    const facebook = { platform: 'facebook' as const, key: 'fb777' };
    await ingestChat(db, facebook, [{ ...chatRow('f1', 'lấy 3kg'), platform: 'facebook' }], noCatalog, T0);
    await joinStream(db, streamIdOf(stream), streamIdOf(facebook));
    await decideOrder(db, 'facebook:f1', 'confirmed', T0 + 10);
    const docs = room();
    await pushChanges(db, new Map([['orders', new Map<unknown, unknown>([['facebook:f1', undefined]])]]), docs, who, T0 + 20);
    const entry = entriesOf(docs.docFor(broadcastDocName(streamIdOf(stream))), 'orders').get('facebook:f1');
    expect(entry?.v).toEqual(await db.orders.get('facebook:f1'));
    expect((entry?.v as { status: string }).status).toBe('confirmed');
  });
});
