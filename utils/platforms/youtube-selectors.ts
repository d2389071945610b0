// YouTube live chat DOM (design notes §3). Kept as data so a site change is a one-line fix.
export const YOUTUBE_SELECTORS = {
  list: ['yt-live-chat-item-list-renderer #items', '#chat #items', '#items.yt-live-chat-item-list-renderer'],
  row: ['yt-live-chat-text-message-renderer', 'yt-live-chat-paid-message-renderer', 'yt-live-chat-paid-sticker-renderer', 'yt-live-chat-membership-item-renderer'],
  fields: {
    author: ['#author-name'],
    text: ['#message'],
  },
  paidAmount: ['#purchase-amount', '#purchase-amount-chip'],
  rowKinds: {
    'yt-live-chat-text-message-renderer': 'chat',
    'yt-live-chat-paid-message-renderer': 'paid',
  } as Record<string, 'chat' | 'paid' | undefined>,
  deletedAttribute: 'is-deleted',
  /** The chat view menu: its first entry is "Top chat", which hides messages. */
  viewMenuItems: ['yt-sort-filter-sub-menu-renderer tp-yt-paper-listbox a', 'yt-sort-filter-sub-menu-renderer yt-dropdown-menu a'],
  viewMenuSelected: '.iron-selected, [aria-selected="true"]',
  viewLabel: ['yt-sort-filter-sub-menu-renderer #label-text', '#view-selector #label-text', '#view-selector'],
  topChatLabels: ['top chat', 'trò chuyện hàng đầu', 'tin nhắn hàng đầu'],
  /**
   * Why a silent chat is silent. The input panel holds the message box, or instead a notice
   * (yt-live-chat-message-renderer: chat turned off, the stream is over), or a restriction or sign-in
   * prompt (members-only, "sign in to chat") — those still let everyone read, so they are not signs here.
   * Reading YouTube chat needs no login.
   */
  notices: {
    closed: ['#input-panel > yt-live-chat-message-renderer', '#input-panel yt-live-chat-message-renderer'],
    login: [],
  },
  /** On the watch page around the chat iframe. */
  channelName: ['ytd-video-owner-renderer #channel-name a', '#owner #channel-name a', 'ytd-channel-name a'],
} as const;
