import type { ReaderHealth, TabHealth } from './reader-health';

/** Reports older than this are from tabs that closed or stopped reading. */
export const HEALTH_STALE_MS = 20_000;

/**
 * What each reading tab last reported, kept in the background's memory: it is about the tabs open now,
 * and every reader reports again within seconds when the service worker restarts.
 */
export class HealthRegistry {
  private readonly tabs = new Map<string, TabHealth>();

  /** `onReading` hears when a tab starts or stops having a chat read in it (the toolbar icon shows it). */
  constructor(private readonly onReading?: (tabId: number, reading: boolean) => void) {}

  report(tabId: number, frameId: number, url: string, health: ReaderHealth, now = Date.now()): void {
    const wasReading = this.isReading(tabId);
    this.tabs.set(`${tabId}:${frameId}`, { ...health, tabId, frameId, url: url.slice(0, 2000), reportedAt: now });
    if (!wasReading) this.onReading?.(tabId, true);
    this.sweep(now);
  }

  forgetTab(tabId: number): void {
    const wasReading = this.isReading(tabId);
    for (const [key, tab] of this.tabs) if (tab.tabId === tabId) this.tabs.delete(key);
    if (wasReading) this.onReading?.(tabId, false);
  }

  list(now = Date.now()): TabHealth[] {
    this.sweep(now);
    return [...this.tabs.values()].sort((a, b) => a.tabId - b.tabId || a.frameId - b.frameId);
  }

  private isReading(tabId: number): boolean {
    for (const tab of this.tabs.values()) if (tab.tabId === tabId) return true;
    return false;
  }

  /** Drops reports gone stale; a tab left with none has stopped being read. */
  private sweep(now: number): void {
    const stopped = new Set<number>();
    for (const [key, tab] of this.tabs) {
      if (now - tab.reportedAt <= HEALTH_STALE_MS) continue;
      this.tabs.delete(key);
      stopped.add(tab.tabId);
    }
    for (const tabId of stopped) if (!this.isReading(tabId)) this.onReading?.(tabId, false);
  }
}
