import type { CatalogIndex } from './catalog-index';
import type { OrderItem, ParseResult } from './result';
import { indexCatalog } from './catalog-index';
import { EMPTY_CATALOG } from './catalog';
import { tokenize, type Token } from './tokenize';
import { cleanText } from './text';
import { findPhones } from './phone';
import { readItems, type ItemSpan } from './items';
import { findPhrases, NO_HITS } from './match';
import { COMPILED_LEXICON } from './lexicon';
import { decideIntent, type IntentDecision } from './intent';
import { REVIEW_BELOW } from './review';
import { findAddress } from './address';

/** Longer than any real chat comment; the rest is not read (YouTube caps chat at 200 characters). */
export const MAX_PARSED_LENGTH = 500;

const EMPTY_INDEX = indexCatalog(EMPTY_CATALOG);
const round = (value: number) => Math.round(value * 1000) / 1000;
const isQuestionMark = (token: Token) => token.kind === 'symbol' && token.text === '?';
const plain = ({ product, quantity, unit, kg }: ItemSpan): OrderItem => ({ product, quantity, unit, kg });

/** Reads one chat comment. Pure: no DOM, no browser API; build the catalog index once with indexCatalog. */
export function parseComment(text: string, catalog: CatalogIndex = EMPTY_INDEX): ParseResult {
  const cleaned = cleanText(text.length > MAX_PARSED_LENGTH ? text.slice(0, MAX_PARSED_LENGTH) : text);
  const lower = cleaned.toLowerCase();
  const phones = findPhones(lower);
  const phone = phones[0]?.national ?? null;
  const allTokens = tokenize(cleaned, lower);
  // Tokens touching a phone are the phone's, a dash written before it too ("-0912345678" is no negative number).
  const tokens = phones.length === 0 ? allTokens : allTokens.filter((token) => !phones.some((p) => token.start < p.end && token.end > p.start));
  const hits = findPhrases(tokens, COMPILED_LEXICON);
  const reading = readItems(tokens, catalog, hits);
  // The early exit: no word of the order language, no quantity and no question mark leave nothing to decide.
  const saysNothing =
    hits === NO_HITS && reading.items.length === 0 && reading.bareNumbers.length === 0 && reading.odd.length === 0 && !tokens.some(isQuestionMark);
  const decision: IntentDecision = saysNothing ? { intent: 'none', confidence: 0.9, reasons: [] } : decideIntent(tokens, hits, reading, phone !== null);
  const items = decision.bareNumber ? [decision.bareNumber.item] : decision.intent === 'none' ? [] : reading.items.map(plain);
  let sum: number | null = items.length > 0 ? 0 : null;
  for (const item of items) sum = sum === null || item.kg === null ? null : sum + item.kg;
  const totalKg = sum === null ? null : round(sum);
  return {
    text,
    intent: decision.intent,
    topic: decision.intent === 'question' ? (decision.topic ?? 'other') : null,
    items,
    totalKg,
    phone,
    address: findAddress(cleaned, tokens),
    confidence: decision.confidence,
    review: decision.intent === 'order' && decision.confidence < REVIEW_BELOW,
    reasons: decision.reasons,
  };
}
