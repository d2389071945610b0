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
  /** YouTube: shown already deleted by a moderator (marked, text replaced). */
  deleted?: boolean;
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
 * The fixture live page of a platform (or another of its pages: Facebook's "producer", TikTok's
 * "live-classic" and "livecenter") with `rows` already on screen at load and its row builder inlined (the
 * page then needs nothing from the network).
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

const escapeHtml = (text: string) => text.replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * A continuation token as YouTube puts in the chat frame's URL: opaque (base64url of a protobuf that only
 * YouTube reads); it does not name the video in any form a reader could rely on.
 */
export function continuationToken(seed: string): string {
  return `0ofMyAN${Buffer.from(`\u0012${seed}\u001a\u0004chot`).toString('base64url')}`;
}

/**
 * A YouTube watch page embedding the chat as youtube.com/watch does: `ytd-live-chat-frame` holding the
 * `#chatframe` iframe at `/live_chat?continuation=<token>`, without `v=` (design notes §3).
 */
export function youtubeWatchPage(videoId: string, title: string, channel = 'Vườn Vải Lục Ngạn'): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} - YouTube</title></head>
<body style="margin:0;font-family:Roboto,Arial,sans-serif"><ytd-app><div id="content"><ytd-page-manager id="page-manager"><ytd-watch-flexy video-id="${escapeHtml(videoId)}" style="display:flex">
<div id="primary" style="flex:1;height:100vh;background:#111;color:#eee;display:flex;flex-direction:column;align-items:center;justify-content:center">
<div id="player">${escapeHtml(title)}</div><ytd-video-owner-renderer><div id="channel-name"><a href="/@vuonvai">${escapeHtml(channel)}</a></div></ytd-video-owner-renderer></div>
<div id="secondary"><div id="chat-container"><ytd-live-chat-frame id="chat" class="style-scope ytd-watch-flexy"><iframe id="chatframe" class="style-scope ytd-live-chat-frame" src="/live_chat?continuation=${continuationToken(videoId)}" style="width:400px;height:100vh;border:0"></iframe></ytd-live-chat-frame></div></div>
</ytd-watch-flexy></ytd-page-manager></div></ytd-app></body></html>`;
}

/**
 * YouTube Studio's live control room (`studio.youtube.com/video/ID/livestreaming`), embedding its chat as a
 * `live_chat?continuation=…` frame without `v=`, on studio.youtube.com or, cross-origin, on www.youtube.com.
 */
export function youtubeStudioPage(
  videoId: string,
  chatOrigin: 'https://studio.youtube.com' | 'https://www.youtube.com' = 'https://studio.youtube.com',
): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phòng điều khiển trực tiếp - YouTube Studio</title></head>
<body style="margin:0;font-family:Roboto,Arial,sans-serif"><ytcp-app><div id="main-container" style="display:flex">
<ytls-live-control-room-renderer style="flex:1;height:100vh;background:#282828;color:#eee;display:flex;align-items:center;justify-content:center"><div id="preview">Xem trước</div></ytls-live-control-room-renderer>
<ytls-live-chat-renderer id="chat"><iframe id="chatframe" src="${chatOrigin}/live_chat?continuation=${continuationToken(videoId)}&amp;authuser=0" style="width:380px;height:100vh;border:0"></iframe></ytls-live-chat-renderer>
</div></ytcp-app></body></html>`;
}
