// npm run evaluate: runs the parser over real Vietnamese shop reviews (../shared/fixtures/real/reviews-vi).
// They are reviews, not live orders, and full of quantities, units and phone numbers in other senses:
// the share read as orders must stay at 3% or less.
import { existsSync, readFileSync } from 'node:fs';
import { evaluateReviews, REVIEWS_PATH } from './evaluate/reviews';

if (!existsSync(REVIEWS_PATH)) {
  console.log(`evaluate: skipped, ${REVIEWS_PATH} is not here (it lives in the shared folder beside the repository).`);
  process.exit(0);
}
const report = evaluateReviews(readFileSync(REVIEWS_PATH, 'utf8'));
console.log(`evaluate: ${report.orders} of ${report.total} reviews read as orders (${(report.share * 100).toFixed(2)}%, limit 3%).`);
console.log('Worst examples (most confident false orders):');
for (const example of report.worst) console.log(`  ${example.confidence.toFixed(2)}  ${example.totalKg ?? '?'} kg  ${example.text.replace(/\s+/g, ' ').slice(0, 140)}  [${example.reasons.join('; ')}]`);
process.exit(report.share <= 0.03 ? 0 : 1);
