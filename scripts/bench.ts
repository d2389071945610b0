// npm run bench: parser throughput in node, ingest throughput into real IndexedDB in Chromium.
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork } from './lib/chromium';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function benchParser(): Promise<void> {
  // Measured as shipped: bundled and minified by esbuild, not through the dev-time TypeScript loader.
  const bundle = await build({ entryPoints: ['scripts/bench/parser-bench.ts'], bundle: true, format: 'esm', platform: 'node', write: false, minify: true });
  const file = join(mkdtempSync(join(tmpdir(), 'chot-bench-')), 'parser-bench.mjs');
  writeFileSync(file, bundle.outputFiles[0]!.text);
  const { runParserBench } = (await import(pathToFileURL(file).href)) as typeof import('./bench/parser-bench');
  for (const result of runParserBench()) {
    console.log(`parser (${result.label}): ${result.commentsPerSecond.toLocaleString('en-US')} comments/s (median of 5 runs over 50,000 comments); one comment: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`);
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
await benchParser();
await benchIngest();
