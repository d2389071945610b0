import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseComment, type CatalogIndex, type ParseResult } from '../../utils/parser/index';

/**
 * The project's own labelled chat comments (scripts/data/labelled-comments.json): written for the project in
 * the ways buyers really type (shorthand, no diacritics, teencode, English wishes, stories and complaints,
 * price/stock/shipping/payment questions), each with the intent it has and, for a question, what it asks
 * about. Kept apart from the unit tests' tables so the parser is not measured on the rows it was tuned on.
 */
export const LABELLED_PATH = 'scripts/data/labelled-comments.json';

export const labelledCommentSchema = z
  .object({
    text: z.string().min(1).max(500),
    intent: z.enum(['order', 'cancel', 'change', 'question', 'none']),
    /** Only for questions. */
    topic: z.enum(['price', 'stock', 'shipping', 'payment', 'other']).optional(),
    /** How it is written, for the report by style. */
    style: z.string().min(1).max(40),
  })
  .refine((row) => (row.intent === 'question') === (row.topic !== undefined), { message: 'a question, and only a question, has a topic' });

export type LabelledComment = z.infer<typeof labelledCommentSchema>;

export function readLabelled(path = LABELLED_PATH): LabelledComment[] {
  return z.array(labelledCommentSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface LabelledMiss {
  row: LabelledComment;
  result: ParseResult;
}

export interface LabelledReport {
  total: number;
  questions: number;
  /** Questions read as questions. */
  questionsFound: number;
  /** Questions read as questions about what they ask (price, stock…). */
  topicsRight: number;
  orders: number;
  ordersFound: number;
  /** Comments that are no order, read as orders. */
  notOrders: number;
  falseOrders: number;
  /** Comments whose intent (and topic) was read right. */
  right: number;
  misses: LabelledMiss[];
}

const topicOf = (result: ParseResult): string | undefined => (result as { topic?: string | null }).topic ?? undefined;

export function evaluateLabelled(rows: readonly LabelledComment[], catalog?: CatalogIndex): LabelledReport {
  const report: LabelledReport = {
    total: rows.length,
    questions: 0,
    questionsFound: 0,
    topicsRight: 0,
    orders: 0,
    ordersFound: 0,
    notOrders: 0,
    falseOrders: 0,
    right: 0,
    misses: [],
  };
  for (const row of rows) {
    const result = parseComment(row.text, catalog);
    const topicRight = row.intent !== 'question' || topicOf(result) === row.topic;
    if (row.intent === 'question') {
      report.questions += 1;
      if (result.intent === 'question') report.questionsFound += 1;
      if (result.intent === 'question' && topicRight) report.topicsRight += 1;
    }
    if (row.intent === 'order') {
      report.orders += 1;
      if (result.intent === 'order') report.ordersFound += 1;
    } else {
      report.notOrders += 1;
      if (result.intent === 'order') report.falseOrders += 1;
    }
    if (result.intent === row.intent && topicRight) report.right += 1;
    else report.misses.push({ row, result });
  }
  return report;
}

const percent = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(1) : '0.0'}%`;

export function describeLabelled(report: LabelledReport): string[] {
  return [
    `labelled: ${report.right} of ${report.total} comments read right (${percent(report.right, report.total)}).`,
    `  question recall ${report.questionsFound}/${report.questions} (${percent(report.questionsFound, report.questions)}), with the right topic ${report.topicsRight}/${report.questions} (${percent(report.topicsRight, report.questions)})`,
    `  order recall ${report.ordersFound}/${report.orders} (${percent(report.ordersFound, report.orders)}); false orders ${report.falseOrders}/${report.notOrders} (${percent(report.falseOrders, report.notOrders)})`,
  ];
}
