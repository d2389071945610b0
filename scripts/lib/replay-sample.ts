import type { Page } from '@playwright/test';
import type { PageSample } from '../../utils/samples/page-sample';
import type { TabHealth } from '../../utils/messaging/reader-health';
import { launchExtensionBrowser, type ExtensionBrowser, type FixtureHandler } from './extension-browser';

export interface ReplayedRow {
  authorName: string;
  text: string;
  kind: string;
  paidAmount?: string;
}

export interface ReplayResult {
  rows: ReplayedRow[];
  health: TabHealth | undefined;
  /** Requests the sample page tried to make (all refused). */
  blocked: string[];
}

const html = (body: string) => ({ body, contentType: 'text/html; charset=utf-8' });
const samePage = (a: URL, b: URL) => a.hostname === b.hostname && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');

/** The sample as a page: its body, under its own (masked) address; a frame's sample inside a page around it. */
export function sampleFixtures(sample: PageSample): FixtureHandler {
  const chat = new URL(sample.url);
  const top = sample.topUrl ? new URL(sample.topUrl) : undefined;
  const escape = (text: string) => text.replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c]!);
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(sample.title)}</title></head>${sample.body}</html>`;
  return (url) => {
    if (top && samePage(url, top) && !samePage(url, chat)) {
      return html(
        `<!doctype html><html><head><meta charset="utf-8"><title>${escape(sample.title)}</title></head><body><ytd-live-chat-frame id="chat"><iframe id="chatframe" src="${escape(sample.url)}" style="width:400px;height:90vh;border:0"></iframe></ytd-live-chat-frame></body></html>`,
      );
    }
    return samePage(url, chat) ? html(page) : undefined;
  };
}

async function readBack(panel: Page): Promise<{ rows: ReplayedRow[]; tabs: TabHealth[] }> {
  return panel.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage({ type: 'get-health' })) as { tabs?: unknown[] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chot');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      if (!db.objectStoreNames.contains('chatLog')) return resolve([]);
      // the chat log's pages (chat-log.ts), each holding a batch's rows
      const request = db.transaction('chatLog').objectStore('chatLog').getAll();
      request.onsuccess = () => resolve((request.result as { rows: Record<string, unknown>[] }[]).flatMap((page) => page.rows));
      request.onerror = () => reject(request.error);
    });
    db.close();
    all.sort((a, b) => Number(a.observedAt) - Number(b.observedAt));
    return {
      rows: all.map((m) => ({
        authorName: String(m.authorName),
        text: String(m.text),
        kind: String(m.kind),
        ...(m.paidAmount ? { paidAmount: String(m.paidAmount) } : {}),
      })),
      tabs: (reply.tabs ?? []) as never,
    };
  });
}

/**
 * Runs the built extension's real reader on a page sample served under its site address, and reads back
 * what it stored and what it reported: once the reader has reported and nothing changed for `settleMs`.
 */
export async function replaySample(sample: PageSample, options: { headless?: boolean; settleMs?: number; timeoutMs?: number } = {}): Promise<ReplayResult> {
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtensionBrowser({ headless: options.headless ?? true, fixtures: sampleFixtures(sample) });
    const page = await browser.context.newPage();
    await page.goto(sample.topUrl ?? sample.url);
    const panel = await browser.sidePanel();
    // Longer than the reader's health period (5 s), so the health read back is about the same rows.
    const settleMs = options.settleMs ?? 6000;
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    let last = '';
    let stableSince = Date.now();
    for (;;) {
      const { rows, tabs } = await readBack(panel);
      const health = tabs.find((tab) => tab.platform === sample.platform);
      const state = JSON.stringify([rows.length, health?.rowsSeen, health?.rowsStored, health?.pending]);
      if (state !== last) {
        last = state;
        stableSince = Date.now();
      }
      const settled = health !== undefined && health.pending === 0 && Date.now() - stableSince >= settleMs;
      if (settled || Date.now() > deadline) return { rows, health, blocked: [...browser.blockedRequests] };
      await panel.waitForTimeout(250);
    }
  } finally {
    await browser?.close();
  }
}

/** Rows read, counted by kind, as a page sample records them. */
export function countKinds(rows: readonly ReplayedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}
