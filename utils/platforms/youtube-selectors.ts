// YouTube live chat DOM (design notes §3). Kept as data so a site change is a one-line fix.
export const YOUTUBE_SELECTORS = {
  list: ['yt-live-chat-item-list-renderer #items', '#chat #items', '#items.yt-live-chat-item-list-renderer'],
  row: [
    'yt-live-chat-text-message-renderer',
    'yt-live-chat-paid-message-renderer',
    'yt-live-chat-paid-sticker-renderer',
    'yt-live-chat-membership-item-renderer',
  ],
  fields: {
    author: ['#author-name'],
    text: ['#message'],
  },
  paidAmount: ['#purchase-amount', '#purchase-amount-chip'],
  rowKinds: {
    'yt-live-chat-text-message-renderer': 'chat',
    'yt-live-chat-paid-message-renderer': 'paid',
  } as Record<string, 'chat' | 'paid' | undefined>,
  /** A moderator's deletion: set on a row already shown, whose text is replaced. */
  deletedAttribute: 'is-deleted',
  /**
   * A message sent from this browser first shows a temporary id, the client's message id (base64, like
   * "CMvt4Kq00u0CFQXpaAodqgQLUw0"), replaced by YouTube's id, which wraps it and is 40 characters or more
   * ("ChwKGkNJ…", recorded in get_live_chat data and counted so by public chat readers).
   */
  temporaryId: /^C[\w-]{10,38}$/,
  /** Rows shown in the pinned banner are not new chat. */
  bannerRow: '[in-banner], yt-live-chat-banner-renderer',
  bannerMark: '[in-banner]',
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
