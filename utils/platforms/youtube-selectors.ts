// YouTube live chat DOM (design notes §3). Kept as data so a site change is a one-line fix.
export const YOUTUBE_SELECTORS = {
  list: ['yt-live-chat-item-list-renderer #items', '#chat #items', '#items.yt-live-chat-item-list-renderer'],
  row: ['yt-live-chat-text-message-renderer', 'yt-live-chat-paid-message-renderer'],
  author: ['#author-name'],
  message: ['#message'],
  paidAmount: ['#purchase-amount', '#purchase-amount-chip'],
  paidRowTag: 'yt-live-chat-paid-message-renderer',
  deletedAttribute: 'is-deleted',
} as const;
