import { existsSync } from 'node:fs';
import type { BrowserContext, Route } from '@playwright/test';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
  return path;
}

// Chromium's own background traffic (updates, sync, field trials) is switched off: the machine's
// network is closed, and nothing should leave it anyway.
export const CLOSED_NETWORK_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** A page the fake network serves: body and content type, or undefined to refuse the request. */
export type FixtureHandler = (url: URL) => { body: string; contentType: string } | undefined;

/** Serves fixtures under their real URLs; every other request is aborted and recorded. */
export async function closeNetwork(context: BrowserContext, fixtures: FixtureHandler): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    // The extension's own pages and scripts load from the extension package, not the network.
    if (url.protocol === 'chrome-extension:') return route.continue();
    const served = url.protocol === 'https:' ? fixtures(url) : undefined;
    if (served) await route.fulfill({ status: 200, contentType: served.contentType, body: served.body });
    else {
      blocked.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
  return blocked;
}
