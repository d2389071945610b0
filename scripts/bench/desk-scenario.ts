// The desk bench's driver (node side): a fresh profile with the real extension, N orders restored through
// the dashboard, the side panel and the stream's chat page open, then chat played at a steady rate while
// the panel and the ticker are watched. Every wait is capped, so a desk that falls behind gives "more than".
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { launchExtensionBrowser } from '../lib/extension-browser';
import { profileServiceWorker, WORKER_PROFILER_ARGS } from '../lib/worker-profiler';
import { youtubeFixtures } from '../../tests/e2e/helpers';
import { closedOverlay } from '../../tests/e2e/closed-overlay';
import { DESK_VIDEO_ID, deskChat, fixtureRows } from './desk-chat';
import type { DeskFill } from './desk-fill-page';
import type { PanelProbeResult } from './desk-panel-probe';
import type { ChatPlayResult } from './desk-chat-player';

export interface DeskScripts {
  fill: string;
  probe: string;
  player: string;
}

export interface DeskLimits {
  /** Rows a second, half of them orders. */
  rate: number;
  chatSeconds: number;
  /** Caps on the waits: the panel showing the restored desk, the ticker showing it, catching up after the chat. */
  openMs: number;
  drainMs: number;
  /** How long the panel is given to take its probe before the chat, and to hand over its notes after. */
  answerMs: number;
  /** When set, the panel's CPU profile over the chat and the catch-up is written here (DevTools' .cpuprofile). */
  profileDir?: string;
}

/** A latency that was not seen by the end of the run is known only to be more than the time waited. */
export interface Sample {
  ms: number;
  atLeast: boolean;
}

export interface DeskRun {
  orders: number;
  fill: Omit<DeskFill, 'json'> & { restoreMs: number; megabytes: number };
  /** Time for the panel to show the restored desk (its tally at N), or more than the cap. */
  panelOpen: Sample;
  tickerOpen: Sample;
  chat: { rows: number; orders: number; buyers: number; seconds: number };
  /** Null when the panel was still busy showing the desk when the chat started: it could not take the probe. */
  panel: PanelFigures | null;
  toTicker: Sample[];
  tickerAllShown: Sample;
  /** All of Chromium's CPU time from the chat's start to the end of the run, per new order (background included). */
  chromiumCpuMsPerOrder: number | null;
  /** Both counted until every order was shown, or until the cap. */
  costComplete: boolean;
  visibility: string;
  /** Where the run's time went, phase by phase (ms); the browser's closing is added as it closes. */
  phases: [string, number][];
}

