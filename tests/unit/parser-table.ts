// Comments written for the project the way Vietnamese livestream buyers type them, and English ones.
// Columns: comment, expected intent, expected total kg (null: unknown or not an order), expected phone.
// Parsed against tests/fixtures/lychee-catalog.json:
//   V1 (default, kg): thùng 10 kg, hộp 2 kg · V2 (thùng): thùng 12 kg, giỏ 5 kg · UH "u hồng": box 5 kg, túi 1 kg.
export type Intent = 'order' | 'cancel' | 'change' | 'question' | 'none';
export type Row = [comment: string, intent: Intent, totalKg: number | null, phone: string | null];

const P = '0912345678';

export const MASS_ROWS: Row[] = [
  ['chốt 2kg', 'order', 2, null], ['chốt 2 kg', 'order', 2, null], ['lấy 5 ký', 'order', 5, null], ['lấy 5 kí', 'order', 5, null],
  ['mua 3 cân', 'order', 3, null], ['đặt 4 ki', 'order', 4, null], ['chốt 1 kilo', 'order', 1, null], ['lấy 2 kilôgam', 'order', 2, null],
  ['chốt 5 lạng', 'order', 0.5, null], ['lấy 8 lạng', 'order', 0.8, null], ['đặt 2 yến', 'order', 20, null], ['lấy 1 tạ', 'order', 100, null],
  ['công ty em đặt 5 tấn', 'order', 5000, null], ['chốt 500g', 'order', 0.5, null], ['lấy 300 gram', 'order', 0.3, null], ['mua 700 gam', 'order', 0.7, null],
  ['chốt 1 tạ 5', 'order', 150, null], ['chốt 3 tấn 2', 'order', 3200, null], ['lấy 2 yến rưỡi', 'order', 25, null], ['lấy ký rưỡi', 'order', 1.5, null],
  ['lấy nửa tạ', 'order', 50, null], ['chốt nửa yến', 'order', 5, null], ['chốt 2 ký 3', 'order', 2.3, null], ['lấy 1 yến 5', 'order', 15, null],
  ['chốt 2 tạ rưỡi', 'order', 250, null], ['đặt 1 tấn rưỡi', 'order', 1500, null], ['chốt 3 ký rưỡi', 'order', 3.5, null], ['lấy tạ rưỡi', 'order', 150, null],
  ['chốt 2,5kg', 'order', 2.5, null], ['chốt 2.5 kg', 'order', 2.5, null], ['lấy 1,2 tấn', 'order', 1200, null], ['mua 0,5 tạ', 'order', 50, null],
  ['chốt 1.000kg', 'order', 1000, null], ['chốt 10kg', 'order', 10, null], ['lấy 15 ký', 'order', 15, null], ['đặt 100kg', 'order', 100, null],
  ['mua 20 ký', 'order', 20, null], ['chốt 2kg 3kg', 'order', 5, null], ['lấy 2 yến 5 ký', 'order', 25, null], ['chốt 1 tạ và 2 yến', 'order', 120, null],
  ['lên đơn 4kg', 'order', 4, null], ['gửi em 3 ký', 'order', 3, null], ['xí 1 ký', 'order', 1, null], ['order 3kg', 'order', 3, null],
  ['cho em 2 ký', 'order', 2, null], ['cho mình 3kg', 'order', 3, null], ['cho mik 2kg', 'order', 2, null], ['cho chị 4 ký', 'order', 4, null],
  ['để em 5kg nhé', 'order', 5, null], ['giữ cho em 2 ký', 'order', 2, null], ['chốt đơn 6kg', 'order', 6, null], ['đặt hàng 7 ký', 'order', 7, null],
  ['ship em 3kg', 'order', 3, null], ['dạ chốt 2kg ạ', 'order', 2, null], ['vậy chốt 2 ký nhé', 'order', 2, null], ['ok chốt 4kg', 'order', 4, null],
  ['lấy cho em 2 ký', 'order', 2, null], ['em lấy 3 ký nhé', 'order', 3, null], ['chị ơi em lấy 2 yến', 'order', 20, null], ['shop ơi chốt em 5kg', 'order', 5, null],
  ['5kg', 'order', 5, null], ['5 ký nhé', 'order', 5, null], ['2 yến ạ', 'order', 20, null], ['3kg nha shop', 'order', 3, null],
  ['1 tạ', 'order', 100, null], ['ký rưỡi thôi ạ', 'order', 1.5, null], ['2kg chốt nhé', 'order', 2, null], ['7 ký ạ', 'order', 7, null],
];

