import { cleanText } from './text';
import { tokenize } from './tokenize';
import { spellings } from './shorthand';

// The order language as data (design notes §4). Each phrase is written as people type it with
// diacritics; a word typed without any diacritic matches by its letters alone ("chot" = "chốt"),
// a word typed with diacritics must match them ("mùa", season, is not "mua", buy).

export const CATEGORIES = [
  'order', 'cancel', 'change', 'question', 'yesNo', 'past', 'story', 'complaint', 'remark', 'contact', 'review', 'measure', 'otherThing',
  'spam', 'filler', 'numberLabel', 'numberNoun', 'price', 'stock', 'shipping', 'payment',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LexiconEntry {
  category: Category;
  words: string[];
  /** Only as the first word of the comment (short forms like "c" or "ch"). */
  atStart?: boolean;
  /** Only as the last word, or followed only by TAIL_WORDS (question particles like "không": "còn k shop"). */
  atEnd?: boolean;
  /** Typed without diacritics it does not match: "đã" (already) folds to "da" like "dạ" (yes). */
  diacriticsRequired?: boolean;
}

type Options = Omit<LexiconEntry, 'category' | 'words'>;
/** Each phrase as written and with the short forms of shorthand.ts in its place ("được không" → "đc k"). */
const phrases = (category: Category, list: readonly string[], options: Options = {}): LexiconEntry[] =>
  list.flatMap((phrase) => spellings(phrase.split(' ')).map((words) => ({ category, words, ...options })));

/**
 * Words that are something else right after a number: "50k" is fifty thousand, "5kg" five kilograms, "5 sao"
 * five stars. A phrase starting with one of them (a "k" for "không", a "sao" asking how) does not match there.
 */
export const NOT_AFTER_NUMBER: ReadonlySet<string> = new Set(['k', 'kg', 'sao']);

/** Words that may follow a question particle at the end: "còn k shop", "đc ko ạ", "ngọt k c". */
export const TAIL_WORDS = [
  'ạ', 'à', 'ah', 'shop', 'sốp', 'shoq', 'bạn', 'ad', 'admin', 'ơi', 'vậy', 'nhỉ', 'nhở', 'ta', 'chị', 'anh', 'em', 'hả', 'thế', 'nữa',
  'nha', 'nhé', 'nhe', 'sis', 'dạ', 'đó', 'nè', 'mn', 'mọi người', 'cả nhà', 'với', 'bác', 'cô', 'chú', 'vay', 'zay', 'hihi', 'ạa', 'please', 'pls',
];

/** What a question asks about (question-topic.ts decides between them when it names several). */
export const TOPIC_WORDS = {
  price: ['giá', 'bao nhiêu tiền', 'mấy tiền', 'nhiêu tiền', 'bao nhiêu k', 'mấy k', 'tiền', 'how much', 'price', 'cost', 'sỉ', 'giá sỉ', 'bớt', 'giảm giá',
    'có giảm', 'báo giá', 'xin giá', 'rẻ hơn', 'chiết khấu'],
  stock: ['còn', 'còn hàng', 'hết hàng', 'hết chưa', 'có sẵn', 'sẵn hàng', 'có đủ', 'đủ', 'available', 'in stock', 'left', 'sold out', 'still have',
    'have any', 'do you have'],
  shipping: ['ship', 'freeship', 'giao', 'giao hàng', 'gửi xe', 'xe khách', 'vận chuyển', 'hỏa tốc', 'hoả tốc', 'nhận hàng', 'nhận được hàng', 'bao lâu',
    'mất mấy ngày', 'mấy ngày thì tới', 'mấy ngày tới', 'mấy ngày nhận', 'deliver', 'delivery', 'shipping', 'post', 'viettel post', 'ghtk'],
  payment: ['chuyển khoản', 'cod', 'thanh toán', 'trả tiền', 'tiền mặt', 'số tài khoản', 'tài khoản', 'momo', 'zalopay', 'cọc', 'đặt cọc', 'bill',
    'trả góp', 'quẹt thẻ', 'pay', 'payment', 'cash', 'transfer', 'bank'],
} as const satisfies Record<string, readonly string[]>;
const TOPICS = ['price', 'stock', 'shipping', 'payment'] as const;

export const LEXICON: LexiconEntry[] = [
  ...phrases('order', [
    'chốt', 'chốt đơn', 'lấy', 'đặt', 'đặt hàng', 'mua', 'order', 'lên đơn', 'gửi', 'gửi em', 'xí', 'thêm', 'cho em', 'cho mình',
    'cho tôi', 'cho anh', 'cho chị', 'ship em', 'ship cho em', 'để em', 'để mình', 'để chị', 'giữ cho em', 'giữ cho mình', 'muốn lấy', 'muốn đặt',
    'sold', 'take', 'want', 'buy', 'please', 'pls', "i'll take", 'ill take', 'get me', 'book',
    // English orders asked as questions or wishes: "could I get 3 kilos", "I'd like a quarter tonne"
    'could i get', 'can i get', 'could i have', 'can i have', 'may i have', 'can i order', 'could i order', "i'd like", 'id like', 'i would like',
    'we would like', "we'd like", "i'd love", 'i would love', "i'll have", 'ill have', 'i need', 'we need', 'save me', 'could you save', 'can you save',
    'could you keep', 'can you keep', 'keep me', 'put me down for', 'reserve', 'i wanna', 'gimme',
  ]),
  ...phrases('order', ['c', 'ch', 'e'], { atStart: true }),
  ...phrases('cancel', [
    'hủy', 'huỷ', 'hủy đơn', 'không lấy nữa', 'hông lấy nữa', 'khỏi lấy', 'bỏ đơn', 'bỏ',
    'không lấy', 'không mua nữa', 'thôi không', 'cancel', "don't want", 'dont want', 'do not want',
  ]),
  ...phrases('change', ['sửa thành', 'sửa lại', 'sửa', 'đổi sang', 'đổi thành', 'đổi lại', 'đổi', 'chuyển sang', 'change to', 'make it', 'change']),
  // Asking for something: a question whatever else the comment says.
  ...phrases('question', [
    'bao nhiêu', 'mấy', 'giá', 'thế nào', 'như nào', 'như thế nào', 'còn không', 'còn hàng', 'có ship', 'ship được', 'bao lâu', 'khi nào', 'bao giờ',
    'ở đâu', 'phí ship', 'how much', 'how many', 'how long', 'price', 'what', 'where', 'when', 'gì', 'size nào', 'loại nào', 'cái nào',
    'xin giá', 'báo giá', 'xin số điện thoại', 'xin số', 'xin số tài khoản', 'xin địa chỉ', 'xin thông tin', 'xin info', 'cho em hỏi', 'cho mình hỏi',
    'cho chị hỏi', 'cho hỏi', 'hỏi chút', 'hỏi xíu', 'tư vấn cho', 'tư vấn giúp', 'tư vấn giùm', 'tư vấn dùm', 'tư vấn em', 'tư vấn mình',
    'trước hay', 'hay nhận', 'sao ạ', 'ra sao', 'là sao', 'any left',
  ]),
  ...phrases('question', ['tư vấn'], { atStart: true }),
  ...phrases('question', ['sao'], { atEnd: true }),
  // Yes/no questions: an order asked so ("cho e 2kg đc k") is still an order, anything else a question.
  ...phrases('yesNo', ['được không', 'có được không', 'được chứ', 'được hông', 'có không', 'can i', 'can you', 'could you', 'could i', 'do you', 'is there',
    'is it', 'are there', 'do u', 'can u']),
  ...phrases('yesNo', ['không', 'chưa', 'chứ', 'hả', 'hử', 'ạ không', 'không ạ', 'chưa ạ'], { atEnd: true }),
  ...phrases('past', [
    'hôm qua', 'hôm trước', 'hôm bữa', 'bữa trước', 'bữa qua', 'lần trước', 'đợt trước', 'tuần trước', 'tuần rồi', 'tháng trước', 'tháng rồi',
    'năm ngoái', 'năm trước', 'năm rồi', 'mùa trước', 'hồi trước', 'trước đây', 'yesterday', 'last week', 'last year', 'last time', 'already',
    'bought', 'ordered', 'roi', 'we sold', 'i sold', 'they sold', 'have sold', 'has sold', 'was sold', 'i got', 'got one', 'only got',
  ]),
  ...phrases('past', ['đã', 'rồi', 'từng'], { diacriticsRequired: true }),
  // A buyer's story of what they bought and ate, sold on or gave away: no order, whatever quantity it names.
  ...phrases('story', ['mua tận', 'lấy tận', 'đặt tận', 'ăn hết', 'ăn 1 lúc', 'cả nhà ăn', 'bán lại', 'hết veo', 'hết sạch', 'khen', 'ngọt lịm',
    'mấy lần rồi', 'lần nào cũng', 'chia cho', 'ở chợ', 'ngoài chợ', 'nhà em trồng', 'nhà mình trồng', 'em trồng', 'were bad', 'so good']),
  // A complaint about an order already made: "đặt 2 hộp mà giao có 1", "mua 5kg về bị dập".
  ...phrases('complaint', ['mà giao', 'giao có', 'mà nhận', 'nhận có', 'giao thiếu', 'giao nhầm', 'giao sai', 'bị dập', 'bị hư', 'hư mất', 'bị hỏng',
    'bị úng', 'chưa thấy giao', 'chưa nhận được', 'chưa thấy hàng', 'lâu quá', 'mà ship', 'toàn trái nhỏ', 'lừa đảo']),
  // typed plain these are other words: "thoi" is "thôi", "hong" is "hông" (không)
  ...phrases('complaint', ['dập', 'hư', 'hỏng', 'thối'], { diacriticsRequired: true }),
  // A word on the price, not a question about it: "giá rẻ quá", "giá ok đó".
  ...phrases('remark', ['rẻ', 'rẻ quá', 'tốt', 'ok', 'oke', 'mềm', 'hợp lý', 'đắt', 'chát', 'ổn', 'hời', 'tốt ghê', 'mắc']),
  // Asking to be written to: a question, unless a phone comes with it (an advert).
  ...phrases('contact', ['inbox', 'check inbox', 'nhắn tin', 'nhắn riêng', 'rep inbox', 'pm', 'dm']),
  // Words of a shop review or a story, not of an order typed into a live chat.
  ...phrases('review', [
    'giao hàng', 'đóng gói', 'sản phẩm', 'chất lượng', 'đánh giá', 'nhận được', 'nhận hàng', 'lần đầu', 'lần sau', 'sử dụng', 'dùng thử',
    'xài', 'hài lòng', 'shop giao', 'tư vấn', 'đáng tiền', 'khuyến mại', 'giỏi', 'trong', 'tiếng', 'được', 'bán', 'mỗi ngày', 'mỗi',
  ]),
  // A quantity right after these measures a person or a thing, not an order: "bé 12kg", "nặng 50kg".
  ...phrases('measure', ['bé', 'cháu', 'nặng', 'cân nặng', 'size', 'giảm', 'tăng', 'cao', 'tập', 'từ', 'weigh', 'weighs', 'lost', 'gained', 'lose', 'gain']),
  ...phrases('otherThing', ['yến sào', 'chốt cửa', 'tập tạ', 'cử tạ', 'nâng tạ', 'quả tạ']),
  ...phrases('spam', [
    'tham gia', 'vào nhóm', 'nhóm zalo', 'kết bạn', 'link', 'http', 'https', 'www', 'kiếm tiền', 'việc làm', 'thu nhập', 'lãi suất',
    'vay vốn', 'soạn', 'soạn tin', 'đăng ký', 'miễn phí', 'qc', 'giải ngân', 'hoa hồng', 'cộng tác viên', 'ctv',
    'tuyển', 'casino', 'cá cược', 'nhà cái',
  ]),
  // Polite and filler words that may stand beside a quantity without making it more than an order ("5kg nhé").
  ...phrases('filler', [
    'nhé', 'nhe', 'nha', 'nhá', 'ạ', 'à', 'em', 'anh', 'chị', 'mình', 'ơi', 'shop', 'sốp', 'với', 'luôn', 'ad', 'admin',
    'nữa', 'thôi', 'đi', 'ok', 'oke', 'okie', 'vâng', 'dạ', 'please', 'pls', 'of', 'for', 'me', 'i', 'x', 'mã', 'loại', 'số điện thoại', 'số', 'zalo',
    'và', 'thêm', 'giao', 'ship', 'về', 'cho', 'tôi', 'ạa', 'hihi', 'nhaa', 'ha', 'nghen', 'nhen', 'and', 'phone', 'call',
    'ngay', 'gấp', 'nhanh', 'giúp', 'giùm', 'dùm', 'hộ', 'vậy', 'thì', 'là', 'đó', 'ấy', 'này', 'nay', 'hôm nay', 'thanks', 'cảm ơn',
    'công ty', 'cần', 'xin', 'muốn', 'would', 'could', 'can', 'you', 'we', 'a', 'an', 'to', 'have', 'get', 'like', 'love', 'keep',
  ]),
  // A number after these labels something, it is not a quantity: "số 15 ngõ 4", "lần 2", "top 1".
  ...phrases('numberLabel', ['lần', 'thứ', 'top', 'hạng', 'phần', 'tập', 'mã đơn', 'đơn', 'số', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'đường', 'phường', 'quận', 'p', 'q', 'tổ', 'thôn', 'xóm', 'nhà', 'phòng', 'tầng', 'lô', 'km', 'khu', 'block', 'tòa', 'căn', 'lầu', 'ấp', 'no']),
  // A number before these counts something else, or is a time or a date: "5h", "2 lần", "3 người".
  ...phrases('numberNoun', ['h', 'giờ', 'g', 'phút', 'p', 'ngày', 'tháng', 'tiếng', 'am', 'pm', 'lần', 'tuổi', 'người', 'đơn', 'k', 'nghìn đồng', 'đồng', 'đ', 'vnd', 'tr', 'triệu', 'quả', 'trái', 'cm', 'm', 'năm', 'tuần', 'day', 'days', 'hours', 'hour', 'minutes', 'years']),
  ...TOPICS.flatMap((topic) => phrases(topic, TOPIC_WORDS[topic])),
];

export interface CompiledWord {
  key: string;
  typed: string;
}

export interface CompiledEntry extends LexiconEntry {
  compiled: CompiledWord[];
  /** The category's index in CATEGORIES. */
  slot: number;
  /** Its first word is one of NOT_AFTER_NUMBER. */
  notAfterNumber: boolean;
}

/** Entries of one first key: one-word phrases, and longer ones by their second key ("có" starts a hundred). */
export interface KeyedEntries {
  single: CompiledEntry[];
  bySecond: Map<string, CompiledEntry[]>;
}

/** Entries by the keys of their first two words: matching costs two map look-ups per word of the comment. */
export type CompiledLexicon = Map<string, KeyedEntries>;

/** Splits like the tokenizer does, so "don't" is "don", "'", "t" on both sides. */
export function compileWords(words: readonly string[]): CompiledWord[] {
  return words.flatMap((word) => {
    const cleaned = cleanText(word);
    return tokenize(cleaned).map((token) => ({ key: token.key, typed: token.text }));
  });
}

export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const byFirstKey: CompiledLexicon = new Map();
  const seen = new Set<string>();
  for (const entry of entries) {
    const words = compileWords(entry.words);
    const compiled: CompiledEntry = { ...entry, compiled: words, slot: CATEGORIES.indexOf(entry.category), notAfterNumber: NOT_AFTER_NUMBER.has(words[0]!.key) };
    // a short form may spell a phrase the list has already ("ạ" → "a")
    const identity = JSON.stringify([entry.category, compiled.compiled, entry.atStart, entry.atEnd, entry.diacriticsRequired]);
    if (seen.has(identity)) continue;
    seen.add(identity);
    const [first, second] = compiled.compiled;
    const keyed: KeyedEntries = byFirstKey.get(first!.key) ?? { single: [], bySecond: new Map() };
    byFirstKey.set(first!.key, keyed);
    if (!second) keyed.single.push(compiled);
    else keyed.bySecond.set(second.key, [...(keyed.bySecond.get(second.key) ?? []), compiled]);
  }
  return byFirstKey;
}

export const COMPILED_LEXICON = compileLexicon(LEXICON);

/** TAIL_WORDS with their short forms ("v" for "vậy", "c" for "chị"), compiled. */
export const COMPILED_TAILS: CompiledWord[][] = TAIL_WORDS.flatMap((tail) => spellings(tail.split(' ')).map((words) => compileWords(words)));
