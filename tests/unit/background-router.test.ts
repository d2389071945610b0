import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { loadSettings } from '../../utils/store/settings';
import { freshDatabase, chatRow } from './test-db';

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const route = () => createBackgroundRouter({ db, extensionId: ID, extensionOrigin: ORIGIN, catalog: () => indexCatalog(EMPTY_CATALOG) });
const batch = (messages: unknown[], title?: string) => ({ type: 'chat-batch', messages, ...(title ? { title } : {}) });

describe('background router', () => {
  it('stores chat from a live chat frame under the stream named by the frame URL', async () => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')], 'Vải thiều'), { id: ID, url: 'https://www.youtube.com/live_chat?is_popout=1&v=vid12345' });
    expect(reply).toEqual({ ok: true, stored: 1, duplicates: 0, invalid: 0 });
    expect(await db.streams.get('youtube:vid12345')).toMatchObject({ title: 'Vải thiều' });
  });

  it('accepts the host view on studio.youtube.com', async () => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')]), { id: ID, url: 'https://studio.youtube.com/live_chat?v=vid12345' });
    expect(reply).toMatchObject({ ok: true, stored: 1 });
  });

  it.each([
    ['a replay', 'https://www.youtube.com/live_chat_replay?v=vid12345'],
    ['a watch page', 'https://www.youtube.com/watch?v=vid12345'],
    ['another site', 'https://evil.example/live_chat?v=vid12345'],
    ['plain http', 'http://www.youtube.com/live_chat?v=vid12345'],
    ['no video id', 'https://www.youtube.com/live_chat'],
    ['an extension page', `${ORIGIN}sidepanel.html`],
  ])('refuses chat from %s', async (_name, url) => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')]), { id: ID, url });
    expect(reply).toEqual({ ok: false, error: 'not a supported live chat page' });
    expect(await db.messages.count()).toBe(0);
  });

  it('refuses messages from other extensions', async () => {
    const reply = await route()(batch([chatRow('m1', 'chốt 2kg')]), { id: 'someone-else', url: 'https://www.youtube.com/live_chat?v=vid12345' });
    expect(reply).toMatchObject({ ok: false });
    expect(await db.messages.count()).toBe(0);
  });

  it('refuses oversized batches whole', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => chatRow(`m${i}`, 'chốt 1kg'));
    const reply = await route()(batch(rows), { id: ID, url: 'https://www.youtube.com/live_chat?v=vid12345' });
    expect(reply).toMatchObject({ ok: false });
    expect(await db.messages.count()).toBe(0);
  });

  it('takes panel commands only from extension pages', async () => {
    await route()(batch([chatRow('m1', 'chốt 2kg')]), { id: ID, url: 'https://www.youtube.com/live_chat?v=vid12345' });
    const fromChat = await route()({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' }, { id: ID, url: 'https://www.youtube.com/live_chat?v=vid12345' });
    expect(fromChat).toMatchObject({ ok: false });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('pending');
    const fromPanel = await route()({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' }, { id: ID, url: `${ORIGIN}sidepanel.html` });
    expect(fromPanel).toEqual({ ok: true });
    expect((await db.orders.get('youtube:m1'))?.status).toBe('confirmed');
  });

  it('validates panel commands', async () => {
    const panel = { id: ID, url: `${ORIGIN}sidepanel.html` };
    expect(await route()({ type: 'decide-order', orderId: 'x', status: 'cancelled' }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'set-language', language: 'fr' }, panel)).toEqual({ ok: false, error: 'malformed message' });
    expect(await route()({ type: 'set-language', language: 'en' }, panel)).toEqual({ ok: true });
    expect(await loadSettings(db)).toEqual({ language: 'en' });
  });
});