export const PACKAGE_ROWS: Row[] = [
  ['chốt 2 thùng', 'order', 20, null], ['chot 2 thung', 'order', 20, null], ['lấy 3 hộp', 'order', 6, null], ['chốt 1 thùng 1 hộp', 'order', 12, null],
  ['lấy 2 giỏ', 'order', 10, null], ['lấy 2 giỏ 1 thùng', 'order', 20, null], ['chốt 2 thùng rưỡi', 'order', 25, null], ['xí 1 thùng', 'order', 10, null],
  ['xi 1 thung', 'order', 10, null], ['c 2 thùng', 'order', 20, null], ['ch 2 hộp', 'order', 4, null], ['thêm 1 thùng nữa', 'order', 10, null],
  ['thêm 2 hộp', 'order', 4, null], ['cho em 2 hộp', 'order', 4, null], ['lấy 5 túi', 'order', 5, null], ['2 thùng ạ', 'order', 20, null],
  ['chốt 2 thùng 3kg', 'order', 23, null], ['lấy thùng rưỡi', 'order', 15, null], ['chốt 10 thùng', 'order', 100, null], ['chốt 2 chùm', 'order', null, null],
  ['lấy 3 bao', 'order', null, null], ['lấy 1 két', 'order', null, null], ['chốt 2 sọt', 'order', null, null], ['mua 4 khay', 'order', null, null],
  ['lấy 2 thung 1 hop', 'order', 22, null], ['chốt 2 THÙNG', 'order', 20, null], ['2thùng', 'order', 20, null], ['lấy2thùng', 'order', 20, null],
  ['chốt hai thùng', 'order', 20, null], ['lấy một hộp', 'order', 2, null], ['chốt 2 thùng nhé shop ơi', 'order', 20, null], ['c 1 hop', 'order', 2, null],
  ['lấy 2 hộp + 1 thùng', 'order', 14, null], ['chốt 1 thùng, 2 hộp', 'order', 14, null], ['chốt: 2 thùng', 'order', 20, null], ['chốt - 3 hộp', 'order', 6, null],
];

export const NUMBER_WORD_ROWS: Row[] = [
  ['lấy hai ký', 'order', 2, null], ['chốt ba ký', 'order', 3, null], ['lấy bốn ký', 'order', 4, null], ['chốt năm ký', 'order', 5, null],
  ['lấy sáu ký', 'order', 6, null], ['chốt bảy ký', 'order', 7, null], ['lấy tám ký', 'order', 8, null], ['chốt chín ký', 'order', 9, null],
  ['lấy mười ký', 'order', 10, null], ['chốt một chục ký', 'order', 10, null], ['lấy hai chục ký', 'order', 20, null], ['chốt mười lăm ký', 'order', 15, null],
  ['chốt hai mươi lăm ký', 'order', 25, null], ['lay hai muoi lam ky', 'order', 25, null], ['lấy hai mươi mốt ký', 'order', 21, null], ['chốt ba mươi tư ký', 'order', 34, null],
  ['đặt một trăm ký', 'order', 100, null], ['đặt một trăm linh năm ký', 'order', 105, null], ['đặt hai trăm năm mươi ký', 'order', 250, null], ['lấy một nghìn ký', 'order', 1000, null],
  ['lấy hai ngàn ký', 'order', 2000, null], ['chốt một tấn', 'order', 1000, null], ['chốt hai tạ', 'order', 200, null], ['lấy ba yến', 'order', 30, null],
  ['mười nhăm ký nhé', 'order', 15, null], ['chốt năm lạng', 'order', 0.5, null], ['lấy hai thùng', 'order', 20, null], ['lấy một thùng rưỡi', 'order', 15, null],
  ['ba ký ạ', 'order', 3, null], ['chốt một tạ rưỡi', 'order', 150, null],
];

