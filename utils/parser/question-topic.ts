import type { Token } from './tokenize';
import { joinWords, type Hits, type PhraseHit } from './match';
import type { ItemSpan } from './items';
import type { QuestionTopic } from './result';

// Topics win in this order when a question names several: payment, shipping, price, stock;
// "phí ship bao nhiêu" asks about shipping.

// "bao nhiêu" and "mấy" ask a price unless a unit or a count follows: "1 thùng mấy ký", "mấy ngày", "mấy giờ".
const HOW_MUCH_KEYS = new Set(['bao nhieu', 'bn', 'bnh', 'bnhiu', 'bnhieu', 'bao nhiu', 'nhiu', 'nhieu', 'bao nh', 'may', 'how much']);
const AMOUNT_WORDS = new Set([
  'kg',
  'ky',
  'ki',
  'can',
  'kilo',
  'kilos',
  'lang',
  'yen',
  'ta',
  'tan',
  'g',
  'gram',
  'thung',
  'hop',
  'gio',
  'tui',
  'trai',
  'qua',
  'ngay',
  'gio',
  'phut',
  'tieng',
  'tuan',
  'thang',
  'nam',
  'lan',
  'nguoi',
  'cai',
  'con',
  'size',
  'box',
  'boxes',
  'kg',
  'tuoi',
  'cm',
  'm',
  'loai',
]);
const MONEY_WORDS = new Set(['k', 'd', 'đ', 'vnd', 'nghin', 'ngan', 'tr', 'trieu', 'dong', 'canh', 'xu']);

const keyOf = (tokens: readonly Token[], hit: PhraseHit) => joinWords(tokens, hit.start, hit.end, 'key');

/** "bao nhiêu" with no unit or count after it: how much money. */
function asksHowMuch(tokens: readonly Token[], hits: Hits): boolean {
  return hits.question.some((hit) => HOW_MUCH_KEYS.has(keyOf(tokens, hit)) && !AMOUNT_WORDS.has(tokens[hit.end]?.key ?? ''));
}

/** A sum of money: "50k", "200 nghìn", "1tr". */
function namesMoney(tokens: readonly Token[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    if (token.kind === 'number' && next.start === token.end && MONEY_WORDS.has(next.key)) return true;
  }
  return false;
}

/**
 * What a question asks about, from the topic words it holds (lexicon.ts: price, stock, shipping, payment).
 * "có 5kg không" (a quantity with "có … không") asks for stock; a question without topic words is `other`.
 * Topics are tried in that order, each only when no earlier one is named (the first named wins).
 */
export function questionTopic(tokens: readonly Token[], hits: Hits, items: readonly ItemSpan[]): QuestionTopic {
  if (hits.payment.length > 0) return 'payment';
  if (hits.shipping.length > 0) return 'shipping';
  if (hits.price.length > 0 || asksHowMuch(tokens, hits) || namesMoney(tokens)) return 'price';
  if (hits.stock.length > 0) return 'stock';
  // "có 5kg không" asks for stock; "đặt 2 yến có được không" does not ("có" is the particle's)
  const inParticle = (i: number) => hits.yesNo.some((hit) => hit.start <= i && i < hit.end);
  if (items.length > 0 && hits.yesNo.length > 0 && tokens.some((token, i) => token.key === 'co' && !inParticle(i))) return 'stock';
  return 'other';
}
