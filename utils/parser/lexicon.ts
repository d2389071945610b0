import { cleanText } from './text';
import { tokenize } from './tokenize';

// The order language as data (design notes §4). Each phrase is written as people type it with
// diacritics; a word typed without any diacritic matches by its letters alone ("chot" = "chốt"),
// a word typed with diacritics must match them ("mùa", season, is not "mua", buy).

export const CATEGORIES = [
  'order', 'cancel', 'change', 'question', 'past', 'review', 'measure', 'otherThing', 'spam', 'filler', 'numberLabel', 'numberNoun',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LexiconEntry {
  category: Category;
  words: string[];
  /** Only as the first word of the comment (short forms like "c" or "ch"). */
  atStart?: boolean;
  /** Only as the last word (question particles like "không"). */
  atEnd?: boolean;
  /** Typed without diacritics it does not match: "đã" (already) folds to "da" like "dạ" (yes). */
  diacriticsRequired?: boolean;
}

type Options = Omit<LexiconEntry, 'category' | 'words'>;
const phrases = (category: Category, list: readonly string[], options: Options = {}): LexiconEntry[] =>
  list.map((phrase) => ({ category, words: phrase.split(' '), ...options }));

export const LEXICON: LexiconEntry[] = [
  ...phrases('order', [
    'chốt', 'chốt đơn', 'lấy', 'đặt', 'đặt hàng', 'mua', 'order', 'lên đơn', 'gửi', 'gửi em', 'xí', 'thêm', 'cho em', 'cho e', 'cho mình',
    'cho mik', 'cho mk', 'cho tôi', 'cho anh', 'cho chị', 'cho c', 'cho a', 'ship em', 'ship cho em', 'để em', 'để mình', 'giữ cho em',
    'sold', 'take', 'want', 'buy', 'please', 'pls', "i'll take", 'ill take', 'get me', 'book',
  ]),
  ...phrases('order', ['c', 'ch', 'e'], { atStart: true }),
  ...phrases('cancel', [
    'hủy', 'huỷ', 'hủy đơn', 'không lấy nữa', 'ko lấy nữa', 'k lấy nữa', 'kh lấy nữa', 'hông lấy nữa', 'khỏi lấy', 'bỏ đơn', 'bỏ',
    'không lấy', 'ko lấy', 'k lấy', 'không mua nữa', 'ko mua nữa', 'thôi không', 'thôi ko', 'cancel', "don't want", 'dont want', 'do not want',
  ]),
  ...phrases('change', ['sửa thành', 'sửa lại', 'sửa', 'đổi sang', 'đổi thành', 'đổi lại', 'đổi', 'chuyển sang', 'change to', 'make it', 'change']),
  ...phrases('question', [
    'bao nhiêu', 'bn', 'bnh', 'mấy', 'giá', 'nhiêu', 'thế nào', 'như nào', 'còn không', 'còn ko', 'còn hàng', 'còn k', 'được không',
    'dc không', 'đc không', 'được ko', 'đc ko', 'có không', 'có ship', 'ship được', 'bao lâu', 'khi nào', 'bao giờ', 'ở đâu', 'phí ship',
    'how much', 'how many', 'price', 'is there', 'do you', 'can you', 'can i', 'when', 'where', 'what', 'gì', 'size nào', 'loại nào', 'cái nào',
  ]),
  ...phrases('question', ['không', 'ko', 'k', 'hông', 'hok', 'chưa', 'chứ', 'hả', 'ạ không'], { atEnd: true }),
  ...phrases('past', [
    'hôm qua', 'hôm trước', 'bữa trước', 'bữa qua', 'lần trước', 'tuần trước', 'tháng trước', 'năm ngoái', 'năm trước', 'năm rồi',
    'mùa trước', 'hồi trước', 'trước đây', 'yesterday', 'last week', 'last year', 'last time', 'already', 'bought', 'ordered', 'roi',
    'we sold', 'i sold', 'they sold', 'have sold', 'has sold', 'was sold',
  ]),
  ...phrases('past', ['đã', 'rồi', 'từng'], { diacriticsRequired: true }),
  // Words of a shop review or a story, not of an order typed into a live chat.
  ...phrases('review', [
    'giao hàng', 'đóng gói', 'sản phẩm', 'chất lượng', 'đánh giá', 'nhận được', 'nhận hàng', 'lần đầu', 'lần sau', 'sử dụng', 'dùng thử',
    'xài', 'hài lòng', 'shop giao', 'tư vấn', 'đáng tiền', 'khuyến mại', 'giỏi', 'trong', 'tiếng', 'được', 'bán', 'mỗi ngày', 'mỗi',
  ]),
  // A quantity right after these measures a person or a thing, not an order: "bé 12kg", "nặng 50kg".
  ...phrases('measure', ['bé', 'cháu', 'nặng', 'cân nặng', 'size', 'sz', 'giảm', 'tăng', 'cao', 'tập', 'từ', 'weigh', 'weighs', 'lost', 'gained', 'lose', 'gain']),
  ...phrases('otherThing', ['yến sào', 'chốt cửa', 'tập tạ', 'cử tạ', 'nâng tạ', 'quả tạ']),
  ...phrases('spam', [
    'tham gia', 'vào nhóm', 'nhóm zalo', 'kết bạn', 'link', 'http', 'https', 'www', 'kiếm tiền', 'việc làm', 'thu nhập', 'lãi suất',
    'vay vốn', 'soạn', 'soạn tin', 'đăng ký', 'miễn phí', 'qc', 'giải ngân', 'hoa hồng', 'cộng tác viên', 'ctv', 'inbox em', 'ib em',
    'tuyển', 'casino', 'cá cược', 'nhà cái',
  ]),
  // Polite and filler words that may stand beside a quantity without making it more than an order ("5kg nhé").
  ...phrases('filler', [
    'nhé', 'nhe', 'nha', 'nhá', 'ạ', 'à', 'a', 'em', 'e', 'anh', 'chị', 'c', 'mình', 'mik', 'mk', 'ơi', 'shop', 'sốp', 'với', 'luôn', 'ad', 'admin',
    'nữa', 'thôi', 'đi', 'ok', 'oke', 'okie', 'vâng', 'dạ', 'please', 'pls', 'of', 'for', 'me', 'i', 'x', 'mã', 'loại', 'sdt', 'số', 'đt', 'zalo',
    'và', 'với', 'thêm', 'giao', 'ship', 'về', 'cho', 'tôi', 'ạa', 'hihi', 'nhaa', 'ha', 'nghen', 'nhen', 'và', 'and', 'sđt', 'phone', 'call',
    'luôn', 'ngay', 'gấp', 'nhanh', 'giúp', 'giùm', 'dùm', 'hộ', 'vậy', 'thì', 'là', 'đó', 'ấy', 'này', 'nay', 'hôm nay', 'thanks', 'cảm ơn',
  ]),
  // A number after these labels something, it is not a quantity: "số 15 ngõ 4", "lần 2", "top 1".
  ...phrases('numberLabel', ['lần', 'thứ', 'top', 'hạng', 'phần', 'tập', 'mã đơn', 'đơn', 'số', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'đường', 'phường', 'quận', 'p', 'q', 'tổ', 'thôn', 'xóm', 'nhà', 'phòng', 'tầng', 'lô', 'km', 'khu', 'block', 'tòa', 'căn', 'lầu', 'ấp', 'no']),
  // A number before these counts something else, or is a time or a date: "5h", "2 lần", "3 người".
  ...phrases('numberNoun', ['h', 'giờ', 'g', 'phút', 'p', 'ngày', 'tháng', 'tiếng', 'am', 'pm', 'lần', 'tuổi', 'người', 'đơn', 'k', 'nghìn đồng', 'đồng', 'đ', 'vnd', 'tr', 'triệu', 'quả', 'trái', 'cm', 'm', 'năm', 'tuần', 'day', 'days', 'hours', 'hour', 'minutes', 'years']),
];

export interface CompiledWord {
  key: string;
  typed: string;
}

export interface CompiledEntry extends LexiconEntry {
  compiled: CompiledWord[];
}

/** Entries by the key of their first word: matching costs one map look-up per word of the comment. */
export type CompiledLexicon = Map<string, CompiledEntry[]>;

/** Splits like the tokenizer does, so "don't" is "don", "'", "t" on both sides. */
export function compileWords(words: readonly string[]): CompiledWord[] {
  return words.flatMap((word) => {
    const cleaned = cleanText(word);
    return tokenize(cleaned).map((token) => ({ key: token.key, typed: token.text }));
  });
}

export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const byFirstKey: CompiledLexicon = new Map();
  for (const entry of entries) {
    const compiled = { ...entry, compiled: compileWords(entry.words) };
    const first = compiled.compiled[0]!.key;
    const list = byFirstKey.get(first);
    if (list) list.push(compiled);
    else byFirstKey.set(first, [compiled]);
  }
  return byFirstKey;
}

export const COMPILED_LEXICON = compileLexicon(LEXICON);
