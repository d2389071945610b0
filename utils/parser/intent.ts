import type { Token } from './tokenize';
import { hitText, type Hits, type PhraseHit } from './match';
import type { BareNumber, ItemSpan, ItemsReading } from './items';
import type { Intent, QuestionTopic } from './result';
import { ODD_QUANTITY_CONFIDENCE } from './review';
import { questionTopic } from './question-topic';
import { NO_WORD, WordMap } from './word-trie';

export interface IntentDecision {
  intent: Intent;
  /** For a question: what it asks about. */
  topic?: QuestionTopic;
  confidence: number;
  reasons: string[];
  /** For an order of a bare number ("chốt 2"): the number used. */
  bareNumber?: BareNumber;
}

const clamp = (value: number) => Math.round(Math.max(0.05, Math.min(0.99, value)) * 100) / 100;

/** Long comments are reviews and stories; live chat orders are short. */
const LONG_COMMENT_WORDS = 20;
/** How far an order word may stand before its quantity ("lấy cho em 2 thùng"). */
const ORDER_WORD_REACH = 3;

/** Marks the token indexes the ranges cover. */
function covered(length: number, lists: readonly (readonly { start: number; end: number }[])[]): Uint8Array {
  const marks = new Uint8Array(length);
  for (const ranges of lists) for (const range of ranges) marks.fill(1, range.start, Math.min(range.end, length));
  return marks;
}

