// npm run bench: parser throughput in node, ingest throughput into real IndexedDB in Chromium.
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { build, type BuildOptions } from 'esbuild';
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork } from './lib/chromium';
import { fixturePage } from './lib/fixture-pages';
import { MAX_BATCH_MESSAGES } from '../utils/messaging/chat-message';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

/** A bench page's script, bundled as the extension's pages are (one IIFE for Chromium). */
async function pageBundle(entry: string, options: Pick<BuildOptions, 'jsx' | 'define' | 'loader'> = {}): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    ...options,
  });
  return bundle.outputFiles[0]!.text;
}

/** Rows a reader sends in one batch on a busy stream (10 to 40 a second, sent every 250 ms). */
const LIVE_BATCH = 10;

async function benchParser(): Promise<void> {
  // Measured as shipped: bundled and minified by esbuild, not through the dev-time TypeScript loader.
  const bundle = await build({ entryPoints: ['scripts/bench/parser-bench.ts'], bundle: true, format: 'esm', platform: 'node', write: false, minify: true });
  const file = join(mkdtempSync(join(tmpdir(), 'chot-bench-')), 'parser-bench.mjs');
  writeFileSync(file, bundle.outputFiles[0]!.text);
  const { runParserBench } = (await import(pathToFileURL(file).href)) as typeof import('./bench/parser-bench');
  for (const result of runParserBench()) {
    console.log(
      `parser (${result.label}): ${result.commentsPerSecond.toLocaleString('en-US')} comments/s (median of 5 runs over 50,000 comments); one comment: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
    );
    // Issue 15: the parser next to the floor (one diacritic fold + one order regex over the same comments, timed in turn).
    const ratio = result.ratioToFloor;
    console.log(
      `  floor (fold + one regex): ${result.floorPerSecond.toLocaleString('en-US')} comments/s; parser at ${(ratio * 100).toFixed(1)}% of its speed (1/${(1 / ratio).toFixed(1)}; taking turns every 2,000 comments, median of the 5 runs' ratios) [target: at least 1/3 of the floor: ${ratio >= 1 / 3 ? 'meets' : 'MISSES'}]`,
    );
    // The clock counts whatever else the machine runs; the process's CPU time counts this thread's work only.
    const cpu = result.cpuRatioToFloor;
    console.log(
      `  in this process's CPU time: parser at ${(cpu * 100).toFixed(1)}% of the floor (1/${(1 / cpu).toFixed(1)}) [target: ${cpu >= 1 / 3 ? 'meets' : 'MISSES'}]`,
    );
  }
}

async function benchIngest(): Promise<void> {
  const script = await pageBundle('scripts/bench/ingest-page.ts');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
  const context = await browser.newContext();
  const blocked = await closeNetwork(context, (url) =>
    url.hostname === 'bench.chot.test' ? { body: '<!doctype html><title>bench</title>', contentType: 'text/html' } : undefined,
  );
  const page = await context.newPage();
  await page.goto('https://bench.chot.test/');
  await page.addScriptTag({ content: script });
  type Bench = { timeIngest(n: number, b: number): Promise<number>; timeBulkPut(n: number, b: number): Promise<number> };
  // Ingest and bulkPut in turn, on the same rows in the same batches, so both meet the same moments of a busy machine.
  const measure = async (count: number, batch: number) => {
    const ingestRuns: number[] = [];
    const bulkRuns: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      ingestRuns.push(await page.evaluate(([n, b]) => (window as unknown as { chotBench: Bench }).chotBench.timeIngest(n, b), [count, batch] as const));
      bulkRuns.push(await page.evaluate(([n, b]) => (window as unknown as { chotBench: Bench }).chotBench.timeBulkPut(n, b), [count, batch] as const));
    }
    return { ingest: perSecond(count, median(ingestRuns)), bulk: perSecond(count, median(bulkRuns)) };
  };
  // An import step, and the most a reader may send at once.
  const count = 20_000;
  const target = await measure(count, MAX_BATCH_MESSAGES);
  const ratio = target.ingest / target.bulk;
  console.log(
    `ingest into IndexedDB (Chromium): ${target.ingest.toLocaleString('en-US')} messages/s (validate + dedupe + parse + orders, buyers, questions, kept figures; batches of ${MAX_BATCH_MESSAGES}, as an import step; median of 3 runs over ${count.toLocaleString('en-US')})`,
  );
  console.log(
    `baseline Dexie bulkPut of the same rows in the same batches: ${target.bulk.toLocaleString('en-US')} messages/s; ingest at ${Math.round(ratio * 100)}% of it [target: at least 50%: ${ratio >= 0.5 ? 'meets' : 'MISSES'}]`,
  );
  // Live chat: the reader sends what it read every quarter second, a few rows on a busy stream.
  const live = await measure(2_000, LIVE_BATCH);
  console.log(
    `the same in batches of ${LIVE_BATCH}, as live chat sends them (2,000 messages): ingest ${live.ingest.toLocaleString('en-US')} messages/s, bulkPut ${live.bulk.toLocaleString('en-US')}/s (${Math.round((live.ingest / live.bulk) * 100)}%); one batch ${((LIVE_BATCH / live.ingest) * 1000).toFixed(1)} ms`,
  );
  if (blocked.length > 0) throw new Error(`requests tried to leave the machine: ${blocked.join(', ')}`);
  await browser.close();
}