export const PRODUCT_ROWS: Row[] = [
  ['chốt V1 2kg', 'order', 2, null], ['chốt v2 2 thùng', 'order', 24, null], ['chốt V2 1 giỏ', 'order', 5, null], ['mã V2 3 thùng', 'order', 36, null],
  ['chốt V1 2kg V2 3kg', 'order', 5, null], ['v1 x2 thùng', 'order', 20, null], ['V2 x3', 'order', 36, null], ['chốt v1 x5', 'order', 5, null],
  ['lấy loại 2 hai thùng', 'order', 24, null], ['chốt loại 2 1 thùng', 'order', 12, null], ['loại 1 5kg', 'order', 5, null], ['chốt u hồng 2 box', 'order', 10, null],
  ['lấy vải sớm 3kg', 'order', 3, null], ['chốt 2 box u hồng', 'order', 10, null], ['chốt 2 thùng V2', 'order', 24, null], ['2kg UH', 'order', 2, null],
  ['chốt 3', 'order', 3, null], ['lấy 2 nhé', 'order', 2, null], ['chốt v2 2', 'order', 24, null], ['chốt UH 4', 'order', 4, null],
  ['chốt 5 túi u hồng', 'order', 5, null], ['lấy 2 hộp V1', 'order', 4, null], ['mã v1 3kg', 'order', 3, null], ['v2 2 thùng + v1 1 thùng', 'order', 34, null],
  ['chốt chốt 2 thùng', 'order', 20, null], ['chốt V2 x 2', 'order', 24, null], ['x2 thùng', 'order', 20, null], ['chốt 2 giỏ loại 2', 'order', 10, null],
];

export const INTENT_ROWS: Row[] = [
  // add-on
  ['thêm 1 thùng nữa', 'order', 10, null], ['thêm 2kg', 'order', 2, null], ['cho em thêm 2 ký nữa', 'order', 2, null], ['them 1 thung nua', 'order', 10, null],
  // cancel
  ['hủy đơn', 'cancel', null, null], ['huy don', 'cancel', null, null], ['huỷ giúp em', 'cancel', null, null], ['hủy', 'cancel', null, null],
  ['thôi em không lấy nữa', 'cancel', null, null], ['thoi em khong lay nua', 'cancel', null, null], ['ko lấy nữa', 'cancel', null, null], ['k lay nua', 'cancel', null, null],
  ['kh lấy nữa nhé', 'cancel', null, null], ['bỏ đơn nhé', 'cancel', null, null], ['bo don', 'cancel', null, null], ['em không lấy nữa shop ơi', 'cancel', null, null],
  ['hủy 2 thùng', 'cancel', 20, null], ['hủy đơn 5kg', 'cancel', 5, null], ['không mua nữa', 'cancel', null, null], ['thôi ko lấy', 'cancel', null, null],
  ['cancel my order', 'cancel', null, null], ['cancel', 'cancel', null, null], ["I don't want it anymore", 'cancel', null, null], ['please cancel 2 kg', 'cancel', 2, null],
  // change
  ['sửa thành 3kg', 'change', 3, null], ['sua thanh 3kg', 'change', 3, null], ['đổi sang 2 thùng', 'change', 20, null], ['doi sang 2 thung', 'change', 20, null],
  ['đổi thành 5 ký', 'change', 5, null], ['sửa lại 4kg nhé', 'change', 4, null], ['đổi lại 1 thùng', 'change', 10, null], ['chuyển sang 2 hộp', 'change', 4, null],
  ['change to 3 kg', 'change', 3, null], ['make it 2 boxes', 'change', 10, null], ['sửa đơn thành 6kg', 'change', 6, null], ['đổi 2 thùng thành 3 thùng', 'change', 50, null],
  // question
  ['5kg bao nhiêu tiền?', 'question', 5, null], ['5kg bao nhieu tien', 'question', 5, null], ['1 hộp mấy ký', 'question', 2, null], ['1 hop may ky', 'question', 2, null],
  ['giá sao shop?', 'question', null, null], ['có ship 2 tấn ra Hà Nội không', 'question', 2000, null], ['còn hàng không shop', 'question', null, null], ['1 thùng bn tiền', 'question', 10, null],
  ['ship Sài Gòn được không', 'question', null, null], ['vải này ngọt không', 'question', null, null], ['thùng mấy ký vậy', 'question', null, null], ['bao giờ giao hàng ạ', 'question', null, null],
  ['phí ship bao nhiêu', 'question', null, null], ['1 tạ giá sao', 'question', 100, null], ['có 5kg không', 'question', 5, null], ['chốt 2 thùng được ko', 'order', 20, null], // an order asked as a question (issue 14)
  ['ở đâu vậy shop', 'question', null, null], ['how much for 2 kg', 'question', 2, null], ['how much is a box?', 'question', 5, null], ['can you ship to Hanoi?', 'question', null, null],
  ['còn ko ạ', 'question', null, null], ['nhiêu 1 ký', 'question', 1, null], ['giá 1kg thế nào', 'question', 1, null], ['2 thùng?', 'question', 20, null],
];

