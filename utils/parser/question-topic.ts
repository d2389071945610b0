import type { Token } from './tokenize';
import { joinWords, type Hits, type PhraseHit } from './match';
import type { ItemSpan } from './items';
import type { QuestionTopic } from './result';

/** Topics in the order they win when a question names several: "phí ship bao nhiêu" asks about shipping. */
const TOPIC_ORDER = ['payment', 'shipping', 'price', 'stock'] as const;

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
  return tokens.some((token, i) => token.kind === 'number' && MONEY_WORDS.has(tokens[i + 1]?.key ?? '') && tokens[i + 1]!.start === token.end);
}

/**
 * What a question asks about, from the topic words it holds (lexicon.ts: price, stock, shipping, payment).
 * "có 5kg không" (a quantity with "có … không") asks for stock; a question without topic words is `other`.
 */
export function questionTopic(tokens: readonly Token[], hits: Hits, items: readonly ItemSpan[]): QuestionTopic {
  const found = new Set<QuestionTopic>(TOPIC_ORDER.filter((topic) => hits[topic].length > 0));
  if (asksHowMuch(tokens, hits) || namesMoney(tokens)) found.add('price');
  // "có 5kg không" asks for stock; "đặt 2 yến có được không" does not ("có" is the particle's)
  const inParticle = (i: number) => hits.yesNo.some((hit) => hit.start <= i && i < hit.end);
  if (items.length > 0 && hits.yesNo.length > 0 && tokens.some((token, i) => token.key === 'co' && !inParticle(i))) found.add('stock');
  return TOPIC_ORDER.find((topic) => found.has(topic)) ?? 'other';
}
