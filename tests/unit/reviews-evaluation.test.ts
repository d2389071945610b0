import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateReviews, REVIEWS_PATH } from '../../scripts/evaluate/reviews';

// Real shop reviews (shared/fixtures/real, beside the repository): none is a live order.
describe.skipIf(!existsSync(REVIEWS_PATH))('real Vietnamese reviews', () => {
  it('reads at most 3% of them as orders', () => {
    const report = evaluateReviews(readFileSync(REVIEWS_PATH, 'utf8'));
    expect(report.total).toBeGreaterThan(3000);
    expect(report.share).toBeLessThanOrEqual(0.03);
  }, 30_000); // thousands of reviews: seconds alone, more while other test files share the two cores
});

describe('evaluateReviews', () => {
  it('counts the comments of a review CSV read as orders', () => {
    const csv = 'Rating,Comment,Label,SpamLabel\n5,"hàng đẹp, giao nhanh",0,0\n4,"chốt 2kg",0,0\n3,"mua lần 2,\nvẫn ngon",0,0\n';
    const report = evaluateReviews(csv);
    expect({ total: report.total, orders: report.orders }).toEqual({ total: 3, orders: 1 });
    expect(report.worst.map((r) => r.text)).toEqual(['chốt 2kg']);
  });
});
