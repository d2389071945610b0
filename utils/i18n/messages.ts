import type { Language } from '../store/records';

// Every string the UI shows, in Vietnamese and English. Keys are checked by TypeScript:
// a key missing from one language does not compile.
const vi = {
  appTitle: 'Chốt',
  language: 'Ngôn ngữ',
  languageAuto: 'Theo trình duyệt',
  stream: 'Phiên live',
  noStreams: 'Chưa có phiên live nào. Mở khung chat của một buổi live trên YouTube, Chốt sẽ tự đọc đơn.',
  untitledStream: 'Live {videoId}',
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
} as const;

const en: Record<keyof typeof vi, string> = {
  appTitle: 'Chốt',
  language: 'Language',
  languageAuto: 'Browser default',
  stream: 'Stream',
  noStreams: 'No streams yet. Open the chat of a YouTube live stream and Chốt will read the orders.',
  untitledStream: 'Live {videoId}',
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
