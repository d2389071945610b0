// npm run bench: parser throughput in node, ingest throughput into real IndexedDB in Chromium.
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { EMPTY_CATALOG, catalogSchema, indexCatalog, parseComment } from '../utils/parser/index';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork } from './lib/chromium';
import { benchComments } from './bench/bench-comments';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

function benchParser(): void {
  const comments = benchComments(50_000);
  const catalog = indexCatalog(catalogSchema.parse({ products: [{ code: 'V1', name: 'Vải', packages: { 'thùng': 10, 'hộp': 2 } }], defaultProduct: 'V1' }));
  for (const [label, index] of [['no catalog', indexCatalog(EMPTY_CATALOG)], ['with catalog', catalog]] as const) {
    for (const text of comments.slice(0, 5_000)) parseComment(text, index); // warm-up
    const runs = Array.from({ length: 5 }, () => {
      const started = performance.now();
      for (const text of comments) parseComment(text, index);
      return performance.now() - started;
    });
    console.log(`parser (${label}): ${perSecond(comments.length, median(runs)).toLocaleString('en-US')} comments/s (median of 5 runs over ${comments.length.toLocaleString('en-US')} comments)`);
  }
}

async function benchIngest(): Promise<void> {
  const bundle = await build({ entryPoints: ['scripts/bench/ingest-page.ts'], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'chrome120', minify: true });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
  const context = await browser.newContext();
  const blocked = await closeNetwork(context, (url) => (url.hostname === 'bench.chot.test' ? { body: '<!doctype html><title>bench</title>', contentType: 'text/html' } : undefined));
  const page = await context.newPage();
  await page.goto('https://bench.chot.test/');
  await page.addScriptTag({ content: script });
  const count = 20_000;
  const batch = 200;
  type Bench = { timeIngest(n: number, b: number): Promise<number>; timeBulkPut(n: number, b: number): Promise<number> };
  const ingestRuns: number[] = [];
  const bulkRuns: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    ingestRuns.push(await page.evaluate(([n, b]) => (window as unknown as { chotBench: Bench }).chotBench.timeIngest(n, b), [count, batch] as const));
    bulkRuns.push(await page.evaluate(([n, b]) => (window as unknown as { chotBench: Bench }).chotBench.timeBulkPut(n, b), [count, batch] as const));
  }
  const ingest = perSecond(count, median(ingestRuns));
  const bulk = perSecond(count, median(bulkRuns));
  console.log(`ingest into IndexedDB (Chromium): ${ingest.toLocaleString('en-US')} messages/s (validate + dedupe + parse + orders, batches of ${batch}, median of 3 runs over ${count.toLocaleString('en-US')})`);
  console.log(`baseline Dexie bulkPut of the same rows: ${bulk.toLocaleString('en-US')} messages/s; ingest runs at ${Math.round((ingest / bulk) * 100)}% of it`);
  if (blocked.length > 0) throw new Error(`requests tried to leave the machine: ${blocked.join(', ')}`);
  await browser.close();
}

function describeMachine(): string {
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}; ${chromiumVersion}`;
}

console.log(`machine: ${describeMachine()}`);
benchParser();
await benchIngest();
