import Papa from 'papaparse';
import { z } from 'zod';
import { parseComment, type ParseResult } from '../../utils/parser/index';

export const REVIEWS_PATH = '../shared/fixtures/real/reviews-vi/vispam-test.csv';

const reviewRow = z.object({ Comment: z.string() }).loose();

export interface ReviewReport {
  total: number;
  orders: number;
  share: number;
  worst: ParseResult[];
}

export function evaluateReviews(csv: string, worstCount = 15): ReviewReport {
  const parsed = Papa.parse<unknown>(csv, { header: true, skipEmptyLines: true });
  const comments = parsed.data.flatMap((row) => {
    const checked = reviewRow.safeParse(row);
    return checked.success ? [checked.data.Comment] : [];
  });
  const orders = comments.map((text) => parseComment(text)).filter((result) => result.intent === 'order');
  return {
    total: comments.length,
    orders: orders.length,
    share: comments.length ? orders.length / comments.length : 0,
    worst: [...orders].sort((a, b) => b.confidence - a.confidence).slice(0, worstCount),
  };
}