export const NOT_ORDER_ROWS: Row[] = [
  // the past
  ['hôm qua mua 10kg ngon lắm', 'none', null, null], ['hom qua mua 10kg', 'none', null, null], ['đã chốt 2 thùng rồi', 'none', null, null], ['da chot 2 thung roi', 'none', null, null],
  ['năm ngoái bán 5 tấn', 'none', null, null], ['lần trước mua 3kg ăn ngon', 'none', null, null], ['tuần trước đặt 2 thùng chưa thấy giao', 'none', null, null], ['em đã mua 5 ký rồi', 'none', null, null],
  ['mình chốt rồi nha', 'none', null, null], ['hôm trước lấy 1 tạ', 'none', null, null], ['bữa trước mua 2 thùng', 'none', null, null], ['năm trước lấy 3 tấn', 'none', null, null],
  ['I bought 10 kg yesterday', 'none', null, null], ['already ordered 2 boxes', 'none', null, null], ['last year we sold 5 tonnes', 'none', null, null], ['mua 2kg rồi', 'none', null, null],
  // other meanings
  ['chốt cửa cẩn thận', 'none', null, null], ['nhớ chốt cửa nhé', 'none', null, null], ['yến sào khánh hòa', 'none', null, null], ['mua 1 hộp yến sào', 'none', null, null],
  ['tập tạ 20kg mỗi ngày', 'none', null, null], ['em tập tạ 10 ký', 'none', null, null], ['bé nhà mình 12kg', 'none', null, null], ['mình nặng 50kg', 'none', null, null],
  ['cháu em 15kg rồi', 'none', null, null], ['em giảm được 4kg', 'none', null, null], ['tăng 2kg sau tết', 'none', null, null], ['size 40-50kg', 'none', null, null],
  ['bé 3 tuổi 14kg', 'none', null, null], ['cân nặng 60kg mặc size gì', 'question', null, null], ['mình cao 1m6 nặng 55kg', 'none', null, null], ['cử tạ 100kg', 'none', null, null],
  ['mùa này 5kg', 'none', null, null], ['2 căn nhà', 'none', null, null], ['3 tá bút', 'none', null, null], ['nhà em 2 tân', 'none', null, null],
  // narration and chatter
  ['54 tấn trong 6 tiếng, giỏi quá', 'none', null, null], ['bán được 3 tấn rồi kìa', 'none', null, null], ['vườn nhà em năm nay được 2 tấn', 'none', null, null], ['mỗi cây được 50kg', 'none', null, null],
  ['vải ngon quá', 'none', null, null], ['hello shop', 'none', null, null], ['chào cả nhà', 'none', null, null], ['😍😍😍', 'none', null, null],
  ['', 'none', null, null], ['   ', 'none', null, null], ['chốt', 'none', null, null], ['chốt chốt chốt', 'none', null, null],
  ['ủng hộ shop', 'none', null, null], ['live hay quá', 'none', null, null], ['❤️❤️', 'none', null, null], ['haha', 'none', null, null],
  ['shop xinh quá', 'none', null, null], ['vải Lục Ngạn số 1', 'none', null, null], ['top 1 luôn', 'none', null, null], ['2 năm rồi mới thấy vải ngon vậy', 'none', null, null],
  ['em xem từ 8h', 'none', null, null], ['follow rồi nhé', 'none', null, null], ['xin chào từ Đà Nẵng', 'none', null, null], ['vải 5 sao', 'none', null, null],
  // addresses, dates, times
  ['giao ngày 15/6 nhé', 'none', null, null], ['trước 5h chiều', 'none', null, null], ['số 15 ngõ 4 Trần Duy Hưng', 'none', null, null], ['giao 8:30 sáng', 'none', null, null],
  ['phòng 302 tầng 3', 'none', null, null], ['quận 7', 'none', null, null], ['chốt, giao số 15 ngõ 4', 'none', null, null], ['lấy 2kg giao số 15 ngõ 4', 'order', 2, null],
  ['chốt 2 thùng giao ngày 20/6', 'order', 20, null], ['chốt 3kg giao trước 5h', 'order', 3, null], ['30/4 nghỉ ạ', 'none', null, null], ['chốt lúc 9h', 'none', null, null],
  ['2 người ăn', 'none', null, null], ['50k 1 ký à', 'none', null, null], ['chốt 2 lần', 'none', null, null], ['100%', 'none', null, null],
  // spam carrying phone numbers
  ['tham gia nhóm zalo 0912345678 kiếm tiền', 'none', null, P], ['vay vốn lãi suất thấp 0912345678', 'none', null, P], ['kết bạn zalo 0987654321', 'none', null, '0987654321'], ['link nhóm: http://bit.ly/x', 'none', null, null],
  ['tuyển CTV bán hàng 0912345678', 'none', null, P], ['việc làm online thu nhập 10tr', 'none', null, null], ['soạn tin gửi 1079', 'none', null, null], ['inbox em 0912345678 nhé', 'none', null, P],
  ['0123456789', 'none', null, null], ['<script>alert(1)</script>', 'none', null, null], ['www.abc.com chốt 5kg', 'none', null, null], ['nhà cái uy tín', 'none', null, null],
];

