// npm run replay -- FILE [--headed]: the real reader (the built extension) on a page sample, in Chromium.
import { readFileSync } from 'node:fs';
import { parseSampleFile } from '../utils/samples/page-sample';
import { countKinds, replaySample } from './lib/replay-sample';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('usage: npm run replay -- FILE [--headed]   (a chot-sample-*.html page sample; build the extension first)');
    return 2;
  }
  const sample = parseSampleFile(readFileSync(file, 'utf8'));
  console.log(
    `${sample.platform} sample of ${sample.url}${sample.topUrl ? ` (in ${sample.topUrl})` : ''}, captured ${new Date(sample.capturedAt).toISOString()} by Chốt ${sample.readerVersion}`,
  );
  console.log(
    `the sample holds ${sample.rows.total} rows; read when saved: ${JSON.stringify(sample.rows.read)}, skipped: ${JSON.stringify(sample.rows.skipped)}${sample.truncated ? ' (cut to size)' : ''}`,
  );
  const { rows, health, blocked } = await replaySample(sample, { headless: !args.includes('--headed') });
  console.log(`\nread ${rows.length} rows:`);
  rows.forEach((row, i) =>
    console.log(`${String(i + 1).padStart(4)}  ${row.kind.padEnd(5)} ${row.authorName}: ${row.text}${row.paidAmount ? ` [${row.paidAmount}]` : ''}`),
  );
  console.log('\nreader health:');
  if (!health) console.log('  no report: the reader did not start on this page (is its address one Chốt reads?)');
  else {
    console.log(`  rows seen ${health.rowsSeen}, stored ${health.rowsStored}, list ${health.listSelector ?? 'not found'}`);
    console.log(`  skipped: ${JSON.stringify(health.skipped)}`);
    console.log(`  warnings: ${health.warnings.length === 0 ? 'none' : health.warnings.map((w) => `${w.kind} (${w.detail})`).join('; ')}`);
  }
  if (blocked.length > 0) console.log(`  requests refused (the sample is served offline): ${blocked.length}`);
  const expected = JSON.stringify(sample.rows.read);
  const got = JSON.stringify(countKinds(rows));
  const same = JSON.stringify(Object.entries(sample.rows.read).sort()) === JSON.stringify(Object.entries(countKinds(rows)).sort());
  console.log(same ? `\nas when saved: ${got}` : `\nDIFFERENT from when saved: read ${got}, the sample says ${expected}`);
  return same ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