/** Hits not inside a longer hit of another kind: "cho em" in "cho em hỏi" asks, "can I" in "can I get" orders. */
function outside(list: readonly PhraseHit[], others: readonly PhraseHit[]): readonly PhraseHit[] {
  if (list.length === 0 || others.length === 0) return list;
  return list.filter((hit) => !others.some((other) => other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
}

// The reasons of one-word hits, by label and by the trie number of the word as typed (equal numbers are equal
// words): the same few words ("chốt", "lấy") are named in comment after comment.
const SAID_BY_WORD = new Map<string, WordMap<string>>();

/** "label: words as typed". */
function reason(tokens: readonly Token[], hit: PhraseHit, label: string): string {
  const id = hit.end - hit.start === 1 ? tokens[hit.start]!.typedId : NO_WORD;
  if (id === NO_WORD) return `${label}: ${hitText(tokens, hit)}`;
  let byWord = SAID_BY_WORD.get(label);
  if (byWord === undefined) SAID_BY_WORD.set(label, (byWord = new WordMap())); // packed, not a sparse array
  const known = byWord.get(id);
  if (known !== undefined) return known;
  const text = `${label}: ${hitText(tokens, hit)}`;
  byWord.set(id, text);
  return text;
}

/** Each hit as a reason, "label: words as typed", added to `into` (a new list when none is given). */
function said(tokens: readonly Token[], found: readonly PhraseHit[], label: string, into: string[] = []): string[] {
  for (const hit of found) into.push(reason(tokens, hit, label));
  return into;
}

const quantityText = ({ quantity, unit, product }: ItemSpan) => `quantity: ${quantity}${unit ? ` ${unit}` : ''}${product ? ` ${product}` : ''}`;
/** Whole quantities up to this have their reasons kept, by unit and product: the same few recur. */
const KEPT_QUANTITIES = 1000;
const QUANTITY_REASONS = new Map<string, Map<string, (string | undefined)[]>>();

/** "quantity: 2 kg V1". */
function quantityReason(item: ItemSpan): string {
  const { quantity } = item;
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > KEPT_QUANTITIES) return quantityText(item);
  // a missing unit or product reads as an empty one: neither is written
  let byProduct = QUANTITY_REASONS.get(item.unit ?? '');
  if (byProduct === undefined) QUANTITY_REASONS.set(item.unit ?? '', (byProduct = new Map()));
  let byQuantity = byProduct.get(item.product ?? '');
  if (byQuantity === undefined) byProduct.set(item.product ?? '', (byQuantity = new Array<string | undefined>(KEPT_QUANTITIES + 1)));
  return (byQuantity[quantity] ??= quantityText(item));
}

/** Each item as a reason, added to `into` (a new list when none is given). */
function itemReasons(items: readonly ItemSpan[], into: string[] = []): string[] {
  for (const item of items) into.push(quantityReason(item));
  return into;
}

/**
 * Decides what a comment is from the phrases found and the items read. Vetoes first (spam, another
 * meaning), then cancel, change, question and the past; an order needs a quantity and either an order
 * word near it or nothing else in the comment. An odd quantity (zero, negative, too large) is named in
 * the reasons and lowers the confidence below review, whatever the comment turns out to be.
 */
export function decideIntent(tokens: readonly Token[], hits: Hits, reading: ItemsReading, hasPhone: boolean): IntentDecision {
  const decision = decideFromWords(tokens, hits, reading, hasPhone);
  const odd = decision.bareNumber?.odd ? [...reading.odd, decision.bareNumber.odd.reason] : reading.odd;
  if (odd.length === 0) return decision;
  return { ...decision, confidence: Math.min(decision.confidence, ODD_QUANTITY_CONFIDENCE), reasons: [...decision.reasons, ...odd] };
}

function decideFromWords(tokens: readonly Token[], hits: Hits, reading: ItemsReading, hasPhone: boolean): IntentDecision {
  if (hits.spam.length > 0) return { intent: 'none', confidence: 0.85, reasons: said(tokens, hits.spam, 'spam') };
  if (hits.otherThing.length > 0) return { intent: 'none', confidence: 0.85, reasons: said(tokens, hits.otherThing, 'other meaning') };
  // "mấy k lấy 1kg": the "k" is the price's (a thousand), not a "không lấy"
  const cancels =
    hits.price.length === 0 ? hits.cancel : hits.cancel.filter((hit) => !hits.price.some((other) => other.start < hit.start && hit.start < other.end));
  if (cancels.length > 0) return { intent: 'cancel', confidence: 0.85, reasons: said(tokens, cancels, 'cancel') };
  const { items } = reading;
  if (hits.change.length > 0 && (items.length > 0 || reading.bareNumbers.length > 0)) {
    return { intent: 'change', confidence: 0.8, reasons: [...said(tokens, hits.change, 'change'), ...itemReasons(items)] };
  }

  const orderHits = outside(hits.order, hits.question);
  const asking = outside(outside(hits.question, orderHits), hits.story);
  // "giá rẻ quá", "giá ok đó": a word on the price, not a question about it
  const remarkOnly = asking.length > 0 && hits.remark.length > 0 && asking.every((hit) => hit.end - hit.start === 1 && tokens[hit.start]!.key === 'gia');
  const asks = remarkOnly ? [] : asking;
  const yesNo = outside(hits.yesNo, orderHits);
  let questionMark = false;
  for (const token of tokens) if (token.kind === 'symbol' && token.text === '?') questionMark = true;
  const narrated = hits.past.length > 0 || hits.story.length > 0 || hits.complaint.length > 0;

  if (hits.contact.length > 0 && hasPhone) {
    // "ib em 0912…": an advert for a number, unless an order comes with it ("ib 0912… lấy 2kg")
    const order = readOrder(tokens, hits, orderHits, reading, hasPhone, true);
    return order.intent === 'order' ? order : { intent: 'none', confidence: 0.8, reasons: said(tokens, hits.contact, 'spam: contact with a phone') };
  }
  if (asks.length > 0 || yesNo.length > 0 || questionMark || hits.contact.length > 0) {
    const topic = questionTopic(tokens, hits, items);
    const reasons = [
      ...said(tokens, asks, 'question'),
      ...said(tokens, yesNo, 'question'),
      ...(questionMark ? ['question mark'] : []),
      ...said(tokens, hits.contact, 'asks to be written to'),
    ];
    // An order asked as a question or a wish ("cho e 2kg đc k", "can I get 2 kg?") is an order; a question that
    // asks something (a price, stock, delivery) stays a question, with or without a quantity.
    if (asks.length === 0 && hits.contact.length === 0 && topic === 'other' && !narrated) {
      const order = readOrder(tokens, hits, orderHits, reading, hasPhone, true);
      if (order.intent === 'order') return { ...order, reasons: [...order.reasons, ...reasons.map((reason) => `order asked as a question (${reason})`)] };
    }
    reasons.push(`asks about: ${topic}`);
    return { intent: 'question', topic, confidence: 0.8, reasons };
  }
  // A buyer's story, a complaint, the past: not an order whatever quantity it names.
  if (narrated)
    return {
      intent: 'none',
      confidence: 0.75,
      reasons: [...said(tokens, hits.past, 'past'), ...said(tokens, hits.story, 'story'), ...said(tokens, hits.complaint, 'complaint')],
    };
  return readOrder(tokens, hits, orderHits, reading, hasPhone, false);
}

/** Whether the hit starts inside an item. */
function startsInItem(hit: PhraseHit, items: readonly ItemSpan[]): boolean {
  for (const item of items) if (item.start <= hit.start && hit.start < item.end) return true;
  return false;
}

/** The order words not inside an item: one inside ("cho" of a product name) is the item's. */
function outsideItems(orderWords: readonly PhraseHit[], items: readonly ItemSpan[]): readonly PhraseHit[] {
  if (items.length === 0) return orderWords;
  let inside = false;
  for (const hit of orderWords) if (startsInItem(hit, items)) inside = true;
  return inside ? orderWords.filter((hit) => !startsInItem(hit, items)) : orderWords;
}

/**
 * An order needs a quantity with an order word near it, or (unless `orderWordNeeded`) a quantity standing
 * alone with polite words and a phone; anything else is no order.
 */
function readOrder(
  tokens: readonly Token[],
  hits: Hits,
  orderWords: readonly PhraseHit[],
  reading: ItemsReading,
  hasPhone: boolean,
  orderWordNeeded: boolean,
): IntentDecision {
  const { items } = reading;
  let words = 0;
  for (const token of tokens) if (token.kind !== 'symbol') words += 1;
  const orderHits = outsideItems(orderWords, items);
  const reviewPenalty = 0.1 * hits.review.length + (words > LONG_COMMENT_WORDS ? 0.25 : 0);

  if (items.length === 0) {
    // "chốt 2": an order word with a bare number right after it
    for (const hit of orderHits) {
      const bare = reading.bareNumbers.find((n) => n.index >= hit.end && n.index - hit.end <= 2);
      if (!bare || words > 8) continue;
      // "chốt -2", "chốt 1e308": no amount can be read from it
      if (bare.odd && !bare.odd.keep)
        return { intent: 'none', confidence: ODD_QUANTITY_CONFIDENCE, reasons: [...said(tokens, orderHits, 'order word'), bare.odd.reason] };
      return {
        intent: 'order',
        confidence: clamp(0.65 - reviewPenalty),
        reasons: [...said(tokens, orderHits, 'order word'), `bare number: ${bare.value}`],
        bareNumber: bare,
      };
    }
    return { intent: 'none', confidence: 0.9, reasons: [] };
  }

  const first = items[0]!;
  const last = items[items.length - 1]!;
  let before: PhraseHit | undefined; // the last order word shortly before the first item
  let after = false;
  for (const hit of orderHits) {
    if (hit.end <= first.start && first.start - hit.end <= ORDER_WORD_REACH) before = hit;
    if (hit.start >= last.end && hit.start - last.end <= 2) after = true;
  }
  if (before || after) {
    const gap = before ? first.start - before.end : 1;
    const confidence = clamp(0.95 - 0.05 * gap - reviewPenalty);
    if (confidence >= 0.5) return { intent: 'order', confidence, reasons: itemReasons(items, said(tokens, orderHits, 'order word')) };
    return {
      intent: 'none',
      confidence: 0.6,
      reasons: [...said(tokens, orderHits, 'order word'), ...itemReasons(items), ...said(tokens, hits.review, 'not an order message')],
    };
  }
  if (orderWordNeeded) return { intent: 'none', confidence: 0.6, reasons: ['no order word by the quantity'] };

  // No order word by the quantity: a comment that is only the quantity (with a phone, a product or polite
  // words) is an order; a quantity inside a sentence ("54 tấn trong 6 tiếng") is talk.
  const known = covered(tokens.length, [items, reading.products, hits.filler, orderHits, hits.numberLabel]);
  let leftover: string[] | undefined; // the words none of these covers, made at the first
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind !== 'symbol' && known[index] === 0) (leftover ??= []).push(token.text);
  }
  if (leftover === undefined && words <= 12) {
    return {
      intent: 'order',
      confidence: clamp((hasPhone ? 0.8 : 0.75) - reviewPenalty),
      reasons: hasPhone ? [...itemReasons(items, said(tokens, orderHits, 'order word')), 'phone'] : itemReasons(items, said(tokens, orderHits, 'order word')),
    };
  }
  return { intent: 'none', confidence: 0.6, reasons: [`quantity without an order word: ${(leftover ?? []).join(' ')}`] };
}