export const TYPING_ROWS: Row[] = [
  ['CHỐT 2 THÙNG', 'order', 20, null], ['CHOT 2 THUNG', 'order', 20, null], ['Chốt 5Kg', 'order', 5, null], ['LẤY 3 KÝ', 'order', 3, null],
  ['chốttt 3 thùng', 'order', 30, null], ['chốttttt 2kg', 'order', 2, null], ['lấyyy 2 ký', 'order', 2, null], ['choootttt 1kg', 'order', 1, null],
  ['chốt5kg', 'order', 5, null], ['lấy2thùng', 'order', 20, null], ['chot10kg', 'order', 10, null], ['c5kg', 'order', 5, null],
  ['chốt chốt 2 thùng', 'order', 20, null], ['chốt 2 thùng chốt', 'order', 20, null], ['c 2kg', 'order', 2, null], ['ch 3kg', 'order', 3, null],
  ['e lấy 2kg', 'order', 2, null], ['e 2 thùng', 'order', 20, null], ['mik lấy 3 ký', 'order', 3, null], ['mk chốt 4kg', 'order', 4, null],
  ['xí 2 ký', 'order', 2, null], ['xi 2ky', 'order', 2, null], ['chốt 2 👍', 'order', 2, null], ['🍒 chốt 3kg 🍒🍒', 'order', 3, null],
  ['chốt!!! 2kg', 'order', 2, null], ['...chốt 2kg...', 'order', 2, null], ['chốt 2kg!!!', 'order', 2, null], ['(chốt 2 thùng)', 'order', 20, null],
  ['chốt\u200b 2kg', 'order', 2, null], ['\u200bchốt\u200b 4 ký\u200b', 'order', 4, null], ['chốt\u00a02kg', 'order', 2, null], ['chốt\t2kg', 'order', 2, null],
  ['chôt 2kg', 'none', null, null], ['chot 2 ky nhe', 'order', 2, null], ['lay 5 ky nha', 'order', 5, null], ['mua 3 ki nha shop', 'order', 3, null],
  ['dat 2 yen', 'order', 20, null], ['lay 1 ta', 'order', 100, null], ['dat 5 tan', 'order', 5000, null], ['lay 5 lang', 'order', 0.5, null],
  ['len don 2kg', 'order', 2, null], ['gui em 2 thung', 'order', 20, null], ['cho em 2 hop', 'order', 4, null], ['lay ky ruoi', 'order', 1.5, null],
  ['lay nua ta', 'order', 50, null], ['chot 2 yen ruoi', 'order', 25, null], ['2 kí nha shop', 'order', 2, null], ['2 KÍ NHA', 'order', 2, null],
];

