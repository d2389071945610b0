import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CLOSED_NETWORK_ARGS, chromiumPath, closeNetwork, type FixtureHandler } from './chromium';

export type { FixtureHandler };

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Every request that tried to leave the machine (aborted). */
  blockedRequests: string[];
  sidePanel(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless: boolean;
  fixtures: FixtureHandler;
  /** Reuse a profile to test what survives a browser restart. */
  userDataDir?: string;
}

/**
 * Chromium with the built extension loaded and a closed network: fixture pages are served under their
 * real URLs by Playwright routing, every other request is aborted and recorded.
 */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  const executablePath = chromiumPath();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'chot-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CLOSED_NETWORK_ARGS],
  });
  const blockedRequests = await closeNetwork(context, options.fixtures);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    blockedRequests,
    async sidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    close: () => context.close(),
  };
}
