import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KEPT_BUYER_BUCKETS, bucketBuyers, bucketOf, unbucketBuyers } from '../../utils/store/kept-buyers';

describe("a stream's kept buyer counts in a few records", () => {
  it('puts a buyer in the same record in every version: the layout is stored', () => {
    // FNV-1a of the key's UTF-16 units, modulo 256 ("" and "a" as FNV-1a's published values give them): changing it needs an upgrade that moves every count
    expect(KEPT_BUYER_BUCKETS).toBe(256);
    expect(['', 'a', 'name:Lan', 'UCx9', '__proto__', 'name:Người mua 7'].map(bucketOf)).toEqual([197, 44, 255, 174, 189, 227]);
  });

  it('keeps every buyer with a count, each once, in the record of their bucket, whatever their key', () => {
    const buyer = fc.record({ streamId: fc.constantFrom('youtube:a', 'tiktok:@b/1'), authorKey: fc.string(), counting: fc.integer({ min: -2, max: 5 }) });
    fc.assert(
      fc.property(fc.uniqueArray(buyer, { selector: (b) => `${b.streamId}\u0000${b.authorKey}` }), (buyers) => {
        const records = bucketBuyers(buyers);
        expect(records.length).toBeLessThanOrEqual(2 * KEPT_BUYER_BUCKETS);
        for (const record of records) {
          expect(record.counting.size).toBeGreaterThan(0);
          for (const authorKey of record.counting.keys()) expect(bucketOf(authorKey)).toBe(record.bucket);
        }
        const line = (b: { streamId: string; authorKey: string; counting: number }) => JSON.stringify([b.streamId, b.authorKey, b.counting]);
        expect(unbucketBuyers(records).map(line).sort()).toEqual(
          buyers
            .filter((b) => b.counting > 0)
            .map(line)
            .sort(),
        );
      }),
    );
  });
});
