// Placeholders for what people wrote, so a page sample can be sent without anyone's name, words or phone.

/** Accents go with their letter; emoji presentation selectors and keycaps stay with their emoji. */
const MARK = /(?![\uFE00-\uFE0F\u20E3])\p{M}/gu;
/** A word: letters (with their accents) and digits. Everything between words stays as it is. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}])*/gu;
/**
 * Placeholder letters are consonants only: no placeholder can spell a name or a word people type, so a test
 * (or a reader of the file) can tell that nothing original survived.
 */
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const pick = (alphabet: string) => alphabet[Math.floor(Math.random() * alphabet.length)]!;

/**
 * The shape of a text, for display and tests: letters as x (capitals X), digits as 0, accents dropped.
 * "Chốt 5 ký 0912 345 678 🍒" → "Xxxx 0 xx 0000 000 000 🍒".
 */
export function shapeOf(text: string): string {
  return text.replace(MARK, '').replace(/[\p{L}\p{N}]/gu, (char) => (/\p{N}/u.test(char) ? '0' : /\p{Lu}/u.test(char) ? 'X' : 'x'));
}

/**
 * Placeholders for one sample. Every word people wrote becomes a random word of the same shape (letters by
 * consonants, capitals kept, digits by digits, accents gone), the same word always by the same placeholder
 * and different words by different ones: rows that were alike stay alike and rows that differed still
 * differ, which a reader without message ids (TikTok) depends on. Spaces, punctuation, symbols and emoji
 * stay (they tell how a row is built, not who wrote it). Ids, handles and path words are treated the same,
 * with their separators kept. Random rather than hashed: a hash of a short name could be guessed back.
 */
export class Pseudonyms {
  private readonly byOriginal = new Map<string, string>();
  private readonly used = new Set<string>();

  /** A text with every word replaced. */
  text(original: string): string {
    return original.replace(WORD, (word) => this.word(word)).replace(MARK, '');
  }

  /** An id or handle: its words replaced, separators kept ("client:" of an optimistic id kept too). */
  token(original: string): string {
    return original.startsWith('client:') ? `client:${this.text(original.slice(7))}` : this.text(original);
  }

  private word(original: string): string {
    const known = this.byOriginal.get(original);
    if (known !== undefined) return known;
    const letters = original.replace(MARK, '');
    let made: string;
    // Short words have few placeholders (ten one-digit ones): after a while a placeholder may repeat.
    let tries = 0;
    do
      made = letters.replace(/./gu, (char) =>
        /\p{N}/u.test(char) ? pick('0123456789') : /\p{Lu}/u.test(char) ? pick(CONSONANTS).toUpperCase() : pick(CONSONANTS),
      );
    while (
      // Nor another original word (a placeholder that looks like someone's number would be a false alarm).
      made === letters ||
      ((this.used.has(made) || this.byOriginal.has(made)) && (tries += 1) < 50)
    );
    this.byOriginal.set(original, made);
    this.used.add(made);
    return made;
  }
}

/** Hosts whose name says which site the page is (kept); any other host becomes example.invalid. */
const SITE_HOSTS = /(?:^|\.)(?:youtube\.com|facebook\.com|tiktok\.com)$/;
/** Path words that say what kind of page it is, never who it is about. */
const STRUCTURAL_SEGMENTS = new Set([
  'live_chat',
  'live_chat_replay',
  'watch',
  'live',
  'videos',
  'video',
  'livestreaming',
  'producer',
  'v2',
  'dashboard',
  'profile.php',
  'permalink.php',
  'story.php',
  'posts',
  'groups',
  'reel',
  'reels',
  'photo',
  'photos',
  'channel',
  'embed',
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
    return pseudo.text(trimmed);
  }
  const relative = url.hostname === 'relative.invalid';
  const site = relative || SITE_HOSTS.test(url.hostname);
  // Another site's address says nothing about the chat's structure: only its shape is kept.
  if (!site) return `${url.protocol}//example.invalid${shapeOf(url.pathname)}`;
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
