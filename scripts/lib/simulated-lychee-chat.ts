import type { FixtureRow } from './fixture-pages';

// A simulated Vietnamese lychee livestream chat, written for the demo: orders in many spellings,
// questions, chatter, a Super Chat, a cancel and a spam line. `at` is seconds from the start.
export interface ScriptedRow extends Omit<FixtureRow, 'id'> {
  at: number;
}

export const DEMO_VIDEO_ID = 'vaiThieuLucNgan';
export const DEMO_TITLE = 'Vải thiều Lục Ngạn — livestream từ vườn';

const rows: ScriptedRow[] = [
  { at: 0, author: 'Chốt Shop (host)', text: 'Chào cả nhà, vải thiều Lục Ngạn chín rộ hôm nay :cherries:', role: 'owner' },
  { at: 2, author: 'Nguyễn Thị Lan', text: 'chốt 5kg' },
  { at: 4, author: 'Trần Minh', text: 'vải năm nay ngọt không shop?' },
  { at: 5, author: 'Phạm Hùng', text: 'lấy 10 ký 0912 345 678' },
  { at: 7, author: 'Lê Thu Hà', text: 'chot 3 kg nha' },
  { at: 9, author: 'Hoàng Yến', text: ':heart::heart::heart:' },
  { at: 10, author: 'Đỗ Quang', text: '5kg bao nhiêu tiền?' },
  { at: 12, author: 'Vũ Mai', text: 'xí 2 yến' },
  { at: 14, author: 'HTX Nông sản Bắc Giang', text: 'công ty em đặt 1 tấn 2', verified: true },
  { at: 16, author: 'Ngô Bảo', text: 'chốttt 4 ký' },
  { at: 18, author: 'Bùi Cúc', text: 'lấy nửa tạ, giao Hà Nội 0987.654.321' },
  { at: 20, author: 'Trần Minh', text: 'vậy chốt 2 ký nhé' },
  { at: 22, author: 'Đinh Dũng', text: 'hôm qua mua 10kg ăn ngon lắm' },
  { at: 24, author: 'Lý Hạnh', text: 'mua 2,5kg' },
  { at: 26, author: 'Mạc Sơn', text: 'tham gia nhóm zalo 0933 111 222 kiếm tiền online' },
  { at: 28, author: 'Phan Oanh', text: 'CHỐT 6KG' },
  { at: 30, author: 'Tạ Long', text: 'lên đơn 1 tạ 5 cho quán' },
  { at: 32, author: 'Lê Thu Hà', text: 'cho em thêm 2 ký nữa' },
  { at: 34, author: 'Kiều Trang', text: 'Ủng hộ shop! chốt 3kg', amount: '₫50.000' },
  { at: 36, author: 'Hồ Phúc', text: 'bé nhà mình 12kg mà ăn được cả chục quả' },
  { at: 38, author: 'Vũ Mai', text: 'đã chốt 2 yến rồi nhé shop' },
  { at: 40, author: 'Quách Tâm', text: 'lấy 8kg +84 903 222 444' },
  { at: 42, author: 'Ngô Bảo', text: 'thôi em không lấy nữa' },
  { at: 45, author: 'Đào Vy', text: 'chốt 2 yến rưỡi' },
  { at: 48, author: 'La Khánh', text: 'i want 5 kg please' },
  { at: 50, author: 'Trịnh Nga', text: '54 tấn trong 6 tiếng, giỏi quá' },
  { at: 53, author: 'Châu Tuấn', text: 'lay hai muoi lam ky' },
  { at: 56, author: 'Nguyễn Thị Lan', text: 'ship về Đà Nẵng được không ạ' },
  { at: 60, author: 'Cao Thịnh', text: 'chốt 3 tấn 2 cho hợp tác xã' },
  { at: 64, author: 'Lưu Hiền', text: 'ký rưỡi thôi ạ' },
  { at: 68, author: 'Chốt Shop (host)', text: 'Cảm ơn cả nhà, shop đang lên đơn :thumbsup:', role: 'owner' },
  { at: 72, author: 'Mai Anh', text: 'c 4kg' },
  { at: 76, author: 'Tống Lâm', text: '7 ký ạ' },
  { at: 80, author: 'Hà Giang', text: 'chốt 5 lạng ăn thử' },
  { at: 85, author: 'Phí Long', text: 'đặt 20kg 0243 987 6543' },
  { at: 90, author: 'Chốt Shop (host)', text: 'Hẹn cả nhà phiên sau!', role: 'owner' },
];

export const DEMO_CHAT: (ScriptedRow & { id: string })[] = rows.map((row, index) => ({ ...row, id: `demo-${String(index + 1).padStart(3, '0')}` }));
