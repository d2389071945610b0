import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { createBackgroundRouter, type MessageSender } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { MAX_SAMPLE_BODY, type PageSample } from '../../utils/samples/page-sample';
import { answerSampleRequest } from '../../utils/samples/sample-request';
import { freshDatabase } from './test-db';
import { readerHealth } from './reader-health';

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const YT_CHAT = 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345';
const panel: MessageSender = { id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 1 }, frameId: 0 };
const report = readerHealth({ lastRowAt: 1_780_000_000_000 });
const sample: PageSample = {
  format: 'chot-page-sample',
  version: 1,
  platform: 'youtube',
  url: 'https://www.youtube.com/live_chat?v=abcdefgh',
  title: 'Xxx',
  capturedAt: 1_780_000_000_000,
  readerVersion: '0.1.0',
  listSelector: '#items',
  truncated: false,
  rows: { total: 1, read: { chat: 1 }, skipped: {} },
  body: '<body><div id="items"></div></body>',
};

function setup(answer: (tabId: number, frameId: number) => Promise<unknown>) {
  const health = new HealthRegistry();
  health.report(7, 3, YT_CHAT, report);
  const captureSample = vi.fn(answer);
  const route = createBackgroundRouter({
    db,
    health,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
    captureSample,
  });
  return { route, captureSample };
}

describe('save a page sample: panel → background → the reading frame', () => {
  it('asks the frame that reads the chat, and hands the panel the validated sample', async () => {
    const { route, captureSample } = setup(async () => sample);
    expect(await route({ type: 'save-sample', tabId: 7, frameId: 3 }, panel)).toEqual({ ok: true, sample });
    expect(captureSample).toHaveBeenCalledWith(7, 3);
  });

  it('asks no tab that is not reading a chat, and takes the command from extension pages only', async () => {
    const { route, captureSample } = setup(async () => sample);
    expect(await route({ type: 'save-sample', tabId: 8, frameId: 0 }, panel)).toMatchObject({ ok: false });
    expect(await route({ type: 'save-sample', tabId: 7, frameId: 3 }, { id: ID, url: YT_CHAT, tab: { id: 7 }, frameId: 3 })).toMatchObject({ ok: false });
    expect(captureSample).not.toHaveBeenCalled();
  });

  it.each([
    ['an oversized body', { ...sample, body: `<body>${'x'.repeat(MAX_SAMPLE_BODY)}</body>` }],
    ['a missing row count', { ...sample, rows: undefined }],
    ['another platform than the tab reads', { ...sample, platform: 'tiktok' }],
    ['no sample at all', { ok: false, error: 'not reading' }],
  ])('refuses what the page sends when it is %s', async (_name, reply) => {
    const { route } = setup(async () => reply);
    expect(await route({ type: 'save-sample', tabId: 7, frameId: 3 }, panel)).toMatchObject({ ok: false });
  });

  it('says so when the page does not answer (an old content script after an update)', async () => {
    const { route } = setup(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await route({ type: 'save-sample', tabId: 7, frameId: 3 }, panel)).toMatchObject({ ok: false, error: expect.stringContaining('reload') });
  });
});

describe('the content script answers only the extension', () => {
  it('captures for a request from the extension, ignores anything else', () => {
    const capture = vi.fn(() => sample);
    expect(answerSampleRequest({ type: 'capture-sample' }, { id: ID }, ID, capture)).toEqual(sample);
    expect(answerSampleRequest({ type: 'capture-sample' }, { id: 'other' }, ID, capture)).toBeUndefined();
    expect(answerSampleRequest({ type: 'something-else' }, { id: ID }, ID, capture)).toBeUndefined();
    expect(capture).toHaveBeenCalledTimes(1);
  });
});
