// Which YouTube video a chat belongs to (design notes §3). The popout names it (`live_chat?v=ID`); the chat
// beside the video and Studio's chat are frames at `live_chat?continuation=…` with no `v=`: the video is in
// the page around them (`watch?v=ID`, `/live/ID`, Studio's `/video/ID/…`).
import { siteUrl } from './site-url';

const CHAT_HOSTS = new Set(['www.youtube.com', 'studio.youtube.com']);
const PAGE_HOSTS = new Set(['www.youtube.com', 'studio.youtube.com', 'm.youtube.com']);
const VIDEO_ID = /^[\w-]{5,64}$/;
/** YouTube's continuation tokens are opaque base64url; bounded so a URL cannot smuggle anything long. */
const CONTINUATION = /^[\w\-%=.]{8,2000}$/;

export interface ChatFrameUrl {
  /** The video the URL names itself (the popout), or undefined when only the page around it knows. */
  videoId?: string;
}

/** A live chat URL (not a replay: `live_chat_replay` is a recording), with the video it names if any. */
export function parseChatUrl(url: string | undefined): ChatFrameUrl | undefined {
  const parsed = url ? siteUrl(url, CHAT_HOSTS) : undefined;
  if (!parsed || parsed.pathname !== '/live_chat') return undefined;
  const videoId = parsed.searchParams.get('v');
  if (videoId !== null) return VIDEO_ID.test(videoId) ? { videoId } : undefined;
  return CONTINUATION.test(parsed.searchParams.get('continuation') ?? '') ? {} : undefined;
}

/** The video a page around a chat frame shows: a watch page, a live page, Studio's video pages, or a popout. */
export function videoIdOfPage(url: string | undefined): string | undefined {
  const parsed = url ? siteUrl(url, PAGE_HOSTS) : undefined;
  if (!parsed) return undefined;
  const path = parsed.pathname;
  const candidate =
    path === '/watch' || path === '/live_chat'
      ? parsed.searchParams.get('v')
      : parsed.hostname === 'studio.youtube.com'
        ? /^\/video\/([^/]+)(?:\/|$)/.exec(path)?.[1]
        : /^\/live\/([^/]+)\/?$/.exec(path)?.[1];
  return candidate && VIDEO_ID.test(candidate) ? candidate : undefined;
}

/** A page of YouTube or YouTube Studio: the only top pages a chat is read in (not a frame hidden on another site). */
export function isYoutubePage(url: string | undefined): boolean {
  return (url ? siteUrl(url, PAGE_HOSTS) : undefined) !== undefined;
}

/** Whether every page around a chat frame is YouTube's or YouTube Studio's (true for a top-level chat). */
export function youtubeAncestors(ancestorOrigins: readonly string[]): boolean {
  return ancestorOrigins.every((origin) => isYoutubePage(`${origin}/`));
}

/**
 * The stream of a chat frame as the background sees it: the frame's own `v=`, else the tab's page. Undefined
 * for anything that is not a live chat frame, a tab that is not YouTube's, or a frame whose page names no video.
 */
export function chatStreamOfSender(frameUrl: string | undefined, tabUrl: string | undefined): string | undefined {
  const chat = parseChatUrl(frameUrl);
  if (!chat || !isYoutubePage(tabUrl)) return undefined;
  return chat.videoId ?? videoIdOfPage(tabUrl);
}
