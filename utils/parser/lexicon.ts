import { cleanText, lexiconKey } from './text';

// Word lists of the order language (design notes §4). Each entry is a phrase of one or more words,
// written as people type them; matching uses lexicon keys (no diacritics, letter runs collapsed).
// Entries marked "exact" must match with diacritics because the folded form means something else.

export interface LexiconEntry {
  words: string[];
  /** Match the typed words with diacritics (e.g. "đã" vs "dạ", both "da" when folded). */
  exact?: boolean;
  /** Only at the start of the comment (short forms like "c" or "ch"). */
  atStart?: boolean;
  /** Only as the last word (question particles like "không"). */
  atEnd?: boolean;
}

const entries = (phrases: readonly string[], options: Omit<LexiconEntry, 'words'> = {}): LexiconEntry[] =>
  phrases.map((phrase) => ({ words: phrase.split(' '), ...options }));

export const ORDER_WORDS: LexiconEntry[] = [
  ...entries(['chốt', 'lấy', 'đặt', 'mua', 'order', 'lên đơn', 'gửi', 'xí', 'thêm', 'cho em', 'cho e', 'cho mình', 'cho mik', 'cho tôi', 'cho anh', 'cho chị', 'cho c']),
  ...entries(['sold', 'take', 'want', 'buy', 'please', "i'll take"]),
  ...entries(['c', 'ch'], { atStart: true }),
];

export const CANCEL_WORDS: LexiconEntry[] = entries([
  'hủy', 'huỷ', 'không lấy nữa', 'ko lấy nữa', 'k lấy nữa', 'kh lấy nữa', 'khỏi lấy', 'bỏ đơn', 'cancel', 'không lấy',
  'ko lấy', 'k lấy', "don't want", 'do not want',
]);

export const CHANGE_WORDS: LexiconEntry[] = entries(['sửa thành', 'sửa lại', 'đổi sang', 'đổi thành', 'đổi lại', 'change to', 'make it']);

export const QUESTION_WORDS: LexiconEntry[] = [
  ...entries(['bao nhiêu', 'bn', 'mấy', 'giá', 'nhiêu', 'thế nào', 'còn không', 'còn ko', 'còn hàng', 'được không', 'dc không', 'được ko', 'có không', 'how much', 'how many', 'price', 'is there', 'do you']),
  ...entries(['không', 'ko', 'k', 'hông', 'hok', 'chưa'], { atEnd: true }),
];

export const PAST_WORDS: LexiconEntry[] = [
  ...entries(['hôm qua', 'hôm trước', 'bữa trước', 'lần trước', 'tuần trước', 'tháng trước', 'năm ngoái', 'năm trước', 'yesterday', 'last week', 'last year', 'already', 'bought', 'ordered']),
  ...entries(['đã', 'rồi'], { exact: true }),
  ...entries(['roi']), // "da chot 2 thung roi": without diacritics "rồi" is the tell
];

/** Words that give a quantity another meaning unless an order word is there: a child's or a person's weight. */
export const OTHER_MEANING_WORDS: LexiconEntry[] = [
  ...entries(['bé', 'cháu', 'nặng', 'giảm', 'tăng'], { exact: true }),
  ...entries(['can nang']),
];

/** Phrases that are something else even next to an order word: bird's nest, a door latch, weight training. */
export const OTHER_THING_WORDS: LexiconEntry[] = [
  ...entries(['yến sào', 'chốt cửa', 'tập tạ']),
];

export const SPAM_WORDS: LexiconEntry[] = entries(['tham gia', 'vào nhóm', 'nhóm zalo', 'kết bạn', 'link', 'http', 'https', 'www', 'kiếm tiền', 'việc làm', 'thu nhập', 'lãi suất', 'vay vốn']);

/** Words that may follow a quantity without making a comment more than an order ("5kg nhé"). */
export const FILLER_WORDS: LexiconEntry[] = entries([
  'nhé', 'nhe', 'nha', 'ạ', 'a', 'em', 'e', 'anh', 'chị', 'c', 'mình', 'mik', 'mk', 'ơi', 'shop', 'với', 'luôn', 'ad', 'admin',
  'nữa', 'thôi', 'đi', 'ok', 'oke', 'nhá', 'please', 'pls', 'of', 'for', 'me', 'i', 'x', 'mã', 'loại', 'sdt', 'số', 'đt', 'zalo',
]);

export interface CompiledEntry extends LexiconEntry {
  keys: string[];
  /** The words cleaned (lower case, NFC) for exact matching. */
  exactWords: string[];
}

/** Entries indexed by their first word's key, so matching costs one map look-up per word. */
export type CompiledList = Map<string, CompiledEntry[]>;

export function compile(list: readonly LexiconEntry[]): CompiledList {
  const byFirstKey: CompiledList = new Map();
  for (const entry of list) {
    const compiled = { ...entry, keys: entry.words.map(lexiconKey), exactWords: entry.words.map(cleanText) };
    const first = compiled.keys[0] ?? '';
    byFirstKey.set(first, [...(byFirstKey.get(first) ?? []), compiled]);
  }
  return byFirstKey;
}
