import type { BrowserContext, Page } from '@playwright/test';

/**
 * Moves a page's clock on without waiting: Chromium's virtual time, which (unlike Playwright's page.clock)
 * also drives the extension's content scripts, whose isolated world has its own Date. Once moved, the
 * page's time stands still between moves: timers (the reader's flush) run only while time is moved on.
 */
export async function pageClock(context: BrowserContext, page: Page): Promise<{ advance(ms: number): Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  return {
    async advance(ms) {
      const expired = new Promise<void>((resolve) => cdp.once('Emulation.virtualTimeBudgetExpired', () => resolve()));
      await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'advance', budget: ms });
      await expired;
    },
  };
}
