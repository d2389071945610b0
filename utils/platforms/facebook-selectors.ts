// Facebook Live DOM (design notes §3): class names are obfuscated and rotate, so roles and structure only.
export const FACEBOOK_SELECTORS = {
  list: ['[role="complementary"] [role="feed"]', '[role="complementary"]', '[role="feed"]', '[role="main"]'],
  row: ['[role="article"]'],
  fields: {
    author: ['a[role="link"] span[dir="auto"]', 'span[dir="auto"]'],
    text: ['div[dir="auto"]', 'span[dir="auto"]'],
  },
  /** Where a comment's id may be, on the article or an ancestor, tried in order. */
  idAttributes: ['data-commentid', 'data-comment-id', 'id'],
  idLink: 'a[href*="comment_id="]',
  profileLink: 'a[role="link"][href]',
  seeMore: '[role="button"]',
  seeMoreLabels: ['see more', 'xem thêm'],
  /** The comment order menu: these choices hide comments. */
  filterButton: ['[role="button"][aria-haspopup="menu"]', '[role="button"]'],
  hidingFilters: ['most relevant', 'phù hợp nhất', 'top comments', 'bình luận hàng đầu'],
  /**
   * Why a silent chat is silent: a login form or dialog (logged out, Facebook shows few or no comments).
   * No structural sign of closed comments is known (only translated text), so none is listed: a quiet chat
   * is still reported as quiet.
   */
  notices: {
    closed: [],
    login: ['form[action*="/login"]', 'input[type="password"][name="pass"]', '[data-testid="royal_login_form"]'],
  },
} as const;
