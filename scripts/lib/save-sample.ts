import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { Platform } from '../../utils/platforms/platform';

/**
 * Clicks "Save a page sample" for the platform's reading tab in the side panel, once it has read `rows`
 * rows, and returns the downloaded file.
 */
export async function saveSampleFromPanel(panel: Page, platform: Platform, rows: number): Promise<{ name: string; text: string }> {
  const tab = panel.locator(`[data-testid="health-tab"][data-platform="${platform}"]`);
  await expect(tab).toHaveAttribute('data-rows', String(rows), { timeout: 20_000 });
  const [download] = await Promise.all([panel.waitForEvent('download'), tab.getByTestId('save-sample').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
