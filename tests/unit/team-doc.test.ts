import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entriesOf, watchEntries, writeEntries } from '../../utils/team/team-doc';

/** Two documents that wrote one key while apart, then exchange their updates (both ways). */
function meet(one: Y.Doc, two: Y.Doc) {
  const fromOne = Y.encodeStateAsUpdate(one, Y.encodeStateVector(two));
  const fromTwo = Y.encodeStateAsUpdate(two, Y.encodeStateVector(one));
  Y.applyUpdate(two, fromOne, 'remote');
  Y.applyUpdate(one, fromTwo, 'remote');
  // what either put back travels too
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one, Y.encodeStateVector(two)), 'remote');
  Y.applyUpdate(one, Y.encodeStateAsUpdate(two, Y.encodeStateVector(one)), 'remote');
}

describe('the later write of a record wins', () => {
  // Yjs settles concurrent writes to a map key by client id; with the ids both ways round, one of the two
  // cases has Yjs keep the earlier write, and the desks must put the later one back.
  for (const [earlierId, laterId] of [
    [1, 2],
    [2, 1],
  ] as const) {
    it(`whichever desk Yjs favours (earlier write by client ${earlierId})`, () => {
      const early = new Y.Doc();
      early.clientID = earlierId;
      const late = new Y.Doc();
      late.clientID = laterId;
      const applied: [string, unknown][] = [];
      for (const doc of [early, late]) watchEntries(doc, (table, keys) => keys.forEach((key) => applied.push([table, entriesOf(doc, table).get(key)?.v])));
      writeEntries(early, 'orders', [['o1', { status: 'confirmed' }, 1000]], { desk: 'desk-a', by: 'Lan' }, 1000);
      writeEntries(late, 'orders', [['o1', { status: 'rejected' }, 2000]], { desk: 'desk-b', by: 'Minh' }, 2000);
      meet(early, late);
      for (const doc of [early, late]) expect(entriesOf(doc, 'orders').get('o1')).toEqual({ v: { status: 'rejected' }, at: 2000, desk: 'desk-b', by: 'Minh' });
      // the store is only ever given the later decision
      expect(applied.every(([, value]) => (value as { status: string }).status === 'rejected')).toBe(true);
    });
  }

  it("stamps a change made after seeing another later than it, whatever the desk's clock says", () => {
    const doc = new Y.Doc();
    writeEntries(doc, 'orders', [['o1', { status: 'confirmed' }, 5000]], { desk: 'desk-a', by: 'Lan' }, 5000);
    writeEntries(doc, 'orders', [['o1', { status: 'rejected' }, 3000]], { desk: 'desk-b', by: 'Minh' }, 3000);
    expect(entriesOf(doc, 'orders').get('o1')).toMatchObject({ v: { status: 'rejected' }, at: 5001 });
  });
});
