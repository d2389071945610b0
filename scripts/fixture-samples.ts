// Saves a page sample of each project fixture page through the extension's own button (the panel's
// "Save a page sample"), into tests/fixtures/samples/, where the page-samples end-to-end test replays them.
// Run after a build: npx tsx scripts/fixture-samples.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchExtensionBrowser } from './lib/extension-browser';
import { fixturePage, youtubeWatchPage } from './lib/fixture-pages';
import { SAMPLE_PAGES } from './lib/sample-rows';
import { saveSampleFromPanel } from './lib/save-sample';
import { PLATFORMS } from '../utils/platforms/platform';

const outDir = fileURLToPath(new URL('../tests/fixtures/samples/', import.meta.url));

for (const platform of PLATFORMS) {
  const { url, rows } = SAMPLE_PAGES[platform];
  const browser = await launchExtensionBrowser({
    headless: true,
    fixtures: (requested) => {
      if (requested.hostname !== new URL(url).hostname) return undefined;
      if (platform === 'youtube' && requested.pathname === '/watch')
        return { body: youtubeWatchPage(requested.searchParams.get('v')!, 'Vải thiều Lục Ngạn trực tiếp'), contentType: 'text/html' };
      if (platform === 'youtube' && requested.pathname !== '/live_chat') return undefined;
      if (platform !== 'youtube' && requested.pathname !== new URL(url).pathname) return undefined;
      return { body: fixturePage(platform, rows), contentType: 'text/html' };
    },
  });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    const panel = await browser.sidePanel();
    const { name, text } = await saveSampleFromPanel(panel, platform, rows.filter((row) => row.kind !== 'system').length);
    writeFileSync(`${outDir}${platform}-fixture.html`, text);
    console.log(`${name} → tests/fixtures/samples/${platform}-fixture.html`);
  } finally {
    await browser.close();
  }
}
