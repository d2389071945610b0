import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork } from './lib/chromium';
import { fixturePage } from './lib/fixture-pages';
const bundle = await build({ entryPoints: ['scripts/bench/reader-page.ts'], bundle: true, format: 'iife', write: false, platform: 'browser', minify: false });
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CLOSED_NETWORK_ARGS });
const context = await browser.newContext();
await closeNetwork(context, (url) => (url.hostname === 'www.youtube.com' ? { body: fixturePage('youtube'), contentType: 'text/html' } : undefined));
const page = await context.newPage();
await page.goto('https://www.youtube.com/live_chat?v=benchStream1');
await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(() => (window as any).chotReaderBench.start(200, 15000, true));
await page.waitForTimeout(16000);
const { profile } = await cdp.send('Profiler.stop');
console.log(await page.evaluate(() => (window as any).chotReaderBench.result()));
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
profile.samples!.forEach((s: number, i: number) => counts.set(s, (counts.get(s) ?? 0) + (profile.timeDeltas![i] ?? 0)));
// total (self + children) for our functions
const children = new Map<number, number[]>(profile.nodes.map((n: any) => [n.id, n.children ?? []]));
const total = (id: number): number => (counts.get(id) ?? 0) + (children.get(id) ?? []).reduce((a, c) => a + total(c), 0);
for (const n of profile.nodes as any[]) { if (n.callFrame.url.includes('live_chat')) continue; const k = `${n.callFrame.functionName} :${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + total(n.id)); }
[...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log((t / 1000).toFixed(1).padStart(8), k));
await browser.close();
