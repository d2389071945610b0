// How buyers really type (issue 14): shorthand, teencode, questions by topic, orders asked as questions or
// wishes, and stories and complaints, each next to the look-alikes it must not be confused with.
// Columns: comment, intent, question topic (null unless a question), total kg, a reason that must be given.
// Parsed against tests/fixtures/lychee-catalog.json (V1 default: thùng 10 kg, hộp 2 kg; UH: box 5 kg).
import type { Intent, QuestionTopic } from '../../utils/parser/index';

export type ChatRow = [comment: string, intent: Intent, topic: QuestionTopic | null, totalKg: number | null, reason?: RegExp];

export const SHORTHAND_ROWS: ChatRow[] = [
  // bao nhiêu: bn, bnhiu, bnh, nhiu
  ['bn 1 hộp v', 'question', 'price', 2],
  ['bnhiu 1 yến', 'question', 'price', 10],
  ['bnh 1 thùng ạ', 'question', 'price', 10],
  ['nhiu 1 ký z', 'question', 'price', 1],
  ['1 hộp bao nhiu v', 'question', 'price', 2],
  ['bn tiền 2 ký', 'question', 'price', 2],
  // không: k, ko, kg, hk, hông — as a particle at the end, or before polite words
  ['còn k', 'question', 'stock', null],
  ['còn hàng k b', 'question', 'stock', null],
  ['còn ko ạ shop', 'question', 'stock', null],
  ['ngọt hk shop', 'question', 'other', null],
  ['còn hông c', 'question', 'stock', null],
  ['có đường kg', 'question', 'other', null],
  ['có hạt to khum', 'question', 'other', null],
  ['ngon hok ad', 'question', 'other', null],
  // … and their look-alikes: kg after a number is a kilogram, k a thousand, "5 sao" five stars
  ['chốt 5kg', 'order', null, 5],
  ['lấy 2 kg nhé', 'order', null, 2],
  ['50k 1 ký', 'none', null, null],
  ['chốt 1 thùng 200k', 'order', null, 10],
  ['vải ngon 5 sao', 'none', null, null],
  ['k lấy nữa', 'cancel', null, null],
  ['hông lấy nữa nha', 'cancel', null, null],
  // ib / inbox: asking to be written to; with a phone and no order, an advert
  ['ib mình nha', 'question', 'other', null],
  ['inbox e với shop', 'question', 'other', null],
  ['ib giá nha', 'question', 'price', null],
  ['ib em 0987654321 nhé', 'none', null, null, /^spam/],
  ['ib 0912345678 chốt 2kg', 'order', null, 2],
  // sdt / đt
  ['chốt 2 thùng đt 0912 345 678', 'order', null, 20],
  ['sdt 0912345678 lấy 3kg', 'order', null, 3],
  ['xin sđt của shop', 'question', 'other', null],
  // e / em / mik / mk / mình
  ['e chốt 2kg', 'order', null, 2],
  ['mik chốt 3 ký', 'order', null, 3],
  ['mk lấy 1 thùng', 'order', null, 10],
  ['mình đặt 2 hộp', 'order', null, 4],
  ['để e 2 thùng nha', 'order', null, 20],
  ['cho mk 3 ký', 'order', null, 3],
  // a / ạ / ak
  ['cho a 2kg ạ', 'order', null, 2],
  ['chốt 2kg ak', 'order', null, 2],
  ['còn k ak', 'question', 'stock', null],
  ['2kg nha a', 'order', null, 2],
  // sp
  ['sp này còn k', 'question', 'stock', null],
  ['sp ngon lắm', 'none', null, null],
  // size / sz
  ['size to còn k', 'question', 'stock', null],
  ['sz nào ngọt hơn', 'question', 'other', null],
  ['sz 40kg', 'none', null, null],
  // ship / sip
  ['có ship sg ko', 'question', 'shipping', null],
  ['sip hn đc k', 'question', 'shipping', null],
  ['chốt 2kg ship hn nha', 'order', null, 2],
  ['ship em 3kg', 'order', null, 3],
  ['sip em 2 hộp', 'order', null, 4],
  // xin giá, tư vấn
  ['xin giá sỉ', 'question', 'price', null],
  ['xin gia 1 thung', 'question', 'price', 10],
  ['giá rẻ quá', 'none', null, null],
  ['giá ok đó shop', 'none', null, null],
  ['tư vấn cho chị', 'question', 'other', null],
  ['tư vấn giúp e với', 'question', 'other', null],
  ['shop tư vấn nhiệt tình', 'none', null, null],
];

