// How buyers shorten words in live chat, as data. The lexicon writes each phrase once in full ("bao nhiêu
// tiền", "được không"); every phrase is also matched with these short forms in its place ("bn tiền",
// "đc k"). A short form stands for its full form only inside a lexicon phrase, never alone: "k" after a
// number is a thousand ("50k") and "kg" after a number is a kilogram (lexicon.ts, NOT_AFTER_NUMBER).

export interface Shorthand {
  /** The words as the lexicon writes them. */
  full: string;
  /** How buyers type them: abbreviations, teencode, a dropped or changed letter. */
  short: readonly string[];
}

export const SHORTHAND: readonly Shorthand[] = [
  { full: 'bao nhiêu', short: ['bn', 'bnh', 'bnhiu', 'bnhieu', 'bao nhiu', 'nhiu', 'nhiêu', 'bao nh'] },
  { full: 'không', short: ['k', 'ko', 'kg', 'kh', 'khg', 'hk', 'hok', 'hông', 'hong', 'khum', 'hem', 'k0'] },
  { full: 'được', short: ['đc', 'dc', 'đk', 'dk', 'đươc'] },
  { full: 'vậy', short: ['v', 'z', 'zậy', 'dậy', 'vại'] },
  { full: 'gì', short: ['j', 'zì'] },
  { full: 'thế nào', short: ['tn', 'ntn', 'thế nèo'] },
  { full: 'em', short: ['e'] },
  { full: 'mình', short: ['mik', 'mk', 'mh', 'mìn'] },
  { full: 'chị', short: ['c', 'chế'] },
  { full: 'anh', short: ['a'] },
  { full: 'bạn', short: ['b'] },
  { full: 'ạ', short: ['ak', 'ạk', 'ah', 'a'] },
  { full: 'với', short: ['vs'] },
  { full: 'inbox', short: ['ib', 'ibx', 'inb'] },
  { full: 'số điện thoại', short: ['sdt', 'sđt', 'đt', 'số đt'] },
  { full: 'sản phẩm', short: ['sp'] },
  { full: 'size', short: ['sz', 'sai'] },
  { full: 'ship', short: ['sip', 'síp', 'shíp', 'sheep'] },
  { full: 'trước', short: ['trc', 'trk'] },
  { full: 'chuyển khoản', short: ['ck'] },
  { full: 'số tài khoản', short: ['stk'] },
  { full: 'công ty', short: ['cty'] },
  // not "nhiu": chat means "bao nhiêu" by it far more often
  { full: 'nhiều', short: ['nhìu'] },
  { full: 'hôm nay', short: ['hnay', 'hum nay'] },
];

/** A phrase is written out at most this many ways: every short form of every word is plenty below it. */
const MAX_SPELLINGS = 400;

/**
 * Every way a phrase (as words) is typed with the short forms in the table, the full one first.
 * "được không" → "được không", "được k", "đc không", "đc k", …
 */
export function spellings(words: readonly string[], table: readonly Shorthand[] = SHORTHAND): string[][] {
  let out: string[][] = [[]];
  let i = 0;
  while (i < words.length) {
    // the longest full form starting here ("bao nhiêu" before "bao")
    const match = table
      .map((entry) => ({ entry, full: entry.full.split(' ') }))
      .filter(({ full }) => full.every((word, w) => words[i + w] === word))
      .sort((a, b) => b.full.length - a.full.length)[0];
    const choices = match ? [match.full, ...match.entry.short.map((short) => short.split(' '))] : [[words[i]!]];
    const next: string[][] = [];
    for (const head of out) for (const choice of choices) if (next.length < MAX_SPELLINGS) next.push([...head, ...choice]);
    out = next;
    i += match ? match.full.length : 1;
  }
  return out;
}
