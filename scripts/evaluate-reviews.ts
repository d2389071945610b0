// npm run evaluate: the parser over two sets.
// 1. Real Vietnamese shop reviews (../shared/fixtures/real/reviews-vi), not live orders, full of quantities, units
//    and phone numbers in other senses: the share read as orders must stay at 3% or less. Skipped when absent.
// 2. The project's own labelled chat comments (scripts/data/labelled-comments.json): question recall (and topic),
//    order recall and false orders.
import { existsSync, readFileSync } from 'node:fs';
import { evaluateReviews, REVIEWS_PATH } from './evaluate/reviews';
import { describeLabelled, evaluateLabelled, readLabelled } from './evaluate/labelled';

let failed = false;
if (!existsSync(REVIEWS_PATH)) {
  console.log(`evaluate: reviews skipped, ${REVIEWS_PATH} is not here (it lives in the shared folder beside the repository).`);
} else {
  const report = evaluateReviews(readFileSync(REVIEWS_PATH, 'utf8'));
  console.log(`evaluate: ${report.orders} of ${report.total} reviews read as orders (${(report.share * 100).toFixed(2)}%, limit 3%).`);
  console.log('Worst examples (most confident false orders):');
  for (const example of report.worst)
    console.log(
      `  ${example.confidence.toFixed(2)}  ${example.totalKg ?? '?'} kg  ${example.text.replace(/\s+/g, ' ').slice(0, 140)}  [${example.reasons.join('; ')}]`,
    );
  failed = report.share > 0.03;
}

const labelled = evaluateLabelled(readLabelled());
for (const line of describeLabelled(labelled)) console.log(line);
if (process.argv.includes('--misses')) {
  for (const { row, result } of labelled.misses) {
    const topic = (result as { topic?: string | null }).topic;
    console.log(
      `  ${row.intent}${row.topic ? `/${row.topic}` : ''} read as ${result.intent}${topic ? `/${topic}` : ''}: ${row.text}  [${result.reasons.join('; ')}]`,
    );
  }
}
process.exit(failed ? 1 : 0);
