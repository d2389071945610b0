// The desk bench's chat, deterministic: orders for the lychee catalog in the spellings buyers use, and
// chatter that is no order, cancel or change. Half of the rows are orders; one buyer in four orders twice.
import type { FixtureRow } from '../lib/fixture-pages';

/** The YouTube stream of the desk bench: the backup's stream and the chat page's `v`. */
export const DESK_VIDEO_ID = 'deskBench54t';

const ORDER_TEMPLATES = [
  'chốt {n}kg',
  'lấy {n} thùng V1',
  'chot {n} kg nha',
  'V2 {n} thùng',
  'lấy {n} ký u hồng',
  'xí {n} hộp',
  'CHỐT {n}KG',
  'chốt {n} giỏ V2',
  'lấy {n} ký {phone}',
  'mua {n},5kg nha shop',
  'chốt {n} box vải sớm',
  'cho em {n} hộp',
];
const CHATTER = [
  'vải năm nay ngon quá',
  'shop ơi ship Hà Nội không',
  '❤️❤️❤️',
  'chào cả nhà',
  'vải ngọt không shop?',
  'giao trong ngày không ạ',
  'hôm qua mua ngon lắm',
  'shop ở Lục Ngạn à',
  '👍👍',
  'xem live từ Sài Gòn nè',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface DeskRow {
  id: string;
  author: string;
  text: string;
  order: boolean;
}

/**
 * `orders` orders interleaved with as many chatter rows. Order j is a buyer's second when j % 5 is 4: the
 * buyer of order j - 251 (about five seconds earlier at the live rate), else of order j - 4 near the start;
 * so of every four buyers one orders twice.
 */
export function deskChat(orders: number, names: string, ids: string, seed: number): DeskRow[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const buyers: string[] = [];
  let newBuyers = 0;
  const rows: DeskRow[] = [];
  for (let j = 0; j < orders; j += 1) {
    const again = j % 5 === 4;
    const buyer = again ? buyers[j >= 251 ? j - 251 : j - 4]! : `${names} ${(newBuyers += 1)}`;
    buyers.push(buyer);
    const text = ORDER_TEMPLATES[pick(ORDER_TEMPLATES.length)]!.replace('{n}', String(1 + pick(9))).replace(
      '{phone}',
      `09${String(10_000_000 + pick(89_999_999))}`,
    );
    rows.push({ id: `${ids}o${j}`, author: buyer, text, order: true });
    rows.push({ id: `${ids}c${j}`, author: `Người xem ${1 + pick(5000)}`, text: CHATTER[pick(CHATTER.length)]!, order: false });
  }
  return rows;
}

/** The rows as the YouTube fixture page renders them. */
export const fixtureRows = (rows: readonly DeskRow[]): FixtureRow[] => rows.map(({ id, author, text }) => ({ id, author, text }));
