import type { Token } from './tokenize';

/** Orders the parser is less sure of than this are marked for the assistant's review. */
export const REVIEW_BELOW = 0.75;

/**
 * More than this on one order line, in its own unit or in kg, is a slip of the keyboard, not an order
 * (100 tonnes). The store caps an assistant's corrections by the same number.
 */
export const MAX_LINE_QUANTITY = 100_000;

/** How sure the parser is at most of a comment with an odd quantity in it: always below REVIEW_BELOW. */
export const ODD_QUANTITY_CONFIDENCE = 0.5;

export interface OddQuantity {
  /** For the reasons, e.g. "negative quantity: -5 kg". */
  reason: string;
  /** A zero is kept as read, for the assistant to correct; anything else cannot be read as an amount. */
  keep: boolean;
}

/**
 * Whether the quantity read from tokens[start, end) is odd: a minus sign before it, scientific notation,
 * more than `max` in its unit or in kg, or zero. The reason quotes the words as typed.
 */
export function oddQuantity(tokens: readonly Token[], start: number, end: number, quantity: number, kg: number | null, max: number): OddQuantity | undefined {
  let negative = false;
  let scientific = false;
  for (let i = start; i < end; i += 1) {
    const token = tokens[i]!;
    if (token.kind !== 'number') continue;
    if (token.text.charCodeAt(0) === 45) negative = true; // the tokenizer writes every minus as "-"
    if (token.scientific) scientific = true;
  }
  const tooLarge = !Number.isFinite(quantity) || quantity > max || (kg !== null && !(kg <= max));
  if (!negative && !scientific && !tooLarge && quantity !== 0) return undefined;
  const typed = tokens
    .slice(start, end)
    .map((token) => token.text)
    .join(' ');
  if (negative || quantity < 0) return { reason: `negative quantity: ${typed}`, keep: false };
  if (tooLarge) return { reason: `quantity too large: ${typed}`, keep: false };
  if (scientific) return { reason: `quantity in scientific notation: ${typed}`, keep: false };
  return { reason: `quantity zero: ${typed}`, keep: true };
}
