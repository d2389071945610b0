// TikTok LIVE DOM (design notes §3): data-e2e attributes first, then class names, then structure; each list
// is tried in order. Layouts seen 2024–2026: the room with generated "css-<hash>-Div…" classes, and the
// shared LIVE chat ("live-shared-ui-…" classes, a virtual list of [data-index] rows) also used by LIVE Center.
export const TIKTOK_SELECTORS = {
  list: [
    '[data-e2e="chat-room"] [class*="DivChatMessageList"]',
    '[data-e2e="chat-room"]',
    '[class*="DivChatRoomContent"]',
    '.live-shared-ui-chat-list-scrolling-list',
    '[data-e2e="live-chat-container"]',
    '[data-e2e="public-screen-live-chat-slot"]',
    // A virtual list without known names: the element holding the [data-index] rows (-1 is a placeholder).
    ':has(> [data-index]:not([data-index="-1"]) [data-e2e="chat-message"])',
    // LIVE Center's chat: the rows side by side in one parent.
    ':has(> [data-e2e="chat-message"])',
  ],
  // The class fallback must match the row itself, not DivChatMessageList or DivChatMessageContent.
  row: ['[data-e2e="chat-message"]', '[data-e2e="social-message"]', '[data-e2e="gift-message"]', '[class$="-DivChatMessage"]', '[class*="-DivChatMessage "]'],
  fields: {
    author: ['[data-e2e="message-owner-name"]', '[class*="SpanNickName"]'],
    // Then the element after the user info, then everything after the owner-name block (tiktok.ts).
    text: ['[class*="-DivComment"]', '.live-shared-ui-chat-list-chat-message-comment'],
  },
  /** The block holding the author, whose next sibling is the comment when the comment has no class. */
  userInfo: ['[class*="DivUserInfo"]'],
  authorLink: ['a[href^="/@"]'],
  systemRow: '[data-e2e="social-message"], [class*="DivSocialMessage"]',
  /** TikTok's own notices in the list (English and Vietnamese pages), not comments. */
  systemText: [
    /^welcome to tiktok live\b/i,
    /^some comments in this live were filtered\b/i,
    /^chào mừng (bạn )?đến với tiktok live\b/i,
    /^một số bình luận (trong|ở|của) (buổi |phiên )?live này (đã )?(được|bị) lọc/i,
  ],
  giftRow: '[data-e2e="gift-message"], [class*="DivGiftMessage"]',
  giftName: ['[class*="GiftName"]', '[data-e2e="gift-name"]'],
  giftCount: ['[class*="GiftCount"]', '[data-e2e="gift-count"]'],
  /** In the shared chat a gift is a comment ending in the gift's picture and its count: "đã tặng <img>×5". */
  giftCountText: /^×\s*(\d{1,6})$/,
  /** The streamer of the room shown now: TikTok may move on to another creator's live in place. */
  hostLink: ['[data-e2e="live-host-info"] a[href^="/@"]', '[class*="DivLiveRoomUserInfo"] a[href^="/@"]', '[class*="LiveRoomUserInfo"] a[href^="/@"]'],
  hostName: ['[data-e2e="live-host-info"] [data-e2e="user-profile-nickname"]', '[data-e2e="user-profile-nickname"]', '[class*="DivLiveRoomUserInfo"] h1'],
  title: ['[data-e2e="live-title"]', '[class*="DivLiveTitle"]'],
  /** LIVE Center shows the host's own chat: their handle is the tiktok.com/@handle link outside the rows. */
  liveCenterHostLink: 'a[href^="https://www.tiktok.com/@"]',
  /**
   * Why a silent chat is silent: the comment box disabled (TikTok shows it so when the room's chat is off
   * or the page lost its connection; a reload brings it back), or a login button or link (logged out, TikTok
   * may show no chat). Public chat readers look for the same.
   */
  notices: {
    closed: ['div[contenteditable="plaintext-only"][disabled]', '[contenteditable][disabled][placeholder]'],
    login: ['[data-e2e="top-login-button"]', 'button[data-e2e*="login"]', '[data-e2e*="login-modal"]', 'a[href*="/login"]'],
  },
} as const;
