// The built-in demo stream: a simulated lychee chat played in the extension's own demo page and read by the
// real reader, so a seller sees Chốt work before going live. Its orders go to one fixed stream, labelled as a
// demo, that no real site can name or write to.
import type { StreamClaim } from '../messaging/chat-message';

/** The extension page that plays the demo: the only sender allowed to write to the demo stream. */
export const DEMO_PAGE_PATH = '/demo.html';

/**
 * The demo's stream. Its key holds a ":" that no YouTube video id has, so no real chat frame can claim it,
 * and the demo can never write into a real video's stream either (the background accepts only this key).
 */
export const DEMO_STREAM = {
  platform: 'youtube',
  key: 'chot-demo:vai-thieu',
  title: 'Demo — vải thiều Lục Ngạn',
  host: 'Chốt demo',
} as const satisfies StreamClaim;

/** Message ids of the demo's rows: distinct from any real YouTube id and from `npm run demo`'s rows. */
export const DEMO_MESSAGE_PREFIX = 'chot-demo-';

/** Whether a sender's URL is this extension's own demo page (any query or fragment; nothing else). */
export function isDemoPage(url: string | undefined, extensionOrigin: string): boolean {
  if (!url) return false;
  try {
    const page = new URL(url);
    const extension = new URL(extensionOrigin);
    return page.protocol === extension.protocol && page.host === extension.host && page.pathname === DEMO_PAGE_PATH;
  } catch {
    return false;
  }
}
