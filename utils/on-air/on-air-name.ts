// Family names that open most Vietnamese full names: such a name's given name is its last word.
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyễn',
  'trần',
  'lê',
  'phạm',
  'hoàng',
  'huỳnh',
  'phan',
  'vũ',
  'võ',
  'đặng',
  'bùi',
  'đỗ',
  'hồ',
  'ngô',
  'dương',
  'lý',
  'đinh',
  'trương',
  'đoàn',
  'lâm',
  'mai',
  'trịnh',
  'cao',
  'lương',
  'tạ',
  'hà',
  'tô',
  'chu',
  'nguyen',
  'tran',
  'pham',
  'hoang',
  'phí',
  'tổng',
  'kiều',
  'triệu',
  'hứa',
  'khúc',
  'quách',
  'lục',
  'mạc',
  'âu',
  'la',
  'văn',
  'thái',
  'từ',
  'lã',
  'tăng',
  'giang',
]);
const MAX_ON_AIR_NAME = 24;
/** Letters and tone marks only Vietnamese writes: a name with them puts its given name last. */
const VIETNAMESE_LETTERS = /[ăâđêôơưĩũ\u1EA0-\u1EF9]/i;

/**
 * How a buyer is named where it may be broadcast: the given name only ("Nguyễn Thị Lan" → "Lan",
 * "John Smith" → "John"), unless the user chose full names. Handles and one-word names stay as they are.
 */
export function onAirName(name: string, fullNames: boolean): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (fullNames) return clean.slice(0, MAX_ON_AIR_NAME * 2);
  const words = clean.split(' ').filter(Boolean);
  if (words.length <= 1) return clean.slice(0, MAX_ON_AIR_NAME);
  const vietnamese = VIETNAMESE_LETTERS.test(clean.normalize('NFC')) || VIETNAMESE_FAMILY_NAMES.has(words[0]!.toLowerCase().normalize('NFC'));
  const given = vietnamese ? words.at(-1)! : words[0]!;
  return given.slice(0, MAX_ON_AIR_NAME);
}
