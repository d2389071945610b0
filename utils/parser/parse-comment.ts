import type { CatalogIndex } from './catalog-index';
import type { OrderItem, ParseResult } from './result';
import { indexCatalog } from './catalog-index';
import { EMPTY_CATALOG } from './catalog';
import { scanComment, type CommentScan, type Token } from './tokenize';
import { cleanText } from './text';
import { readPhones, type PhoneMatch } from './phone';
import { readItems, type ItemSpan } from './items';
import { findPhrases, NO_HITS } from './match';
import { COMPILED_LEXICON } from './lexicon';
import { decideIntent, type IntentDecision } from './intent';
import { REVIEW_BELOW } from './review';
import { findAddress } from './address';
import { ADDRESS_LEAD, LEXICON_START } from './word-trie';

/** Longer than any real chat comment; the rest is not read (YouTube caps chat at 200 characters). */
export const MAX_PARSED_LENGTH = 500;

const EMPTY_INDEX = indexCatalog(EMPTY_CATALOG);
const round = (value: number) => Math.round(value * 1000) / 1000;
const isQuestionMark = (token: Token) => token.kind === 'symbol' && token.text === '?';
/** The items as the result gives them (reading.items.map, by a loop). */
function plainItems(spans: readonly ItemSpan[]): OrderItem[] {
  const items: OrderItem[] = [];
  for (const { product, quantity, unit, kg } of spans) items.push({ product, quantity, unit, kg });
  return items;
}

const NO_PHONES: readonly PhoneMatch[] = Object.freeze([]);
// What the tokenizer saw besides the tokens, written by each call (the parser runs one comment at a time).
const seen: CommentScan = { digits: 0, flags: 0, unclean: false };

/** Reads one chat comment. Pure: no DOM, no browser API; build the catalog index once with indexCatalog. */
export function parseComment(text: string, catalog: CatalogIndex = EMPTY_INDEX): ParseResult {
  let cleaned = text.length > MAX_PARSED_LENGTH ? text.slice(0, MAX_PARSED_LENGTH) : text;
  let lower = cleaned.toLowerCase();
  let allTokens = scanComment(cleaned, lower, seen);
  if (seen.unclean) {
    // The rare text cleanText changes (decomposed, zero-width): read again, cleaned. Text without such a
    // character is its own cleanText, and lower case adds none that was not there (scanComment checks it).
    cleaned = cleanText(cleaned);
    lower = cleaned.toLowerCase();
    allTokens = scanComment(cleaned, lower, seen);
  }
  const phones = seen.digits >= 8 ? readPhones(lower) : NO_PHONES; // a phone has 9 digits or more
  const phone = phones[0]?.national ?? null;
  // Tokens touching a phone are the phone's, a dash written before it too ("-0912345678" is no negative number).
  const tokens = phones.length === 0 ? allTokens : allTokens.filter((token) => !phones.some((p) => token.start < p.end && token.end > p.start));
  const hits = (seen.flags & LEXICON_START) === 0 ? NO_HITS : findPhrases(tokens, COMPILED_LEXICON);
  const reading = readItems(tokens, catalog, hits);
  const address = (seen.flags & ADDRESS_LEAD) === 0 ? null : findAddress(cleaned, tokens);
  const saysNothing =
    hits === NO_HITS && reading.items.length === 0 && reading.bareNumbers.length === 0 && reading.odd.length === 0 && !tokens.some(isQuestionMark);
  const decision: IntentDecision = saysNothing ? { intent: 'none', confidence: 0.9, reasons: [] } : decideIntent(tokens, hits, reading, phone !== null);
  const items = decision.bareNumber ? [decision.bareNumber.item] : decision.intent === 'none' ? [] : plainItems(reading.items);
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
    address,
    confidence: decision.confidence,
    review: decision.intent === 'order' && decision.confidence < REVIEW_BELOW,
    reasons: decision.reasons,
  };
}
