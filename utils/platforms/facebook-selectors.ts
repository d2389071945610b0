// Facebook Live DOM (design notes §3): class names are obfuscated and rotate, so roles and structure only.
export const FACEBOOK_SELECTORS = {
  // Comments are role="article" wherever the layout puts them (the Watch layout, the producer dashboard):
  // no role marks their list, so the whole page is watched.
  list: ['body'],
  row: ['[role="article"]'],
  fields: {
    author: ['a[role="link"] span[dir="auto"]', 'span[dir="auto"]'],
    text: ['span[dir="auto"]'],
  },
  /** One typed line of a comment's text. */
  paragraph: 'div[dir="auto"]',
  /** Where a comment's id is, on the article or its parent only: a page-root wrapper has an id too. */
  idAttributes: ['id', 'data-commentid', 'data-comment-id'],
  idLink: 'a[href*="comment_id="]',
  profileLink: 'a[role="link"][href]',
  /** "See more" is a button inside the text block, whatever its label's language. */
  seeMore: '[role="button"]',
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
