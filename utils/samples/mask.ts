// Placeholders for what people wrote, so a page sample can be sent without anyone's name, words or phone.

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** Accents go with their letter; emoji presentation selectors and keycaps stay with their emoji. */
const MARK = /(?![\uFE00-\uFE0F\u20E3])\p{M}/u;

/**
 * Text of the same shape: every letter becomes x (capitals X), every digit 0, combining accents go; spaces,
 * punctuation, symbols and emoji stay (an emoji tells how a row is built, not who wrote it). So "Chốt 5 ký
 * 0912 345 678 🍒" becomes "Xxxx 0 xx 0000 000 000 🍒": the same words and lengths, none of the content.
 */
export function maskText(text: string): string {
  let out = '';
  for (const char of text) {
    if (LETTER.test(char)) out += UPPER.test(char) ? 'X' : 'x';
    else if (DIGIT.test(char)) out += '0';
    else if (!MARK.test(char)) out += char;
  }
  return out;
}

const LOWER_ASCII = 'abcdefghijklmnopqrstuvwxyz';
const pick = (alphabet: string) => alphabet[Math.floor(Math.random() * alphabet.length)]!;

/**
 * Ids, handles, path words: replaced by random ones of the same shape (digits by digits, letters by letters,
 * separators kept), the same original always by the same placeholder within one sample, so rows that shared
 * an id still do. Random rather than hashed: a hash of a short name could be guessed back.
 */
export class Pseudonyms {
  private readonly byOriginal = new Map<string, string>();
  private readonly used = new Set<string>();

  token(original: string): string {
    const known = this.byOriginal.get(original);
    if (known !== undefined) return known;
    // A short word kept as is ("client" of "client:123") only when it is a known structural prefix.
    let made: string;
    do made = original.replace(/client:|[^:@._\-/\s]/gu, (part) => (part === 'client:' ? part : this.like(part)));
    while ((made === original && /[\p{L}\p{N}]/u.test(original)) || this.used.has(made));
    this.byOriginal.set(original, made);
    this.used.add(made);
    return made;
  }

  private like(char: string): string {
    if (/\p{N}/u.test(char)) return pick('0123456789');
    if (/\p{Lu}/u.test(char)) return pick(LOWER_ASCII).toUpperCase();
    if (/\p{L}/u.test(char)) return pick(LOWER_ASCII);
    return pick(LOWER_ASCII);
  }
}

/** Hosts whose name says which site the page is (kept); any other host becomes example.invalid. */
const SITE_HOSTS = /(?:^|\.)(?:youtube\.com|facebook\.com|tiktok\.com)$/;
/** Path words that say what kind of page it is, never who it is about. */
const STRUCTURAL_SEGMENTS = new Set([
  'live_chat', 'live_chat_replay', 'watch', 'live', 'videos', 'video', 'livestreaming', 'producer', 'v2', 'dashboard',
  'profile.php', 'permalink.php', 'story.php', 'posts', 'groups', 'reel', 'reels', 'photo', 'photos', 'channel', 'embed',
]);
/** Query parameters a page's identity depends on (their values are replaced); all others are dropped. */
const KEPT_QUERY = new Set(['v', 'is_popout', 'continuation', 'comment_id', 'reply_comment_id', 'id']);
const FLAG_QUERY = new Set(['is_popout']);

/**
 * A URL of the same shape: the site, its structural path words and its identifying query names stay; names,
 * ids and tokens are placeholders; every other query parameter and the fragment go; data: URLs are emptied.
 */
export function maskUrl(value: string, pseudo: Pseudonyms): string {
  const trimmed = value.trim();
  if (/^data:/i.test(trimmed)) return 'data:,';
  if (/^(?:javascript|blob|mailto|tel):/i.test(trimmed)) return '';
  let url: URL;
  try {
    url = new URL(trimmed, 'https://relative.invalid/');
  } catch {
    return maskText(trimmed);
  }
  const relative = url.hostname === 'relative.invalid';
  const site = relative || SITE_HOSTS.test(url.hostname);
  // Another site's address says nothing about the chat's structure: only its shape is kept.
  if (!site) return `${url.protocol}//example.invalid${maskText(url.pathname)}`;
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' || STRUCTURAL_SEGMENTS.has(segment) ? segment : encodeURIComponent(placeholderOf(decoded(segment), pseudo))))
    .join('/')
    .replace(/%40/g, '@');
  const query = [...url.searchParams]
    .filter(([name]) => KEPT_QUERY.has(name))
    .map(([name, param]) => `${name}=${encodeURIComponent(FLAG_QUERY.has(name) ? param : pseudo.token(param))}`)
    .join('&');
  const tail = `${path}${query ? `?${query}` : ''}`;
  return relative ? tail : `${url.protocol}//${url.hostname}${tail}`;
}

/** TikTok's "@handle" keeps its "@". */
const placeholderOf = (segment: string, pseudo: Pseudonyms) => (segment.startsWith('@') ? `@${pseudo.token(segment.slice(1))}` : pseudo.token(segment));

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