export const PHONE_ROWS: Row[] = [
  ['lấy 5 ký 0912 345 678', 'order', 5, P], ['lay 5 ky 0912345678', 'order', 5, P], ['chốt 2 thùng 0912.345.678', 'order', 20, P], ['chốt 2 thùng sdt 0912-345-678', 'order', 20, P],
  ['chốt 2kg +84 912 345 678', 'order', 2, P], ['chốt 2kg +84912345678', 'order', 2, P], ['chốt 2kg 84912345678', 'order', 2, P], ['chốt 2kg o912 345 678', 'order', 2, P],
  ['chốt 2kg O912345678', 'order', 2, P], ['3kg 0987654321', 'order', 3, '0987654321'], ['0987654321 3kg', 'order', 3, '0987654321'], ['chốt 1 thùng, giao 024 3987 6543', 'order', 10, '02439876543'],
  ['chốt 2kg 0243.987.6543', 'order', 2, '02439876543'], ['chốt 2kg 028 3822 1234', 'order', 2, '02838221234'], ['lấy 3kg 0355 123 456', 'order', 3, '0355123456'], ['lấy 3kg 0567 123 456', 'order', 3, '0567123456'],
  ['lấy 3kg 0707 123 456', 'order', 3, '0707123456'], ['lấy 3kg 0888 123 456', 'order', 3, '0888123456'], ['lấy 3kg 0868.123.456', 'order', 3, '0868123456'], ['lấy 3kg 0398 765 432', 'order', 3, '0398765432'],
  ['chốt 0912345678 2kg', 'order', 2, P], ['0912345678 chốt 2 thùng', 'order', 20, P], ['chốt 2 0912345678', 'order', 2, P], ['sdt 0912345678 lấy 2 hộp', 'order', 4, P],
  ['chốt 2kg, đt: 0912 345 678', 'order', 2, P], ['chốt 2kg zalo 0912345678', 'order', 2, P], ['0912345678', 'none', null, P], ['sđt em 0912345678', 'none', null, P],
  ['chốt 2kg 0123 456 789', 'order', 2, null], ['chốt 2kg 012345', 'order', 2, null], ['chốt 2kg 0912 345', 'order', 2, null], ['lấy 1 tạ 0912345678 giao Hà Nội', 'order', 100, P],
  ['chốt 5kg. 0 9 1 2 3 4 5 6 7 8', 'order', 5, P], ['chốt 5kg 091 234 5678', 'order', 5, P], ['lấy 2kg 0912345678 0987654321', 'order', 2, P], ['ib 0912345678 lấy 2kg', 'order', 2, P],
];

export const ENGLISH_ROWS: Row[] = [
  ['i want 2 kg', 'order', 2, null], ['take 3 kilos please', 'order', 3, null], ['I will take 5 kg', 'order', 5, null], ["I'll take 2 kilos", 'order', 2, null],
  ['buy 2 boxes', 'order', 10, null], ['2 kg please', 'order', 2, null], ['order 10 kg', 'order', 10, null], ['sold! 4 kg', 'order', 4, null],
  ['half a tonne please', 'order', 500, null], ['one tonne please', 'order', 1000, null], ['two tonnes', 'order', 2000, null], ['a kilo please', 'order', 1, null],
  ['i want five kilos', 'order', 5, null], ['please send twelve kg', 'order', 12, null], ['book 20 kg for me', 'order', 20, null], ['3 boxes please', 'order', 15, null],
  ['want 1 box', 'order', 5, null], ['get me 2 kg', 'order', 2, null], ['1 ton please', 'order', 1000, null], ['i want twenty kg', 'order', 20, null],
  ['how much is 1 kg?', 'question', 1, null], ['is there any left', 'question', null, null], ['do you ship to Saigon', 'question', null, null], ['what is the price', 'question', null, null],
  ['nice lychee', 'none', null, null], ['hello from Canada', 'none', null, null], ['I weigh 60 kg', 'none', null, null], ['my baby is 12 kg', 'none', null, null],
  ['lost 3 kg this month', 'none', null, null], ['we sold 54 tonnes in 6 hours', 'none', null, null], ['a great stream', 'none', null, null], ['5 stars', 'none', null, null],
];

// Dashes, zeros and big numbers that are not odd quantities: ranges, dates, phones, decimals, the largest allowed line.
export const LOOK_ALIKE_ROWS: Row[] = [
  ['chốt 2-3 kg', 'none', null, null], ['chốt 2 -3kg', 'none', null, null], ['giao 15-6', 'none', null, null], ['chốt 2 thùng giao 15-6', 'order', 20, null],
  ['chốt 15-6 2kg', 'order', 2, null], ['chốt 2kg-3kg', 'order', 5, null], ['chốt V1 -2kg', 'order', 2, null], ['chốt 2kg -0912345678', 'order', 2, P],
  ['lấy 2 hộp 0912-345-678', 'order', 4, P], ['chốt 0,5kg', 'order', 0.5, null], ['chốt 100.000 g', 'order', 100, null], ['đặt 100 tấn', 'order', 100_000, null],
  ['chốt 0912345678 -2kg', 'order', 2, P], ['e lấy 2kg', 'order', 2, null], ['chốt 2 ký 3', 'order', 2.3, null], ['chốt - 2kg', 'order', 2, null],
  ['chốt-5kg', 'order', 5, null], ['chốt 2 - 3kg', 'none', null, null], ['lấy 1 thùng, giao 24-6 nhé', 'order', 10, null], ['chốt 5kg 0912.345.678', 'order', 5, P],
];

