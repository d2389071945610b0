import type { CatalogIndex } from './catalog-index';
import type { Intent, OrderItem, ParseResult } from './result';
import { indexCatalog } from './catalog-index';
import { EMPTY_CATALOG } from './catalog';
import { cleanText, tokenize } from './tokenize';
import { findPhones } from './phone';
import { readItems, type ItemSpan } from './items';
import { findPhrases, type PhraseHit } from './match';
import {
  CANCEL_WORDS, CHANGE_WORDS, FILLER_WORDS, ORDER_WORDS, OTHER_MEANING_WORDS, OTHER_THING_WORDS, PAST_WORDS, QUESTION_WORDS, SPAM_WORDS,
  compile,
} from './lexicon';
import { massUnitByName } from './units';

const LISTS = {
  order: compile(ORDER_WORDS),
  cancel: compile(CANCEL_WORDS),
  change: compile(CHANGE_WORDS),
  question: compile(QUESTION_WORDS),
  past: compile(PAST_WORDS),
  otherMeaning: compile(OTHER_MEANING_WORDS),
  otherThing: compile(OTHER_THING_WORDS),
  spam: compile(SPAM_WORDS),
  filler: compile(FILLER_WORDS),
};

/** Longer than any real chat comment; the rest is not read (YouTube caps chat at 200 characters). */
export const MAX_PARSED_LENGTH = 500;

const EMPTY_INDEX = indexCatalog(EMPTY_CATALOG);

function coveredIndexes(hits: readonly { start: number; end: number }[]): Set<number> {
  const covered = new Set<number>();
  for (const hit of hits) for (let i = hit.start; i < hit.end; i += 1) covered.add(i);
  return covered;
}

function describe(item: OrderItem): string {
  return `${item.quantity}${item.unit ? ` ${item.unit}` : ''}${item.product ? ` ${item.product}` : ''}`;
}

function result(text: string, intent: Intent, items: OrderItem[], phone: string | null, confidence: number, reasons: string[]): ParseResult {
  const weights = items.map((item) => item.kg);
  const totalKg = items.length > 0 && weights.every((kg) => kg !== null)
    ? Math.round(weights.reduce<number>((sum, kg) => sum + (kg ?? 0), 0) * 1000) / 1000
    : null;
  return { text, intent, items, totalKg, phone, confidence, reasons };
}

const plain = ({ product, quantity, unit, kg }: ItemSpan): OrderItem => ({ product, quantity, unit, kg });

/** Reads one chat comment. Pure: no DOM, no browser API; the catalog index is built by the caller once. */
export function parseComment(text: string, catalog: CatalogIndex = EMPTY_INDEX): ParseResult {
  const cleaned = cleanText(text.slice(0, MAX_PARSED_LENGTH));
  const phones = findPhones(cleaned);
  const phone = phones[0]?.national ?? null;
  const tokens = tokenize(cleaned).filter((token) => !phones.some((p) => token.start >= p.start && token.end <= p.end));

  const hits = (list: keyof typeof LISTS): PhraseHit[] => findPhrases(tokens, LISTS[list]);
  const orderHits = hits('order');
  const said = (found: PhraseHit[], label: string) => found.map((hit) => `${label}: ${hit.text}`);

  const spam = hits('spam');
  if (spam.length > 0) return result(text, 'none', [], phone, 0.8, said(spam, 'spam'));

  const otherThing = hits('otherThing');
  if (otherThing.length > 0) return result(text, 'none', [], phone, 0.8, said(otherThing, 'other meaning'));

  const cancel = hits('cancel');
  const { items: spans, bareNumbers, namedProducts } = readItems(tokens, catalog, new Set());
  let items = spans.map(plain);
  if (cancel.length > 0) return result(text, 'cancel', items, phone, 0.85, said(cancel, 'cancel'));

  const change = hits('change');
  if (change.length > 0 && items.length > 0) return result(text, 'change', items, phone, 0.8, [...said(change, 'change'), ...items.map((i) => `quantity: ${describe(i)}`)]);

  const question = hits('question');
  const questionMark = tokens.some((token) => token.text === '?');
  if (question.length > 0 || questionMark) {
    return result(text, 'question', items, phone, 0.8, [...said(question, 'question'), ...(questionMark ? ['question mark'] : [])]);
  }

  const past = hits('past');
  if (past.length > 0) return result(text, 'none', items, phone, 0.75, said(past, 'past'));

  const otherMeaning = hits('otherMeaning');
  if (otherMeaning.length > 0 && orderHits.length === 0) return result(text, 'none', [], phone, 0.7, said(otherMeaning, 'other meaning'));

  // An order word with a bare number: "chốt 2" means two of the default unit.
  if (items.length === 0 && orderHits.length > 0) {
    const firstOrderEnd = orderHits[0]!.end;
    const bare = bareNumbers.find((n) => n.index >= firstOrderEnd);
    if (bare) {
      const product = namedProducts[0]?.product ?? catalog.defaultProduct;
      const unitName = product?.defaultUnit ?? null;
      const mass = unitName ? massUnitByName(unitName) : undefined;
      const perPackage = product && unitName ? product.packages[unitName] : undefined;
      const kgPer = mass?.kg ?? perPackage ?? null;
      items = [{ product: product?.code ?? null, quantity: bare.value, unit: mass?.name ?? unitName, kg: kgPer === null ? null : Math.round(bare.value * kgPer * 1000) / 1000 }];
      return result(text, 'order', items, phone, product ? 0.75 : 0.6, [...said(orderHits, 'order word'), `bare number: ${bare.value}`]);
    }
  }

  if (items.length === 0) return result(text, 'none', [], phone, 0.9, []);

  const itemReasons = items.map((item) => `quantity: ${describe(item)}`);
  if (orderHits.length > 0) return result(text, 'order', items, phone, 0.9, [...said(orderHits, 'order word'), ...itemReasons]);

  // No order word: a comment that is only a quantity (with a phone or polite words) is an order;
  // a quantity inside a longer sentence ("54 tấn trong 6 tiếng") is narration.
  const used = coveredIndexes([...spans, ...hits('filler'), ...namedProducts]);
  const leftover = tokens.filter((token, index) => token.kind !== 'symbol' && !used.has(index));
  if (leftover.length === 0) return result(text, 'order', items, phone, phone ? 0.8 : 0.7, [...itemReasons, ...(phone ? ['phone'] : [])]);
  return result(text, 'none', items, phone, 0.6, [`quantity without an order word: ${leftover.map((t) => t.text).join(' ')}`]);
}
