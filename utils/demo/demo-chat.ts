// The demo's chat is the project's YouTube live chat fixture, the same page the end-to-end tests and
// `npm run demo` serve under youtube.com: its markup (what the YouTube adapter reads) and its row builder.
import chatPage from '../../tests/fixtures/youtube/live.html?raw';
import rowBuilderUrl from '../../tests/fixtures/youtube/rows.js?url';
import { DEMO_CHAT, type ScriptedRow } from '../../scripts/lib/simulated-lychee-chat';
import { DEMO_MESSAGE_PREFIX } from './demo-stream';

export type DemoRow = ScriptedRow & { id: string };

/** The simulated lychee chat with ids of the demo's own, so it never meets `npm run demo`'s rows. */
export const DEMO_ROWS: readonly DemoRow[] = DEMO_CHAT.map((row, index) => ({ ...row, id: `${DEMO_MESSAGE_PREFIX}${String(index + 1).padStart(3, '0')}` }));

/** What the fixture's row builder offers the page (window.chatFixture). */
export interface ChatFixture {
  add(rows: DemoRow | readonly DemoRow[]): void;
}

/**
 * Puts the YouTube-shaped chat into `target` (with its styles) and loads its row builder, resolving with it.
 * The builder is a file of the extension (a page script, as the extension's policy allows), not inline code.
 */
export async function mountDemoChat(target: HTMLElement): Promise<ChatFixture> {
  const document = target.ownerDocument;
  const page = new DOMParser().parseFromString(chatPage, 'text/html');
  for (const style of page.head.querySelectorAll('style')) document.head.append(document.importNode(style, true));
  const app = page.querySelector('yt-live-chat-app');
  const initialRows = page.getElementById('initial-rows');
  if (!app || !initialRows) throw new Error('the chat fixture has no yt-live-chat-app');
  target.append(document.importNode(app, true), document.importNode(initialRows, true));
  const script = document.createElement('script');
  script.src = rowBuilderUrl;
  await new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('the chat row builder did not load')));
    document.body.append(script);
  });
  const fixture = (document.defaultView as (Window & { chatFixture?: ChatFixture }) | null)?.chatFixture;
  if (!fixture) throw new Error('the chat row builder did not start');
  return fixture;
}

/** Empties the chat list, to play the demo again. */
export function clearDemoChat(target: HTMLElement): void {
  target.querySelector('yt-live-chat-item-list-renderer #items')?.replaceChildren();
}
