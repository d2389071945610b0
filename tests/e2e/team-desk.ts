import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../scripts/lib/extension-browser';

/**
 * What a user does on chrome://extensions → Chốt → Details → Site access → "Add a site": the page calls
 * developerPrivate.addHostPermission (Chromium's developer_private_functions.cc), which accepts http, https and
 * file origins and records the site as granted by the user. The panel's permission request for that origin is
 * then answered yes without a prompt (permissions_api.cc leaves out what the user already granted), which
 * headless Chromium could not show.
 */
export async function allowSiteInExtensionSettings(browser: ExtensionBrowser, origin: string): Promise<void> {
  const settings = await browser.context.newPage();
  await settings.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await settings.evaluate(
    async ([id, host]) => {
      const developer = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome
        .developerPrivate;
      await developer.addHostPermission(id, host);
    },
    [browser.extensionId, origin] as const,
  );
  await settings.close();
}

export interface TeamSignIn {
  role: 'host' | 'assistant';
  url: string;
  name: string;
  key?: string;
}

/** Team mode turned on in the side panel as a user does it: the form, then the button. */
export async function turnTeamOn(panel: Page, sign: TeamSignIn): Promise<void> {
  await (await fillTeamForm(panel, sign)).click();
}

/** The team form filled in; the button to turn team mode on is handed back, not yet clicked. */
export async function fillTeamForm(panel: Page, sign: TeamSignIn): Promise<Locator> {
  const section = panel.getByTestId('team-panel');
  if (!(await section.evaluate((details) => (details as HTMLDetailsElement).open))) await section.locator('summary').click();
  await section
    .locator('input[name="team-role"]')
    .nth(sign.role === 'host' ? 0 : 1)
    .check();
  await section.locator('input[name="team-url"]').fill(sign.url);
  await section.locator('input[name="team-name"]').fill(sign.name);
  if (sign.key) await section.locator('input[name="team-key"]').fill(sign.key);
  return section.getByRole('button', { name: /Turn team mode on|Bật làm việc nhóm/ });
}

export async function turnTeamOff(panel: Page): Promise<void> {
  await panel
    .getByTestId('team-panel')
    .getByRole('button', { name: /Turn team mode off|Tắt làm việc nhóm/ })
    .click();
  // the section folds away once off; the form is back inside it
  await expect(panel.locator('input[name="team-url"]')).toBeAttached();
}

export const ONLINE = /Connected to|Đã kết nối/;

/** The order history (the action log) as this desk's store has it, in a form every desk should share. */
export async function historyOf(panel: Page): Promise<string[]> {
  const actions = await panel.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('chot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('actions').objectStore('actions').getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
  return (actions as { orderId: string; kind: string; after: { status?: string }; by?: string; undone?: boolean }[])
    .map((action) => `${action.orderId} ${action.kind} ${action.after.status ?? '-'} by ${action.by ?? '?'}${action.undone ? ' (undone)' : ''}`)
    .sort();
}
