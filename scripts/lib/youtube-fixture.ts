import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtureDir = fileURLToPath(new URL('../../tests/fixtures/youtube/', import.meta.url));

/** A chat row as the fixture page renders it. */
export interface FixtureRow {
  id: string;
  author: string;
  text: string;
  /** Super Chat amount; makes a paid row. */
  amount?: string;
  role?: 'moderator' | 'owner' | 'member';
  verified?: boolean;
  time?: string;
}

/** The fixture live chat page with `rows` already on screen at load and the row builder inlined. */
export function youtubeChatPage(rows: readonly FixtureRow[] = []): string {
  const html = readFileSync(`${fixtureDir}live-chat.html`, 'utf8');
  const builder = readFileSync(`${fixtureDir}live-chat-rows.js`, 'utf8');
  // "<" is escaped so chat text like "</script>" cannot end the data block.
  const json = JSON.stringify(rows).replace(/</g, '\\u003c');
  return html
    .replace('<script type="application/json" id="initial-rows">[]</script>', `<script type="application/json" id="initial-rows">${json}</script>`)
    .replace('<script src="/chot-fixture/live-chat-rows.js"></script>', `<script>${builder}</script>`);
}

/** A watch page embedding the chat in an iframe, as youtube.com/watch does. */
export function youtubeWatchPage(videoId: string, title: string): string {
  const safeTitle = title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${safeTitle} - YouTube</title></head>
<body style="margin:0;display:flex;font-family:Roboto,Arial,sans-serif">
<div id="player" style="flex:1;height:100vh;background:#111;color:#eee;display:flex;align-items:center;justify-content:center">${safeTitle}</div>
<ytd-live-chat-frame id="chat"><iframe id="chatframe" src="https://www.youtube.com/live_chat?v=${encodeURIComponent(videoId)}" style="width:400px;height:100vh;border:0"></iframe></ytd-live-chat-frame>
</body></html>`;
}