export const ALL_ROWS: Row[] = [
  ...MASS_ROWS, ...PACKAGE_ROWS, ...NUMBER_WORD_ROWS, ...PRODUCT_ROWS, ...INTENT_ROWS, ...NOT_ORDER_ROWS, ...TYPING_ROWS, ...PHONE_ROWS, ...ENGLISH_ROWS,
  ...LOOK_ALIKE_ROWS,
];

// Odd quantities, flagged with a reason and never read as something else. A zero is an order for review (the
// assistant corrects it); a negative, too large or scientific quantity is no order unless other items are read.
// Columns: comment, expected intent, expected total kg, expected review, the reason given.
export type OddRow = [comment: string, intent: Intent, totalKg: number | null, review: boolean, reason: string];

export const ODD_QUANTITY_ROWS: OddRow[] = [
  // zero
  ['chốt 0 kg', 'order', 0, true, 'quantity zero: 0 kg'], ['chốt 0kg', 'order', 0, true, 'quantity zero: 0 kg'],
  ['lấy 0,0 ký', 'order', 0, true, 'quantity zero: 0,0 ký'], ['chốt 0 thùng', 'order', 0, true, 'quantity zero: 0 thùng'],
  ['chốt 0', 'order', 0, true, 'quantity zero: 0'], ['v1 x0', 'order', 0, true, 'quantity zero: x 0'],
  ['chốt 2 thùng 0kg', 'order', 20, true, 'quantity zero: 0 kg'], ['sửa thành 0kg', 'change', 0, false, 'quantity zero: 0 kg'],
  // a minus sign directly before the quantity
  ['chốt -5kg', 'none', null, false, 'negative quantity: -5 kg'], ['chốt -5 kg', 'none', null, false, 'negative quantity: -5 kg'],
  ['chốt −5kg', 'none', null, false, 'negative quantity: -5 kg'], ['chốt -2', 'none', null, false, 'negative quantity: -2'],
  ['lấy -1 thùng', 'none', null, false, 'negative quantity: -1 thùng'], ['chốt (-3kg)', 'none', null, false, 'negative quantity: -3 kg'],
  ['-5kg', 'none', null, false, 'negative quantity: -5 kg'], ['sửa thành -3kg', 'none', null, false, 'negative quantity: -3 kg'],
  ['chốt 2 thùng -5kg', 'order', 20, true, 'negative quantity: -5 kg'], ['chốt -1,5 tạ', 'none', null, false, 'negative quantity: -1,5 tạ'],
  // scientific notation and sizes above the largest line
  ['chốt 1e308 kg', 'none', null, false, 'quantity too large: 1e308 kg'], ['chốt 1E308kg', 'none', null, false, 'quantity too large: 1e308 kg'],
  ['chốt 1e999 kg', 'none', null, false, 'quantity too large: 1e999 kg'], ['chốt 1e308', 'none', null, false, 'quantity too large: 1e308'],
  ['chốt 1e3kg', 'none', null, false, 'quantity in scientific notation: 1e3 kg'], ['chốt 2,5e-3 kg', 'none', null, false, 'quantity in scientific notation: 2,5e-3 kg'],
  ['chốt 200000 kg', 'none', null, false, 'quantity too large: 200000 kg'], ['chốt 200.000 kg', 'none', null, false, 'quantity too large: 200.000 kg'],
  ['chốt 200 tấn', 'none', null, false, 'quantity too large: 200 tấn'], ['lấy 99999 thùng', 'none', null, false, 'quantity too large: 99999 thùng'],
  ['chốt một trăm nghìn tấn', 'none', null, false, 'quantity too large: một trăm nghìn tấn'], ['chốt v2 9000', 'none', null, false, 'quantity too large: 9000'],
  ['chốt 2kg 1e308kg', 'order', 2, true, 'quantity too large: 1e308 kg'], ['chốt -1e308 kg', 'none', null, false, 'negative quantity: -1e308 kg'],
];