type ReaderBench = {
  start(rate: number, ms: number, withReader: boolean, withOverlay?: boolean): void;
  result(): { added: number; read: number; acknowledged: number; busyMs: number; overlayBusyMs: number; pending: number };
};

/** One run of the fixture chat in a fresh page: main-thread task time, heap every 10 s, the reader's counts. */
async function playChat(script: string, rate: number, seconds: number, withReader: boolean, withOverlay = false) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
  const context = await browser.newContext();
  const blocked = await closeNetwork(context, (url) =>
    url.hostname === 'www.youtube.com' ? { body: fixturePage('youtube'), contentType: 'text/html' } : undefined,
  );
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/live_chat?v=benchStream1');
  await page.addScriptTag({ content: script });
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  const taskSeconds = async () => (await devtools.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const heapMb = async () => {
    await devtools.send('HeapProfiler.collectGarbage');
    return (await devtools.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  const heap: number[] = [await heapMb()];
  const before = await taskSeconds();
  await page.evaluate(([r, ms, on, overlay]) => (window as unknown as { chotReaderBench: ReaderBench }).chotReaderBench.start(r, ms, on, overlay), [
    rate,
    seconds * 1000,
    withReader,
    withOverlay,
  ] as const);
  for (let elapsed = 10; elapsed <= seconds; elapsed += 10) {
    await page.waitForTimeout(10_000);
    heap.push(await heapMb());
  }
  await page.waitForTimeout(1000);
  const taskMs = ((await taskSeconds()) - before) * 1000;
  const result = await page.evaluate(() => (window as unknown as { chotReaderBench: ReaderBench }).chotReaderBench.result());
  const { closedOverlay } = await import('../tests/e2e/closed-overlay');
  const badgesShown = await closedOverlay(page).evaluate(
    (root) => [...(root?.querySelectorAll<HTMLElement>('.badge') ?? [])].filter((badge) => badge.style.display !== 'none').length,
  );
  await browser.close();
  if (blocked.length > 0) throw new Error(`requests tried to leave the machine: ${blocked.join(', ')}`);
  return { ...result, badgesShown, taskMs, heap };
}

/**
 * The chat reader in a real Chromium page: 200 new rows a second for 60 seconds, on the YouTube fixture
 * (which keeps the newest 150 rows, as YouTube does). Its cost is the time spent in its own callbacks on
 * the main thread. (Comparing the page's whole task time with and without the reader was tried: the
 * page's own rendering, about half the main thread, varies between runs more than the reader costs.)
 */
async function benchReader(): Promise<void> {
  const script = await pageBundle('scripts/bench/reader-page.ts');
  const rate = 200;
  const seconds = 60;
  const baseline = await playChat(script, rate, 20, false);
  // Three runs: on a shared two-core machine one run's figure moves by a third from the next.
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await playChat(script, rate, seconds, true));
  const perHundred = runs.map((run) => (run.busyMs / run.read) * 100).sort((a, b) => a - b);
  const run = runs[0]!;
  for (const each of runs) {
    console.log(
      `reader (Chromium, YouTube fixture, ${rate} rows/s for ${seconds} s): ${each.read.toLocaleString('en-US')} of ${each.added.toLocaleString('en-US')} rows read, ${each.acknowledged.toLocaleString('en-US')} acknowledged; ${((each.busyMs / each.read) * 100).toFixed(2)} ms per 100 rows (the page itself used ${(each.taskMs / seconds / 10).toFixed(0)}% of the main thread)`,
    );
    if (each.read !== each.added) throw new Error('the reader missed rows');
  }
  console.log(
    `reader main thread in its own callbacks: median ${perHundred[1]!.toFixed(2)} ms per 100 rows (runs: ${perHundred.map((v) => v.toFixed(2)).join(', ')})`,
  );
  console.log(
    `reader heap after GC, every 10 s: ${run.heap.map((mb) => mb.toFixed(2)).join(', ')} MB (the same chat without the reader: ${baseline.heap.map((mb) => mb.toFixed(2)).join(', ')} MB)`,
  );
}

/**
 * The on-air overlay on the same chat: the ticker and a badge on every order row (a third of them), with
 * a new snapshot pushed after every acknowledged batch, as the background does. Its cost is the time in
 * its own code (snapshot rendering and badge layout) on the main thread, per 100 chat rows.
 */
async function benchOverlay(): Promise<void> {
  const script = await pageBundle('scripts/bench/reader-page.ts');
  const rate = 200;
  const seconds = 30;
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await playChat(script, rate, seconds, true, true));
  const perHundred = runs.map((run) => (run.overlayBusyMs / run.read) * 100).sort((a, b) => a - b);
  for (const run of runs) {
    console.log(
      `overlay (Chromium, YouTube fixture, ${rate} rows/s for ${seconds} s, badges on a third of the rows, ${run.badgesShown} shown at the end): ${((run.overlayBusyMs / run.read) * 100).toFixed(2)} ms per 100 rows; the reader beside it ${((run.busyMs / run.read) * 100).toFixed(2)} ms per 100 rows`,
    );
    if (run.read !== run.added) throw new Error('the reader missed rows with the overlay on');
  }
  console.log(
    `overlay main thread in its own code: median ${perHundred[1]!.toFixed(2)} ms per 100 rows (runs: ${perHundred.map((v) => v.toFixed(2)).join(', ')}); heap after GC every 10 s: ${runs[0]!.heap.map((mb) => mb.toFixed(2)).join(', ')} MB`,
  );
}

