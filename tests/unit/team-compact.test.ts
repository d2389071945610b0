import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeEntries } from '../../utils/team/team-doc';
import { carryOver, compactedCopy, currentEntries } from '../../utils/team/team-compact';
import { generationName, parseGenerationName } from '../../utils/team/team-records';

const lan = { desk: 'desk-aaaa', by: 'Lan' };
const minh = { desk: 'desk-bbbb', by: 'Minh' };
const T0 = 1_780_000_000_000;

const order = (i: number, status: string, at: number) => ({
  id: `youtube:m${i}`,
  streamId: 'youtube:live0001',
  text: `chốt ${(i % 7) + 1}kg 09123456${String(i % 100).padStart(2, '0')}`,
  status,
  totalKg: (i % 7) + 1,
  updatedAt: at,
});

/** Two desks, each with its own copy, linked as through the server: a broadcast read, then decided twice over. */
function busyBroadcast(orders: number) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
  const ids = Array.from({ length: orders }, (_, i) => i);
  writeEntries(a, 'streams', [['youtube:live0001', { id: 'youtube:live0001', broadcastId: 'youtube:live0001', goalKg: 5000 }]], lan, T0);
  writeEntries(
    a,
    'orders',
    ids.map((i) => [`youtube:m${i}`, order(i, 'pending', T0 + i), T0 + i] as const),
    lan,
    T0,
  );
  // Each order decided by Lan, then changed by Minh: two overwrites, two actions in the log.
  for (const [round, doc, who, status] of [
    [1, a, lan, 'confirmed'],
    [2, b, minh, 'rejected'],
  ] as const) {
    for (const i of ids) {
      const at = T0 + round * 1_000_000 + i;
      writeEntries(doc, 'orders', [[`youtube:m${i}`, order(i, status, at), at]], who, at);
      writeEntries(doc, 'actions', [[`${who.desk}:${i}`, { orderId: `youtube:m${i}`, kind: 'decide', after: { status }, by: who.by, at }]], who, at);
    }
  }
  writeEntries(b, 'contracts', [['c1', null]], minh, T0 + 5_000_000);
  return { a, b };
}

describe('compacting a broadcast document', () => {
  it('keeps exactly the current records (deletes included, with their stamps) in a smaller document', () => {
    const { a } = busyBroadcast(600);
    const copy = compactedCopy(a);
    expect(currentEntries(copy)).toEqual(currentEntries(a));
    expect(currentEntries(copy).orders?.['youtube:m7']).toMatchObject({ v: { status: 'rejected' }, desk: 'desk-bbbb', by: 'Minh' });
    expect(currentEntries(copy).contracts).toEqual({ c1: expect.objectContaining({ v: null }) });
    expect(Object.keys(currentEntries(copy).actions ?? {})).toHaveLength(1200);
    const before = Y.encodeStateAsUpdate(a).byteLength;
    const after = Y.encodeStateAsUpdate(copy).byteLength;
    expect(after).toBeLessThan(before);
    // none of the overwritten values' structure is left: nothing in the copy was ever deleted
    const deleted = (doc: Y.Doc) => Y.snapshot(doc).ds.clients.size;
    expect(deleted(a)).toBeGreaterThan(0);
    expect(deleted(copy)).toBe(0);
    // a desk downloading the copy gets the same records
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(copy));
    expect(currentEntries(fresh)).toEqual(currentEntries(a));
  });

  it("carries a desk's changes the compacted document never got, and nothing it already has", () => {
    const { a, b } = busyBroadcast(20);
    const compacted = compactedCopy(a);
    // Minh's desk, cut off before the compaction, decided one order again and added a contract.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b));
    writeEntries(offline, 'orders', [['youtube:m3', order(3, 'confirmed', T0 + 9_000_000), T0 + 9_000_000]], minh, T0 + 9_000_000);
    writeEntries(offline, 'contracts', [['c2', { id: 'c2', buyer: 'HTX Thanh Hà', kg: 2000 }]], minh, T0 + 9_000_001);
    const sizeBefore = Y.encodeStateAsUpdate(compacted).byteLength;
    expect(carryOver(offline, compacted)).toBe(2);
    expect(currentEntries(compacted).orders?.['youtube:m3']?.v).toMatchObject({ status: 'confirmed' });
    expect(currentEntries(compacted).contracts?.c2?.v).toMatchObject({ buyer: 'HTX Thanh Hà' });
    // only the two changes were added
    expect(Y.encodeStateAsUpdate(compacted).byteLength - sizeBefore).toBeLessThan(1000);
    // a later decision already in the compacted document is not undone by an older copy
    writeEntries(compacted, 'orders', [['youtube:m3', order(3, 'rejected', T0 + 9_500_000), T0 + 9_500_000]], lan, T0 + 9_500_000);
    expect(carryOver(offline, compacted)).toBe(0);
    expect(currentEntries(compacted).orders?.['youtube:m3']?.v).toMatchObject({ status: 'rejected' });
  });

  it('names generations: the first keeps its name, later ones add #n', () => {
    expect(generationName('broadcast:youtube:abc', 1)).toBe('broadcast:youtube:abc');
    expect(generationName('broadcast:youtube:abc', 3)).toBe('broadcast:youtube:abc#3');
    expect(parseGenerationName('broadcast:youtube:abc#3')).toEqual({ name: 'broadcast:youtube:abc', generation: 3 });
    expect(parseGenerationName('broadcast:youtube:abc')).toEqual({ name: 'broadcast:youtube:abc', generation: 1 });
  });
});
