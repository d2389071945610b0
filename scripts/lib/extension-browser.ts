import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route } from '@playwright/test';

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** A page the fake network serves: body and content type, or undefined to refuse the request. */
export type FixtureHandler = (url: URL) => { body: string; contentType: string } | undefined;

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
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'chot-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    // The extension's own pages and scripts load from the extension package, not the network.
    if (url.protocol === 'chrome-extension:') return route.continue();
    const served = url.protocol === 'https:' ? options.fixtures(url) : undefined;
    if (served) await route.fulfill({ status: 200, contentType: served.contentType, body: served.body });
    else {
      blockedRequests.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
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