/**
 * From an order typed in the chat to the ticker on the same page showing it, through the real extension:
 * the reader's batch, the background's ingest, its live query and the push over the port.
 */
async function benchOnAirLatency(): Promise<void> {
  const { launchExtensionBrowser } = await import('./lib/extension-browser');
  const { youtubeFixtures } = await import('../tests/e2e/helpers');
  const browser = await launchExtensionBrowser({ headless: true, fixtures: youtubeFixtures(() => []) });
  const chat = await browser.context.newPage();
  await chat.goto('https://www.youtube.com/live_chat?is_popout=1&v=latencyBench');
  await chat.evaluate(() =>
    (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add([{ id: 'warm', author: 'Lan', text: 'chốt 1kg' }]),
  );
  // The overlay's root is closed to the page: DevTools hands it to the page's world for this measurement only.
  const { closedOverlay } = await import('../tests/e2e/closed-overlay');
  await chat.waitForFunction(() => document.querySelector('chot-overlay'));
  await closedOverlay(chat).exposeToPage('chotOverlayRoot');
  await chat.waitForFunction(() => (window as unknown as { chotOverlayRoot: ShadowRoot }).chotOverlayRoot.querySelector('[data-orders="1"]'));
  const latencies: number[] = [];
  for (let n = 2; n <= 21; n += 1) {
    latencies.push(
      await chat.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const ticker = (window as unknown as { chotOverlayRoot: ShadowRoot }).chotOverlayRoot.querySelector('[data-testid="chot-ticker"]')!;
            const started = performance.now();
            const watcher = new MutationObserver(() => {
              if (ticker.getAttribute('data-orders') === String(count)) {
                watcher.disconnect();
                resolve(performance.now() - started);
              }
            });
            watcher.observe(ticker, { attributes: true });
            (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add([
              { id: `lat${count}`, author: `Khách ${count}`, text: 'chốt 2kg' },
            ]);
          }),
        n,
      ),
    );
    await chat.waitForTimeout(300);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `on-air latency (real extension in Chromium): order typed → ticker updated: median ${sorted[10]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} orders (the reader batches for 250 ms by design)`,
  );
  if (browser.blockedRequests.length > 0) throw new Error(`requests tried to leave the machine: ${browser.blockedRequests.join(', ')}`);
  await browser.close();
}

