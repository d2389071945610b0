import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  /** The welcome page the extension opened by itself on install (a fresh profile only). */
  welcome: Page | undefined;
  sidePanel(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless: boolean;
  fixtures: FixtureHandler;
  /** Reuse a profile to test what survives a browser restart. */
  userDataDir?: string;
  /** The browser's language (navigator.languages), e.g. "vi-VN"; Chromium's default otherwise. */
  locale?: string;
  /** Extra Chromium switches (e.g. a DevTools port for profiling the service worker). */
  args?: string[];
}

/**
 * The profile's languages setting (Settings → Languages), as a user's browser has it: pages the extension
 * opens at startup, before Playwright's locale emulation reaches them, see it too.
 */
function browserLanguageSetting(userDataDir: string, locale: string): void {
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  const languages = [locale, locale.split('-')[0]].filter((tag, index, all) => all.indexOf(tag) === index).join(',');
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: languages, selected_languages: languages } }));
}

const WELCOME_WAIT_MS = 15_000;

/**
 * On a fresh profile Chốt opens its welcome page when installed: waited for here, so that a tab opening a
 * moment after launch is never taken for a page a test opens.
 */
async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + WELCOME_WAIT_MS;
  for (;;) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`the welcome page did not open on install (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Chromium with the built extension loaded and a closed network: fixture pages are served under their
 * real URLs by Playwright routing, every other request is aborted and recorded.
 */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  const executablePath = chromiumPath();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'chot-profile-'));
  if (options.locale && !options.userDataDir) browserLanguageSetting(userDataDir, options.locale);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    ...(options.locale ? { locale: options.locale } : {}),
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CLOSED_NETWORK_ARGS, ...(options.args ?? [])],
  });
  const blockedRequests = await closeNetwork(context, options.fixtures);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const welcome = options.userDataDir ? undefined : await welcomePage(context, extensionId);
  return {
    context,
    extensionId,
    userDataDir,
    blockedRequests,
    welcome,
    async sidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    close: () => context.close(),
  };
}
