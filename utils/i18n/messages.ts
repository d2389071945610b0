import type { Language } from '../store/records';

// Every string the UI shows, in Vietnamese and English. Keys are checked by TypeScript:
// a key missing from one language does not compile.
const vi = {
  appTitle: 'Chốt',
  language: 'Ngôn ngữ',
  languageAuto: 'Theo trình duyệt',
  stream: 'Phiên live',
  noStreams: 'Chưa có phiên live nào. Mở buổi live trên YouTube, TikTok hoặc Facebook, Chốt sẽ tự đọc đơn trong bình luận.',
  untitledStream: 'Live {key}',
  pendingKg: 'Chờ xác nhận',
  confirmedKg: 'Đã xác nhận',
  totalTonnes: 'Tổng',
  orderCount: 'Số đơn',
  unknownWeight: '{count} đơn chưa rõ cân nặng (chưa có danh mục sản phẩm)',
  orders: 'Đơn hàng',
  noOrders: 'Chưa có đơn nào trong phiên này.',
  buyer: 'Người mua',
  what: 'Hàng',
  kg: 'kg',
  phone: 'SĐT',
  comment: 'Bình luận',
  status: 'Trạng thái',
  confirm: 'Xác nhận',
  reject: 'Từ chối',
  reopen: 'Mở lại',
  statusPending: 'Chờ',
  statusConfirmed: 'Đã xác nhận',
  statusRejected: 'Đã từ chối',
  statusCancelled: 'Khách hủy',
  unknown: '?',
  actionFailed: 'Không lưu được: {error}',
  confirmOrderOf: 'Xác nhận đơn của {name}',
  rejectOrderOf: 'Từ chối đơn của {name}',
  reopenOrderOf: 'Mở lại đơn của {name}',
  needsReview: 'Cần xem lại',
  ordersCount: '{count} đơn',
  streamsCounted: 'Các luồng được cộng chung',
  separate: 'Tách ra',
  separateStream: 'Tách {name} ra khỏi phiên này',
  joinChoice: 'Luồng khác để gộp vào phiên này',
  joinStream: 'Gộp vào phiên này',
  readingTabs: 'Các tab đang đọc',
  noReadingTabs: 'Không có tab nào đang đọc chat. Mở trang live (YouTube, TikTok, Facebook) để bắt đầu.',
  rowsRead: 'đã đọc {count} dòng',
  lastRowAt: 'dòng mới nhất lúc {time}',
  skippedRows: 'bỏ qua: {list}',
  warningNoChatList: 'Không tìm thấy khung chat trên trang {platform}. Có thể trang đã đổi giao diện (bộ chọn không còn khớp: {detail}).',
  warningRowsNotRead: 'Chat trên {platform} vẫn chạy nhưng Chốt không đọc được dòng nào: trang đã đổi giao diện (bộ chọn dòng không còn khớp: {detail}).',
  warningEmptyFields: 'Nhiều dòng chat trên {platform} không có tên người hoặc nội dung ({detail}): có thể trang đã đổi giao diện.',
  warningFilteredChat: '{platform} đang để chế độ “{detail}”, một số bình luận bị ẩn và Chốt không đọc được. Hãy chọn “Trò chuyện trực tiếp” / “Tất cả bình luận”.',
} as const;

const en: Record<keyof typeof vi, string> = {
  appTitle: 'Chốt',
  language: 'Language',
  languageAuto: 'Browser default',
  stream: 'Stream',
  noStreams: 'No streams yet. Open a live stream on YouTube, TikTok or Facebook and Chốt will read the orders in its chat.',
  untitledStream: 'Live {key}',
  pendingKg: 'Waiting',
  confirmedKg: 'Confirmed',
  totalTonnes: 'Total',
  orderCount: 'Orders',
  unknownWeight: '{count} orders with unknown weight (no product catalog yet)',
  orders: 'Orders',
  noOrders: 'No orders in this stream yet.',
  buyer: 'Buyer',
  what: 'Items',
  kg: 'kg',
  phone: 'Phone',
  comment: 'Comment',
  status: 'Status',
  confirm: 'Confirm',
  reject: 'Reject',
  reopen: 'Reopen',
  statusPending: 'Waiting',
  statusConfirmed: 'Confirmed',
  statusRejected: 'Rejected',
  statusCancelled: 'Cancelled by buyer',
  unknown: '?',
  actionFailed: 'Could not save: {error}',
  confirmOrderOf: 'Confirm the order of {name}',
  rejectOrderOf: 'Reject the order of {name}',
  reopenOrderOf: 'Reopen the order of {name}',
  needsReview: 'Check this',
  ordersCount: '{count} orders',
  streamsCounted: 'Streams counted together',
  separate: 'Separate',
  separateStream: 'Take {name} out of this broadcast',
  joinChoice: 'Another stream to join into this one',
  joinStream: 'Join into this broadcast',
  readingTabs: 'Tabs being read',
  noReadingTabs: 'No tab is reading a chat. Open a live page (YouTube, TikTok, Facebook) to start.',
  rowsRead: '{count} rows read',
  lastRowAt: 'last row at {time}',
  skippedRows: 'skipped: {list}',
  warningNoChatList: 'No chat found on the {platform} page. The site may have changed (selectors no longer matching: {detail}).',
  warningRowsNotRead: 'The {platform} chat is moving but Chốt reads no rows: the site has changed (row selectors no longer matching: {detail}).',
  warningEmptyFields: 'Many {platform} chat rows come without an author or text ({detail}): the site may have changed.',
  warningFilteredChat: '{platform} is set to “{detail}”, which hides some comments from Chốt. Switch to “Live chat” / “All comments”.',
};

export type MessageKey = keyof typeof vi;
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

/** The browser's language when it is Vietnamese, else English. */
export function browserLanguage(languages: readonly string[]): Language {
  return languages.some((tag) => tag.toLowerCase().startsWith('vi')) ? 'vi' : 'en';
}

export function numberLocale(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-US';
}
