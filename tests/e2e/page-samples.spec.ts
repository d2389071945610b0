import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { SAMPLE_PAGES } from '../../scripts/lib/sample-rows';
import { saveSampleFromPanel } from '../../scripts/lib/save-sample';
import { countKinds, replaySample } from '../../scripts/lib/replay-sample';
import { parseSampleFile } from '../../utils/samples/page-sample';
import { PLATFORMS } from '../../utils/platforms/platform';
import { allFixtures } from './helpers';

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** Words of three letters or more that people typed, their ids and handles, and the phone. */
function originals(platform: (typeof PLATFORMS)[number]): string[] {
  const rows = SAMPLE_PAGES[platform].rows;
  const words = rows.flatMap((row) =>
    [row.author, row.text, row.gift ?? '', row.handle ?? '', row.profile ?? '', row.id ?? ''].flatMap((value) => value.split(/[\s/.:,]+/)),
  );
  return [...words, '0912 345 678', '0912345678', 'vuonvai', 'vaiSample01', '1234567890'].filter(
    (word) => word.length >= 3 && !/^(?:cherries|heart)$/.test(word),
  );
}

/**
 * Placeholder letters are consonants, so a word with a vowel found anywhere is a leak; placeholder digits are
 * random, so a number is a leak only as a whole number (a random 10-digit id may well contain "345").
 */
/** Whether an original word is still in the text, as a whole word: "lan" inside the attribute "lang" is not Lan. */
const survives = (text: string, word: string) =>
  /^[\d ]+$/.test(word)
    ? new RegExp(`(?<!\\d)${word}(?!\\d)`).test(text)
    : new RegExp(`(?<![\\p{L}\\p{N}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

for (const platform of PLATFORMS) {
  test(`${platform}: "Save a page sample" downloads the chat's structure with no original name, text or phone`, async () => {
    const { url, rows } = SAMPLE_PAGES[platform];
    browser = await launchExtensionBrowser({ headless: true, fixtures: allFixtures({ [platform]: () => rows }) });
    const live = await browser.context.newPage();
    await live.goto(url);
    const panel = await browser.sidePanel();
    const { name, text } = await saveSampleFromPanel(panel, platform, rows.filter((row) => row.kind !== 'system').length);

    expect(name).toMatch(new RegExp(`^chot-sample-${platform}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.html$`));
    await expect(panel.getByTestId('sample-status')).toContainText(name);
    const lower = text.toLowerCase();
    for (const word of originals(platform)) expect(survives(lower, word), word).toBe(false);
    const sample = parseSampleFile(text);
    expect(sample.platform).toBe(platform);
    expect(sample.rows.total).toBe(rows.length);
    expect(Object.values(sample.rows.read).reduce((a, b) => a + b, 0)).toBe(rows.filter((row) => row.kind !== 'system').length);
    expect(browser.blockedRequests).toEqual([]);
  });
}

// Every sample in the folder is a test: the real reader must read what the sample says it held.
const samplesDir = fileURLToPath(new URL('../fixtures/samples/', import.meta.url));
for (const file of readdirSync(samplesDir)
  .filter((name) => name.endsWith('.html'))
  .sort()) {
  test(`page sample ${file}: the reader reads every row it holds`, async () => {
    const sample = parseSampleFile(readFileSync(`${samplesDir}${file}`, 'utf8'));
    const { rows, health } = await replaySample(sample);
    const expected = Object.values(sample.rows.read).reduce((a, b) => a + b, 0);
    expect(expected, 'the sample says which rows it holds').toBeGreaterThan(0);
    expect(countKinds(rows)).toEqual(sample.rows.read);
    expect(health?.rowsSeen).toBe(expected);
    expect(health?.skipped ?? {}).toEqual(sample.rows.skipped);
    // what is read is placeholders: words of consonants only (no original text can come back from a sample)
    // ("gift" is the reader's own word for a gift whose picture has no name)
    for (const row of rows) expect(`${row.authorName} ${row.text}`.replace(/\bgift\b/g, '')).not.toMatch(/[aeiouy]/i);
  });
}