export const TOPIC_ROWS: ChatRow[] = [
  ['giá sao ạ', 'question', 'price', null],
  ['mấy k 1 hộp', 'question', 'price', 2],
  ['1 ký 45k hả', 'question', 'price', 1],
  ['có bớt k shop', 'question', 'price', null],
  ['1 thùng mấy ký', 'question', 'other', 10],
  ['mấy giờ giao', 'question', 'shipping', null],
  ['còn 2 thùng không', 'question', 'stock', 20],
  ['có 3 tạ k', 'question', 'stock', 300],
  ['hết hàng chưa ạ', 'question', 'stock', null],
  ['phí ship bn', 'question', 'shipping', null],
  ['bao lâu thì tới', 'question', 'shipping', null],
  ['ship 2 tấn ra hn k', 'question', 'shipping', 2000],
  ['có cod k', 'question', 'payment', null],
  ['ck trước được k', 'question', 'payment', null],
  ['xin stk shop', 'question', 'payment', null],
  ['đặt cọc bao nhiêu', 'question', 'payment', null],
  ['do you take cash?', 'question', 'payment', null],
  ['any left?', 'question', 'stock', null],
  ['do you ship to Hue?', 'question', 'shipping', null],
  ['vải có chua k', 'question', 'other', null],
  ['are they sweet?', 'question', 'other', null],
];

export const ASKED_ORDER_ROWS: ChatRow[] = [
  // orders asked as questions or wishes are orders
  ['cho e 2kg đc k', 'order', null, 2, /^order asked as a question/],
  ['lấy 1 thùng được không ạ', 'order', null, 10],
  ['chốt 3 hộp đc hông', 'order', null, 6],
  ['e đặt 2 yến có được k', 'order', null, 20],
  ['could I get 3 kilos', 'order', null, 3],
  ["I'd like a quarter tonne", 'order', null, 250],
  ['could you save me 2 boxes', 'order', null, 10],
  ['can I get 2 kg?', 'order', null, 2],
  ['I would like 4 kilos', 'order', null, 4],
  ['can you keep 1 box for me?', 'order', null, 5],
  ["i'll have 2 kilos", 'order', null, 2],
  ['a quarter of a tonne please', 'order', null, 250],
  // price and stock questions with a quantity stay questions
  ['2kg bao nhiêu', 'question', 'price', 2],
  ['how much for 5 kg?', 'question', 'price', 5],
  ['lấy 2 thùng thì bao nhiêu tiền', 'question', 'price', 20],
  ['chốt 2kg giá sao', 'question', 'price', 2],
  ['còn 5kg không', 'question', 'stock', 5],
  ['can I get 3 kg, how much?', 'question', 'price', 3],
  ['2 thùng?', 'question', 'other', 20],
];

export const NARRATION_ROWS: ChatRow[] = [
  ['mua tận 3 kg ăn hết', 'none', null, null, /^story: mua tận/],
  ['đặt 2 hộp mà giao có 1', 'none', null, null, /^complaint: mà giao/],
  ['lần trước lấy 5kg', 'none', null, null, /^past: lần trước/],
  ['bữa trc mua 2 thùng', 'none', null, null, /^past: bữa trc/],
  ['hôm trc lấy 3 ký ngon lắm', 'none', null, null, /^past/],
  ['lấy 5kg về bị dập nhiều', 'none', null, null, /^complaint: bị dập/],
  ['mua 2 thùng về bán lại', 'none', null, null, /^story: bán lại/],
  ['đặt 1 tạ giao thiếu 5 ký', 'none', null, null, /^complaint: giao thiếu/],
  ['I ordered 3 kg and got one', 'none', null, null, /^past/],
  // look-alikes that are orders: "thoi" is "thôi", not "thối"; "hong" is "hông"
  ['2kg thoi', 'order', null, 2],
  ['chốt 2kg giao hàng nhanh nha', 'order', null, 2],
];

export const CHAT_ROWS: ChatRow[] = [...SHORTHAND_ROWS, ...TOPIC_ROWS, ...ASKED_ORDER_ROWS, ...NARRATION_ROWS];