export interface PanelFigures {
  /** From the chat row to the background's commit of its order (heard in the panel's page). */
  toStored: Sample[];
  /** From that commit to the order's row in the panel, and to the ticker counting it. */
  storedToRow: Sample[];
  storedToTicker: Sample[];
  toRow: Sample[];
  toTally: Sample[];
  /** Durations of the panel's long tasks from the chat's start. */
  longTasks: number[];
  /** False when the panel's main thread was still busy answerMs after the run: its notes are lost. */
  answered: boolean;
  allShown: Sample;
  /** The panel's main-thread task time from the chat's start to the end of the run, per new order. */
  taskMsPerOrder: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's answer, or undefined when its main thread did not get to it in time. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until true or `capMs` passed; the elapsed time, marked atLeast when the cap was hit. */
async function waitUntil(check: () => Promise<boolean>, capMs: number): Promise<Sample> {
  const started = Date.now();
  while (Date.now() - started < capMs) {
    if (await within(check(), Math.max(1, capMs - (Date.now() - started)))) return { ms: Date.now() - started, atLeast: false };
    await sleep(200);
  }
  return { ms: Date.now() - started, atLeast: true };
}

/** CPU time (ms) of every process this node process started: Chromium's browser, renderers, GPU, utility. */
function childCpuMs(): number | null {
  try {
    const parents = new Map<number, { ppid: number; ticks: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // the process ended while listed
      }
    }
    const mine = new Set([process.pid]);
    let total = 0;
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, { ppid, ticks }] of parents) {
        if (!mine.has(pid) && mine.has(ppid)) {
          mine.add(pid);
          total += ticks;
          grew = true;
        }
      }
    }
    return (total * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** For the k-th new order (from 1), the first time the count reached base + k. */
function reachedAt(samples: readonly [number, number][], target: number): number | undefined {
  return samples.find(([, value]) => value >= target)?.[0];
}

export async function runDesk(orders: number, scripts: DeskScripts, limits: DeskLimits, catalogJson: string): Promise<DeskRun> {
  const youtube = youtubeFixtures(() => []);
  const phases: [string, number][] = [];
  let lapped = Date.now();
  const lap = (name: string) => {
    phases.push([name, Date.now() - lapped]);
    lapped = Date.now();
  };
  const browser = await launchExtensionBrowser({
    headless: true,
    ...(limits.profileDir ? { args: WORKER_PROFILER_ARGS } : {}),
    fixtures: (url) =>
      url.hostname === 'bench.chot.test' ? { body: '<!doctype html><meta charset="utf-8"><title>desk fill</title>', contentType: 'text/html' } : youtube(url),
  });
  try {
    // 1. N orders made by the store's own code in a plain page, restored through the dashboard's control.
    const maker = await browser.context.newPage();
    await maker.goto('https://bench.chot.test/');
    await maker.addScriptTag({ content: scripts.fill });
    const made = await maker.evaluate(
      ([n, catalog]) => (window as unknown as { chotDeskFill: { makeBackup(n: number, c: string): Promise<DeskFill> } }).chotDeskFill.makeBackup(n, catalog),
      [orders, catalogJson] as const,
    );
    await maker.close();
    lap('backup made');
    const { json, ...fill } = made;
    const dashboard = await browser.context.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    const restoreStarted = Date.now();
    await dashboard.getByTestId('restore-backup').setInputFiles({ name: 'desk.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    // the restore's outcome, not its progress (also a status) — closing the page mid-restore would stop it
    const notice = dashboard.getByTestId('backup').locator('[role="status"]:not([data-testid="backup-progress"]), [role="alert"]');
    await notice.waitFor({ timeout: 180_000 });
    if ((await notice.getAttribute('role')) === 'alert') throw new Error(`restore failed: ${await notice.textContent()}`);
    const restoreMs = Date.now() - restoreStarted;
    await dashboard.close();
    lap('restored');

    // 2. The side panel and the stream's popout chat, each showing the N orders.
    const panel = await browser.sidePanel();
    const tallyAt = (page: Page, target: number) =>
      page.evaluate((t) => Number(document.querySelector('[data-testid="tally"]')?.getAttribute('data-orders') ?? -1) >= t, target);
    const panelOpen = await waitUntil(() => tallyAt(panel, orders), limits.openMs);
    const chat = await browser.context.newPage();
    await chat.goto(`https://www.youtube.com/live_chat?is_popout=1&v=${DESK_VIDEO_ID}`);
    await chat.addScriptTag({ content: scripts.player });
    // The ticker's root is closed to the page: it is read through DevTools.
    const overlay = closedOverlay(chat);
    const tickerAt = async (target: number) => Number((await overlay.attribute('[data-testid="chot-ticker"]', 'data-orders')) ?? -1) >= target;
    const tickerOpen = await waitUntil(() => tickerAt(orders), limits.openMs);
    lap('panel and chat opened');

    // 3. The probe before the chat (a panel frozen that long is not measured, the ticker still is); then the chat.
    const probed = (await within(panel.evaluate(`${scripts.probe}\ntrue`), limits.answerMs)) === true;
    // DevTools on a frozen page waits for it too: the panel's task time is read only from a panel that answered.
    const devtools = probed ? await browser.context.newCDPSession(panel) : undefined;
    if (devtools) await within(devtools.send('Performance.enable'), limits.answerMs);
    const panelTaskMs = async () =>
      (devtools
        ? (await within(devtools.send('Performance.getMetrics'), limits.answerMs))?.metrics.find((m) => m.name === 'TaskDuration')?.value
        : undefined) ?? Number.NaN;
    const live = deskChat((limits.rate * limits.chatSeconds) / 2, 'Người mua', 'live', 17);
    const liveOrders = live.filter((row) => row.order);
    const target = orders + liveOrders.length;
    const taskBefore = probed ? await panelTaskMs() : Number.NaN;
    lap('probe');
    // The player watches the ticker from inside the page: DevTools hands it the closed root first.
    if (!(await overlay.exposeToPage('chotOverlayRoot'))) throw new Error('no on-air ticker on the chat page');
    const profiling = devtools !== undefined && limits.profileDir !== undefined;
    let chatDevtools: CDPSession | undefined;
    let workerProfile: Awaited<ReturnType<typeof profileServiceWorker>> | undefined;
    let traceEvents: object[] = [];
    if (profiling) {
      await devtools.send('Profiler.enable');
      await devtools.send('Profiler.start');
      // The chat page too: its reader, its overlay and the chat itself share one main thread.
      chatDevtools = await browser.context.newCDPSession(chat);
      // and the background, where a chat row becomes a committed order
      workerProfile = await profileServiceWorker(browser.userDataDir, browser.extensionId);
      await chatDevtools.send('Profiler.enable');
      await chatDevtools.send('Profiler.start');
      traceEvents = [];
      devtools.on('Tracing.dataCollected', (event) => traceEvents.push(...(event.value as object[])));
      await devtools.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
    }
    const cpuBefore = childCpuMs();
    await chat.evaluate(([rows, rate]) => (window as unknown as { chotChatPlay(r: unknown, n: number): void }).chotChatPlay(rows, rate), [
      fixtureRows(live),
      limits.rate,
    ] as const);
    await waitUntil(
      () => chat.evaluate(() => (window as unknown as { chotChatPlayer: { done(): boolean } }).chotChatPlayer.done()),
      limits.chatSeconds * 1000 + 30_000,
    );

    lap('chat');
    // 4. Until the panel and the ticker count every order, and the panel lists the newest, or the cap.
    const newest = `youtube:${liveOrders.at(-1)!.id}`;
    const caughtUp = await waitUntil(
      async () =>
        (await tickerAt(target)) &&
        (!probed || ((await tallyAt(panel, target)) && (await panel.evaluate((id) => document.querySelector(`[data-order-id="${id}"]`) !== null, newest)))),
      limits.drainMs,
    );
    lap('catching up');
    if (profiling) {
      const { profile } = await devtools.send('Profiler.stop');
      const ended = new Promise((resolve) => devtools.once('Tracing.tracingComplete', resolve));
      await devtools.send('Tracing.end');
      await ended;
      mkdirSync(limits.profileDir!, { recursive: true });
      writeFileSync(join(limits.profileDir!, `desk-${orders}-panel.trace.json`), JSON.stringify({ traceEvents }));
      writeFileSync(join(limits.profileDir!, `desk-${orders}-panel.cpuprofile`), JSON.stringify(profile));
      if (chatDevtools)
        writeFileSync(join(limits.profileDir!, `desk-${orders}-chat.cpuprofile`), JSON.stringify((await chatDevtools.send('Profiler.stop')).profile));
      await workerProfile?.stop(join(limits.profileDir!, `desk-${orders}-background.cpuprofile`));
    }
    // A panel still frozen in one task cannot hand over its notes: its figures are then "more than".
    const answered = probed
      ? await within(
          panel.evaluate(() => (window as unknown as { chotPanelProbe: { result(): PanelProbeResult } }).chotPanelProbe.result()),
          limits.answerMs,
        )
      : undefined;
    const taskMs = answered ? await panelTaskMs() : Number.NaN;
    const cpuMs = cpuBefore === null ? null : childCpuMs()! - cpuBefore;
    const probe: PanelProbeResult = answered ?? { rows: {}, stored: {}, storedAsRange: [], tally: [], longTasks: [], visibility: 'unknown' };
    // An order committed in a batch Dexie named only as a range: the last such commit before its row showed.
    const storedAt = (id: string) =>
      probe.stored[id] ?? (probe.rows[id] === undefined ? undefined : probe.storedAsRange.filter((at) => at <= probe.rows[id]!).at(-1));
    const played = await chat.evaluate(() => (window as unknown as { chotChatPlayer: { result(): ChatPlayResult } }).chotChatPlayer.result());
    const ended = performance.timeOrigin + performance.now();
    lap('notes collected');

    // 5. Each new order's latencies; one not reached by the end is "more than" the time it waited.
    const sample = (from: number, to: number | undefined): Sample =>
      to === undefined ? { ms: ended - from, atLeast: true } : { ms: to - from, atLeast: false };
    const addedAt = liveOrders.map((row) => played.added[row.id]!);
    // Every order shown: the count reached the total and, in the panel, the newest order listed.
    const shownAll = (samples: [number, number][], listed: number | undefined) => {
      const at = reachedAt(samples, target);
      return sample(played.finishedAt, at === undefined || listed === undefined ? undefined : Math.max(at, listed));
    };
    return {
      orders,
      fill: { ...fill, restoreMs, megabytes: json.length / 2 ** 20 },
      panelOpen,
      tickerOpen,
      chat: { rows: live.length, orders: liveOrders.length, buyers: new Set(liveOrders.map((row) => row.author)).size, seconds: limits.chatSeconds },
      panel: probed
        ? {
            toStored: liveOrders.map((row, k) => sample(addedAt[k]!, storedAt(`youtube:${row.id}`))),
            storedToRow: liveOrders.flatMap((row) => {
              const at = storedAt(`youtube:${row.id}`);
              return at === undefined ? [] : [sample(at, probe.rows[`youtube:${row.id}`])];
            }),
            storedToTicker: liveOrders.flatMap((row, k) => {
              const at = storedAt(`youtube:${row.id}`);
              return at === undefined ? [] : [sample(at, reachedAt(played.ticker, orders + k + 1))];
            }),
            toRow: liveOrders.map((row, k) => sample(addedAt[k]!, probe.rows[`youtube:${row.id}`])),
            toTally: addedAt.map((at, k) => sample(at, reachedAt(probe.tally, orders + k + 1))),
            longTasks: probe.longTasks.map(([, duration]) => duration),
            answered: answered !== undefined,
            allShown: shownAll(probe.tally, probe.rows[newest]),
            taskMsPerOrder: ((taskMs - taskBefore) * 1000) / liveOrders.length,
          }
        : null,
      toTicker: addedAt.map((at, k) => sample(at, reachedAt(played.ticker, orders + k + 1))),
      tickerAllShown: shownAll(played.ticker, played.finishedAt),
      chromiumCpuMsPerOrder: cpuMs === null ? null : cpuMs / liveOrders.length,
      // A panel not measured had not caught up either: the CPU counted is then a lower bound.
      costComplete: probed && !caughtUp.atLeast,
      visibility: `panel ${probe.visibility}, chat ${played.visibility}`,
      phases,
    };
  } finally {
    await browser.close();
    lap('browser closed');
    // A run whose pages reached for the network fails, whatever else happened in it.
    // eslint-disable-next-line no-unsafe-finally
    if (browser.blockedRequests.length > 0) throw new Error(`requests tried to leave the machine: ${browser.blockedRequests.join(', ')}`);
  }
}
