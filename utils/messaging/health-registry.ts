import type { ReaderHealth, TabHealth } from './reader-health';

/** Reports older than this are from tabs that closed or stopped reading. */
export const HEALTH_STALE_MS = 20_000;

/**
 * What each reading tab last reported, kept in the background's memory: it is about the tabs open now,
 * and every reader reports again within seconds when the service worker restarts.
 */
export class HealthRegistry {
  private readonly tabs = new Map<string, TabHealth>();

  report(tabId: number, frameId: number, url: string, health: ReaderHealth, now = Date.now()): void {
    this.tabs.set(`${tabId}:${frameId}`, { ...health, tabId, frameId, url: url.slice(0, 2000), reportedAt: now });
  }

  forgetTab(tabId: number): void {
    for (const [key, tab] of this.tabs) if (tab.tabId === tabId) this.tabs.delete(key);
  }

  list(now = Date.now()): TabHealth[] {
    for (const [key, tab] of this.tabs) if (now - tab.reportedAt > HEALTH_STALE_MS) this.tabs.delete(key);
    return [...this.tabs.values()].sort((a, b) => a.tabId - b.tabId || a.frameId - b.frameId);
  }
}
