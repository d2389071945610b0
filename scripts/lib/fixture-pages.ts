import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../../utils/platforms/platform';

const fixtureDir = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));

/** A chat row as the fixture pages render it (each platform uses the fields it has). */
export interface FixtureRow {
  /** YouTube's row id, Facebook's comment id; TikTok rows have none. */
  id?: string;
  author: string;
  text: string;
  /** YouTube Super Chat amount; makes a paid row. */
  amount?: string;
  role?: 'moderator' | 'owner' | 'member';
  verified?: boolean;
  time?: string;
  /** TikTok: a gift or system row; the author's handle; a comment without its class fragment. */
  kind?: 'chat' | 'gift' | 'system';
  handle?: string;
  gift?: string;
  count?: number;
  plainComment?: boolean;
  /** Facebook: the id only in the timestamp link, or on the article itself (else on its parent); the author's profile link. */
  idInLink?: boolean;
  idOn?: 'article' | 'parent';
  profile?: string;
  /** Facebook: the "See more" label in the page's language. */
  moreLabel?: string;
}

/**
 * The fixture live page of a platform (or another of its pages, e.g. Facebook's "producer") with `rows`
 * already on screen at load and its row builder inlined (the page then needs nothing from the network).
 */
export function fixturePage(platform: Platform, rows: readonly FixtureRow[] = [], page = 'live'): string {
  const html = readFileSync(`${fixtureDir}${platform}/${page}.html`, 'utf8');
  const builder = readFileSync(`${fixtureDir}${platform}/rows.js`, 'utf8');
  // "<" is escaped so chat text like "</script>" cannot end the data block.
  const json = JSON.stringify(rows).replace(/</g, '\\u003c');
  return html
    .replace('<script type="application/json" id="initial-rows">[]</script>', `<script type="application/json" id="initial-rows">${json}</script>`)
    .replace('<script src="/chot-fixture/rows.js"></script>', `<script>${builder}</script>`);
}

/** A YouTube watch page embedding the chat in an iframe, as youtube.com/watch does. */
export function youtubeWatchPage(videoId: string, title: string, channel = 'Vườn Vải Lục Ngạn'): string {
  const escape = (text: string) => text.replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(title)} - YouTube</title></head>
<body style="margin:0;display:flex;font-family:Roboto,Arial,sans-serif">
<div id="player" style="flex:1;height:100vh;background:#111;color:#eee;display:flex;flex-direction:column;align-items:center;justify-content:center">
<div>${escape(title)}</div><ytd-video-owner-renderer><div id="channel-name"><a href="/@vuonvai">${escape(channel)}</a></div></ytd-video-owner-renderer></div>
<ytd-live-chat-frame id="chat"><iframe id="chatframe" src="https://www.youtube.com/live_chat?v=${encodeURIComponent(videoId)}" style="width:400px;height:100vh;border:0"></iframe></ytd-live-chat-frame>
</body></html>`;
}