/** The dashboard's orders table in Chromium with 50,000 orders: first render, a search typed key by key, clearing it, a sort. */
async function benchTable(): Promise<void> {
  const script = await pageBundle('scripts/bench/table-page.tsx', {
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty' },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const blocked = await closeNetwork(context, (url) =>
    url.hostname === 'bench.chot.test' ? { body: '<!doctype html><meta charset="utf-8"><div id="root"></div>', contentType: 'text/html' } : undefined,
  );
  const page = await context.newPage();
  await page.goto('https://bench.chot.test/');
  await page.addScriptTag({ content: script });
  type Result = { count: number; firstRender: number; keys: number[]; clear: number; sort: number; shownAfterFilter: number; rowsDrawn: number };
  const result = await page.evaluate(() => (window as unknown as { chotTableBench: { run(n: number): Promise<Result> } }).chotTableBench.run(50_000));
  console.log(
    `orders table (Chromium, ${result.count.toLocaleString('en-US')} orders): first render ${result.firstRender.toFixed(0)} ms, search typed key by key ${result.keys.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(result.keys).toFixed(0)}, slowest ${Math.max(...result.keys).toFixed(0)}; ${result.shownAfterFilter.toLocaleString('en-US')} shown) [target: every key within 50 ms: ${Math.max(...result.keys) <= 50 ? 'meets' : 'MISSES'}], search cleared ${result.clear.toFixed(0)} ms, sort by kg ${result.sort.toFixed(0)} ms; ${result.rowsDrawn} rows drawn`,
  );
  if (blocked.length > 0) throw new Error(`requests tried to leave the machine: ${blocked.join(', ')}`);
  await browser.close();
}

/**
 * Exports of 100,000 order lines (CSV, xlsx) and the import of a 100,000-message YouTube chat log, in Chromium;
 * then the xlsx of 100,000 and of 500,000 lines with the JS heap sampled while it is written.
 */
async function benchExchange(): Promise<void> {
  const script = await pageBundle('scripts/bench/exchange-page.ts');
  // Precise memory info: performance.memory is otherwise rounded and updated only now and then; gc() lets the
  // memory runs tell the heap the writing holds from garbage not yet collected.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CLOSED_NETWORK_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext();
  const blocked = await closeNetwork(context, (url) =>
    url.hostname === 'bench.chot.test' ? { body: '<!doctype html><meta charset="utf-8"><title>bench</title>', contentType: 'text/html' } : undefined,
  );
  const page = await context.newPage();
  await page.goto('https://bench.chot.test/');
  await page.addScriptTag({ content: script });
  const count = 100_000;
  type Exports = { csvRuns: number[]; csvBytes: number; xlsxRuns: number[]; xlsxBytes: number };
  type Import = { megabytes: number; readMs: number; ingestMs: number; stored: number; orders: number; longestReadStepMs: number };
  type Memory = { ms: number; bytes: number; peakOverBaselineBytes: number; livePeakOverBaselineBytes: number | null; reports: number };
  type ExchangeBench = {
    timeExports(n: number): Promise<Exports>;
    timeImport(n: number): Promise<Import>;
    makeLines(n: number): { linesBytes: number };
    workbookMemory(): Promise<Memory>;
  };
  const call = <K extends keyof ExchangeBench>(method: K, n: number) =>
    page.evaluate(([m, size]) => (window as unknown as { chotExchangeBench: Record<string, (n: number) => unknown> }).chotExchangeBench[m]!(size), [
      method,
      n,
    ] as const) as Promise<Awaited<ReturnType<ExchangeBench[K]>>>;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

  const exported = await call('timeExports', count);
  const [csvMs, xlsxMs] = [median(exported.csvRuns), median(exported.xlsxRuns)];
  const ratios = exported.xlsxRuns.map((ms, i) => (ms / exported.csvRuns[i]!).toFixed(1));
  const runs = (values: number[]) => values.map((ms) => (ms / 1000).toFixed(2)).join(', ');
  console.log(
    `export of ${count.toLocaleString('en-US')} order lines (Chromium, each taken in turn 3 times, medians): CSV ${csvMs.toFixed(0)} ms (${mb(exported.csvBytes)} MB; runs ${runs(exported.csvRuns)} s); xlsx ${(xlsxMs / 1000).toFixed(2)} s (${mb(exported.xlsxBytes)} MB, order sheet + per-product + per-buyer sheets; runs ${runs(exported.xlsxRuns)} s; built in a worker in the extension)`,
  );
  console.log(
    `  xlsx takes ${(xlsxMs / csvMs).toFixed(1)}× the CSV time of the same lines (run by run: ${ratios.join('×, ')}×)   [target: at most 4×: ${xlsxMs / csvMs <= 4 ? 'meets' : 'MISSES'}]`,
  );
  const imported = await call('timeImport', count);
  console.log(
    `import of a ${count.toLocaleString('en-US')}-message YouTube chat log (${imported.megabytes.toFixed(0)} MB of JSON Lines, Chromium + IndexedDB): read ${(imported.readMs / 1000).toFixed(1)} s, ingest ${(imported.ingestMs / 1000).toFixed(1)} s (${perSecond(imported.stored, imported.ingestMs).toLocaleString('en-US')} messages/s, ${imported.orders.toLocaleString('en-US')} orders); longest the page waited between progress updates while reading: ${imported.longestReadStepMs.toFixed(0)} ms`,
  );

  // Memory: the lines are made first and garbage collected, so the heap's baseline holds them; the peak is
  // what the writing adds, including garbage not yet collected.
  const devtools = await context.newCDPSession(page);
  for (const lines of [100_000, 500_000]) {
    const made = await call('makeLines', lines);
    await devtools.send('HeapProfiler.collectGarbage');
    const memory = await call('workbookMemory', 0);
    const live = memory.livePeakOverBaselineBytes === null ? 'not measured' : `${mb(memory.livePeakOverBaselineBytes)} MB`;
    console.log(
      `xlsx of ${lines.toLocaleString('en-US')} order lines (memory run, with forced collections): ${(memory.ms / 1000).toFixed(1)} s (${mb(memory.bytes)} MB); JS heap: the lines ${mb(made.linesBytes)} MB; while the workbook was written, at most ${live} more after a full collection (every 10th of its ${memory.reports} progress reports), ${mb(memory.peakOverBaselineBytes)} MB more counting garbage not yet collected; the compressed file is kept in Blob parts, outside the JS heap`,
    );
  }
  if (blocked.length > 0) throw new Error(`requests tried to leave the machine: ${blocked.join(', ')}`);
  await browser.close();
}

/** A latency's median, p95 and max; "more than" where an order was not shown by the end of the run. */
function describeSamples(samples: readonly { ms: number; atLeast: boolean }[]): { text: string; p95: number; max: number; exact: boolean } {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  // A percentile is exact when no order at or below it is a lower bound (those may really be higher).
  const at = (q: number) => {
    const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return { ms: sorted[index]!.ms, atLeast: sorted.slice(0, index + 1).some((s) => s.atLeast) };
  };
  const show = ({ ms, atLeast }: { ms: number; atLeast: boolean }) =>
    `${atLeast ? 'more than ' : ''}${ms < 10_000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`}`;
  const [p50, p95, max] = [at(0.5), at(0.95), at(1)];
  const missing = sorted.filter((s) => s.atLeast).length;
  return {
    text: `median ${show(p50)}, p95 ${show(p95)}, max ${show(max)}${missing ? ` (${missing.toLocaleString('en-US')} of ${sorted.length.toLocaleString('en-US')} not shown by the end)` : ''}`,
    p95: p95.ms,
    max: max.ms,
    exact: !max.atLeast,
  };
}

/**
 * The desk at a stream's scale (issue 17), with the real extension: N orders restored through the
 * dashboard, the side panel and the stream's popout chat open, then 100 rows a second for 20 s (half
 * orders, one buyer in four ordering twice): each new order's time to the panel (its row, the tally's
 * count) and to the ticker, the panel's long tasks, the catch-up after the last row, the cost per order.
 */
async function benchDesk(): Promise<void> {
  const { runDesk } = await import('./bench/desk-scenario');
  const scripts = {
    fill: await pageBundle('scripts/bench/desk-fill-page.ts'),
    probe: await pageBundle('scripts/bench/desk-panel-probe.ts'),
    player: await pageBundle('scripts/bench/desk-chat-player.ts'),
  };
  const catalogJson = readFileSync('tests/fixtures/lychee-catalog.json', 'utf8');
  const sizes = process.argv
    .find((arg) => arg.startsWith('--desk-orders='))
    ?.slice('--desk-orders='.length)
    .split(',')
    .map(Number) ?? [1000, 5000, 20_000];
  // Caps keep a run of the three sizes under about ten minutes however far behind the desk falls.
  const profileDir = process.argv.find((arg) => arg.startsWith('--desk-profile='))?.slice('--desk-profile='.length);
  const limits = { rate: 100, chatSeconds: 20, openMs: 60_000, drainMs: 45_000, answerMs: 30_000, profileDir };
  const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  const costs: { orders: number; panelMs: number; cpuMs: number | null; complete: boolean }[] = [];
  const rows: string[] = [];
  for (const orders of sizes) {
    const began = Date.now();
    const run = await runDesk(orders, scripts, limits, catalogJson);
    const n = orders.toLocaleString('en-US');
    const seconds = (sample: { ms: number; atLeast: boolean }) => `${sample.atLeast ? 'more than ' : ''}${(sample.ms / 1000).toFixed(1)} s`;
    console.log(
      `desk, ${n} orders on the desk (real extension in Chromium; ${run.fill.confirmed.toLocaleString('en-US')} confirmed, ${run.fill.messages.toLocaleString('en-US')} chat messages): backup made by the store's code in ${(run.fill.ms / 1000).toFixed(1)} s (${run.fill.megabytes.toFixed(1)} MB), restored through the dashboard in ${(run.fill.restoreMs / 1000).toFixed(1)} s; the panel showed them after ${seconds(run.panelOpen)}, the ticker after ${seconds(run.tickerOpen)}`,
    );
    console.log(
      `  chat: ${run.chat.rows.toLocaleString('en-US')} rows at ${limits.rate}/s for ${run.chat.seconds} s, ${run.chat.orders.toLocaleString('en-US')} orders from ${run.chat.buyers.toLocaleString('en-US')} buyers (pages: ${run.visibility}); this size took ${Math.round((Date.now() - began) / 1000)} s in all`,
    );
    const ticker = describeSamples(run.toTicker);
    const panel = run.panel;
    const cpu = run.chromiumCpuMsPerOrder === null ? 'not measured' : `${run.chromiumCpuMsPerOrder.toFixed(1)} ms`;
    const partial = run.costComplete ? '' : ' (at least: the desk had not caught up when the wait was capped)';
    if (panel) {
      const row = describeSamples(panel.toRow);
      const tally = describeSamples(panel.toTally);
      const longest = Math.max(0, ...panel.longTasks);
      const over = panel.longTasks.filter((ms) => ms > 200).length;
      console.log(`  order → its row in the panel: ${row.text}   [target: within 500 ms: ${verdict(row.exact && row.max <= 500)}]`);
      console.log(`  order → the panel's tally counts it: ${tally.text}   [target: within 500 ms: ${verdict(tally.exact && tally.max <= 500)}]`);
      console.log(`  order → the ticker on the chat page counts it: ${ticker.text}   [target: within 500 ms: ${verdict(ticker.exact && ticker.max <= 500)}]`);
      console.log(
        `    where the time goes: chat row → the background's commit ${describeSamples(panel.toStored).text}; commit → panel row ${describeSamples(panel.storedToRow).text}; commit → ticker ${describeSamples(panel.storedToTicker).text}`,
      );
      if (panel.answered)
        console.log(
          `  panel's longest task: ${longest.toFixed(0)} ms; ${over} tasks over 200 ms (${panel.longTasks.length} over 50 ms)   [target: none over 200 ms: ${verdict(over === 0)}]`,
        );
      else
        console.log(
          `  panel's longest task: more than ${limits.answerMs / 1000} s (still busy that long after the run: its notes could not be read)   [target: none over 200 ms: MISSES]`,
        );
      console.log(
        `  after the last chat row, every order shown in the panel after ${seconds(panel.allShown)} (ticker: ${seconds(run.tickerAllShown)})   [target: within 3 s: ${verdict(!panel.allShown.atLeast && panel.allShown.ms <= 3000)}]`,
      );
      const panelCost = Number.isFinite(panel.taskMsPerOrder) ? `${panel.taskMsPerOrder.toFixed(1)} ms` : 'not measured (the panel did not answer)';
      console.log(`  cost per new order: panel main thread ${panelCost}, all of Chromium's CPU ${cpu}${partial}`);
      rows.push(
        `| ${n} | ${row.text} | ${tally.text} | ${ticker.text} | ${panel.answered ? `${longest.toFixed(0)} ms, ${over} over 200 ms` : `more than ${limits.answerMs / 1000} s`} | ${seconds(panel.allShown)} | ${panelCost}, CPU ${cpu}${run.costComplete ? '' : ' (at least)'} |`,
      );
    } else {
      const frozen = `the panel was still busy showing the desk ${Math.round((run.panelOpen.ms + limits.answerMs) / 1000)} s after it was opened, and took no probe`;
      console.log(`  order → the panel: not measured: ${frozen}   [target: within 500 ms: MISSES]`);
      console.log(`  order → the ticker on the chat page counts it: ${ticker.text}   [target: within 500 ms: ${verdict(ticker.exact && ticker.max <= 500)}]`);
      console.log(`  panel's longest task: more than ${limits.answerMs / 1000} s   [target: none over 200 ms: MISSES]`);
      console.log(
        `  after the last chat row, every order counted by the ticker after ${seconds(run.tickerAllShown)}; the panel: not measured   [target: within 3 s: MISSES]`,
      );
      console.log(`  cost per new order: all of Chromium's CPU ${cpu}${partial}`);
      rows.push(
        `| ${n} | not measured (panel frozen) | not measured | ${ticker.text} | more than ${limits.answerMs / 1000} s | not measured | CPU ${cpu}${run.costComplete ? '' : ' (at least)'} |`,
      );
    }
    console.log(`  time: ${run.phases.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    costs.push({ orders, panelMs: panel?.taskMsPerOrder ?? Number.NaN, cpuMs: run.chromiumCpuMsPerOrder, complete: run.costComplete });
  }
  if (costs.length > 1) {
    const first = costs[0]!;
    const times = (value: number | null, base: number | null) =>
      value !== null && base !== null && Number.isFinite(value) && Number.isFinite(base) ? `×${(value / base).toFixed(1)}` : 'n/a';
    const growth = costs
      .map(
        (c) =>
          `${c.orders.toLocaleString('en-US')}: ${times(c.panelMs, first.panelMs)} panel, ${times(c.cpuMs, first.cpuMs)} CPU${c.complete ? '' : ' (at least)'}`,
      )
      .join('; ');
    console.log(`desk, cost per new order against the first size: ${growth}   [target: not growing with the orders on the desk]`);
  }
  console.log(
    'desk, as a table (orders on the desk | order → panel row | → panel tally | → ticker | panel longest task | all shown after the last row | cost per new order):',
  );
  for (const row of rows) console.log(row);
}

/** Team mode with three real browser desks (see scripts/bench/team-browser.ts). */
async function benchTeamBrowser(): Promise<void> {
  const { runTeamBrowserBench } = await import('./bench/team-browser');
  const orders = Number(process.argv.find((arg) => arg.startsWith('--team-orders='))?.slice('--team-orders='.length) ?? 10_000);
  await runTeamBrowserBench(
    { fill: await pageBundle('scripts/bench/desk-fill-page.ts'), player: await pageBundle('scripts/bench/desk-chat-player.ts') },
    readFileSync('tests/fixtures/lychee-catalog.json', 'utf8'),
    {
      orders,
      decisions: Number(process.argv.find((arg) => arg.startsWith('--team-decisions='))?.slice('--team-decisions='.length) ?? 40),
      rate: 200,
      ...(process.env.CHOT_TEAM_PROFILE ? { profileDir: process.env.CHOT_TEAM_PROFILE } : {}),
    },
  );
}

function describeMachine(): string {
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}; ${chromiumVersion}`;
}

console.log(`machine: ${describeMachine()}`);
// npm run bench [-- --only=parser|ingest|table|reader|overlay|exchange|desk|team|team-browser] [--desk-orders=1000,5000] [--desk-profile=DIR] [--team-orders=10000]
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const wanted = (name: string) => only === undefined || only === name;
if (wanted('parser')) await benchParser();
if (wanted('ingest')) await benchIngest();
if (wanted('table')) await benchTable();
if (wanted('reader')) await benchReader();
if (wanted('overlay')) {
  await benchOverlay();
  await benchOnAirLatency();
}
if (wanted('exchange')) await benchExchange();
if (wanted('desk')) await benchDesk();
// Team mode: in a process of its own (its desks' IndexedDB is fake-indexeddb, installed before Dexie loads).
if (wanted('team')) execFileSync('npx', ['tsx', 'scripts/bench/team-bench.ts'], { stdio: 'inherit' });
if (wanted('team-browser')) await benchTeamBrowser();
