// TikTok LIVE DOM (design notes §3): data-e2e attributes first, class-name fragments as fallbacks.
export const TIKTOK_SELECTORS = {
  list: ['[data-e2e="chat-room"] [class*="DivChatMessageList"]', '[data-e2e="chat-room"]', '[class*="DivChatRoomContent"]'],
  // The class fallback must match the row itself, not DivChatMessageList or DivChatMessageContent.
  row: ['[data-e2e="chat-message"]', '[data-e2e="social-message"]', '[data-e2e="gift-message"]', '[class$="-DivChatMessage"]', '[class*="-DivChatMessage "]'],
  fields: {
    author: ['[data-e2e="message-owner-name"]', '[class*="SpanNickName"]'],
    text: ['[class*="-DivComment"]', '[class*="DivComment"]'],
  },
  /** The block holding the author, whose next sibling is the comment when the comment has no class. */
  userInfo: ['[class*="DivUserInfo"]'],
  authorLink: ['a[href^="/@"]'],
  systemRow: '[data-e2e="social-message"]',
  giftRow: '[data-e2e="gift-message"]',
  giftName: ['[class*="GiftName"]', '[data-e2e="gift-name"]'],
  giftCount: ['[class*="GiftCount"]', '[data-e2e="gift-count"]'],
  /** The streamer of the room shown now: TikTok may move on to another creator's live in place. */
  hostLink: ['[data-e2e="live-host-info"] a[href^="/@"]', '[class*="DivLiveRoomUserInfo"] a[href^="/@"]', '[class*="LiveRoomUserInfo"] a[href^="/@"]'],
  hostName: ['[data-e2e="live-host-info"] [data-e2e="user-profile-nickname"]', '[data-e2e="user-profile-nickname"]', '[class*="DivLiveRoomUserInfo"] h1'],
  title: ['[data-e2e="live-title"]', '[class*="DivLiveTitle"]'],
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
