import type { Token } from './tokenize';
import type { OrderItem } from './result';
import type { CatalogIndex, PackageOption } from './catalog-index';
import type { Product } from './catalog';
import type { Hits } from './match';
import { choosePackage } from './catalog-index';
import { COMMON_PACKAGE_TABLE, MASS_UNIT_TABLE, massUnitByName, type MassUnit } from './units';
import { isHalfSuffix, readQuantity } from './numbers';
import { MAX_LINE_QUANTITY, oddQuantity, type OddQuantity } from './review';
import { WordSet, internWord } from './word-trie';

export interface ItemSpan extends OrderItem {
  /** Token index range [start, end) the item was read from. */
  start: number;
  end: number;
  /** The product was named in the comment rather than defaulted. */
  productNamed: boolean;
  /** For package words: the catalog's options, to re-choose when a product is named after the item. */
  options?: PackageOption[];
}

export interface ItemsReading {
  items: ItemSpan[];
  /** Quantities that are something else: a range, a person's weight. */
  excluded: { start: number; end: number; reason: string }[];
  /** Numbers in digits with no unit after them ("chốt 2"): used when an order word is near. */
  bareNumbers: BareNumber[];
  /** Products named in the comment, with their token ranges. */
  products: { product: Product; start: number; end: number }[];
  /** Why quantities read are odd (zero, negative, too large): the comment needs a second look. */
  odd: string[];
}

export interface BareNumber {
  value: number;
  index: number;
  /** What it orders: the named or default product in its default unit. */
  item: OrderItem;
  odd?: OddQuantity;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const RANGE_WORDS = new WordSet(['-', '~', 'den', 'toi', 'to'].map(internWord));
const SAO = internWord('sao');
const X = internWord('x');
const TIMES = internWord('×');
const STAR = internWord('*');

type UnitHit = { kind: 'mass'; unit: MassUnit; next: number } | { kind: 'package'; name: string; options?: PackageOption[]; next: number };

function unitAt(tokens: readonly Token[], i: number, catalog: CatalogIndex): UnitHit | undefined {
  const catalogPackage = catalog.packages.at(tokens, i);
  if (catalogPackage) return { kind: 'package', name: catalogPackage.value[0]!.unit, options: catalogPackage.value, next: catalogPackage.next };
  const common = COMMON_PACKAGE_TABLE.at(tokens, i);
  if (common) return { kind: 'package', name: common.value, next: common.next };
  const mass = MASS_UNIT_TABLE.at(tokens, i);
  if (!mass) return undefined;
  // "yến sào" is bird's nest; a capital "G" is a network or a memory size ("4G", "8G")
  if (mass.value.name === 'yến' && tokens[mass.next]?.keyId === SAO) return undefined;
  if (mass.value.name === 'g' && tokens[i]!.upper) return undefined;
  return { kind: 'mass', unit: mass.value, next: mass.next };
}

/** "1 tạ 5" → +5 yến; "2 yến rưỡi" → +half. Returns the extra amount in `unit` and where it ends. */
function readMassTail(tokens: readonly Token[], i: number, unit: MassUnit, catalog: CatalogIndex): { extra: number; next: number } {
  const next = tokens[i];
  if (isHalfSuffix(next)) return { extra: 0.5, next: i + 1 };
  const smaller = unit.smaller ? massUnitByName(unit.smaller) : undefined;
  if (next?.kind === 'number' && next.value !== undefined && smaller && Number.isInteger(next.value) && next.value < unit.kg / smaller.kg) {
    if (!unitAt(tokens, i + 1, catalog) && !(tokens[i + 1]?.kind === 'number')) return { extra: (next.value * smaller.kg) / unit.kg, next: i + 1 };
  }
  return { extra: 0, next: i };
}

function packageItem(amount: number, unit: Extract<UnitHit, { kind: 'package' }>, named: Product | undefined, catalog: CatalogIndex) {
  const option = unit.options ? choosePackage(unit.options, named, catalog) : undefined;
  return {
    product: option?.product.code ?? named?.code ?? null,
    quantity: amount,
    unit: option?.unit ?? unit.name,
    kg: option ? round(amount * option.kgPerUnit) : null,
    options: unit.options,
  };
}

/** Every item is made here, so that all have one shape (the reader builds thousands a second). */
function span(item: OrderItem, start: number, end: number, options?: PackageOption[]): ItemSpan {
  return { product: item.product, quantity: item.quantity, unit: item.unit, kg: item.kg, start, end, productNamed: false, options };
}

const packageSpan = (
  amount: number,
  unit: Extract<UnitHit, { kind: 'package' }>,
  named: Product | undefined,
  catalog: CatalogIndex,
  start: number,
  end: number,
) => {
  const item = packageItem(amount, unit, named, catalog);
  return span(item, start, end, item.options);
};

const massSpan = (product: Product | undefined, amount: number, unit: MassUnit, start: number, end: number) =>
  span({ product: product?.code ?? null, quantity: amount, unit: unit.name, kg: round(amount * unit.kg) }, start, end);

function defaultUnitItem(amount: number, product: Product | undefined): OrderItem {
  const unitName = product?.defaultUnit ?? null;
  const mass = unitName ? massUnitByName(unitName) : undefined;
  const perPackage = product && unitName ? product.packages[unitName] : undefined;
  const kgPer = mass?.kg ?? perPackage ?? null;
  return { product: product?.code ?? null, quantity: amount, unit: mass?.name ?? unitName, kg: kgPer === null ? null : round(amount * kgPer) };
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/** A leading zero is a phone's or a code's ("0912", "05"): /^-?0\d/, by character codes. */
function leadingZero(text: string): boolean {
  const at = text.charCodeAt(0) === 45 ? 1 : 0;
  return text.charCodeAt(at) === 48 && isDigit(text.charCodeAt(at + 1));
}
const mayBeAmount = (token: Token) => token.kind !== 'number' || !leadingZero(token.text);
/**
 * Numbers beyond the largest line are leftovers of order codes and prices ("250000"), not amounts, unless a
 * unit follows them ("200000 kg", read and flagged too large). A minus or an exponent is read, and flagged.
 */
const isQuantityToken = (token: Token) => mayBeAmount(token) && (token.kind !== 'number' || token.value! <= MAX_LINE_QUANTITY || token.scientific === true);

/** Most chat has no number and no unit at all: such a comment has no items to look for. */
function mayHaveQuantity(tokens: readonly Token[], catalog: CatalogIndex): boolean {
  for (const token of tokens) {
    if (token.kind === 'number') return true;
    if (token.kind === 'word' && catalog.quantityIds.has(token.keyId)) return true;
  }
  return false;
}

/** Whether an item, a product or a multiplier may start at this token: a number, a listed word, "×" or "*". */
const mayStartItem = (token: Token, catalog: CatalogIndex) =>
  token.kind === 'number' || (token.kind === 'word' ? catalog.itemIds.has(token.keyId) : token.keyId === TIMES || token.keyId === STAR);

// The reading of every comment without a quantity: shared, and frozen so that no one adds to it.
const NOTHING_READ: ItemsReading = Object.freeze({
  items: Object.freeze([]) as unknown as ItemSpan[],
  excluded: Object.freeze([]) as unknown as ItemsReading['excluded'],
  bareNumbers: Object.freeze([]) as unknown as BareNumber[],
  products: Object.freeze([]) as unknown as ItemsReading['products'],
  odd: Object.freeze([]) as unknown as string[],
});

/** A list of the reading to add to: a list of its own in place of the shared empty one. */
function added<K extends 'excluded' | 'products' | 'odd'>(reading: ItemsReading, list: K): ItemsReading[K] {
  if (reading[list] === NOTHING_READ[list]) reading[list] = [] as unknown[] as ItemsReading[K];
  return reading[list];
}

/** Adds an item, marked as named when a product was named before it; returns the product named next (none). */
function pushItem(reading: ItemsReading, item: ItemSpan, named: Product | undefined): undefined {
  item.productNamed = named !== undefined;
  reading.items.push(item);
  return undefined;
}

export function readItems(tokens: readonly Token[], catalog: CatalogIndex, hits: Hits): ItemsReading {
  if (!mayHaveQuantity(tokens, catalog)) return NOTHING_READ;
  // the lists most comments leave empty are the shared frozen ones until something is added (added below)
  const reading: ItemsReading = {
    items: [],
    excluded: NOTHING_READ.excluded,
    bareNumbers: NOTHING_READ.bareNumbers,
    products: NOTHING_READ.products,
    odd: NOTHING_READ.odd,
  };
  let named: Product | undefined;
  const bare: number[] = [];

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!mayStartItem(token, catalog)) {
      i += 1; // nothing below starts at this token
      continue;
    }
    const product = catalog.products.at(tokens, i);
    // A code is a product unless the number in it is followed by a unit ("v 2kg" is not "V2 kg").
    if (product && !(tokens[product.next - 1]?.kind === 'number' && unitAt(tokens, product.next, catalog))) {
      named = product.value;
      added(reading, 'products').push({ product: product.value, start: i, end: product.next });
      // "2kg V1": a product right after an item without one names that item's product.
      const previous = reading.items[reading.items.length - 1];
      if (previous && previous.end === i && !previous.productNamed) {
        Object.assign(
          previous,
          previous.options
            ? packageItem(previous.quantity, { kind: 'package', name: previous.unit ?? '', options: previous.options, next: 0 }, product.value, catalog)
            : { product: product.value.code },
          { productNamed: true },
        );
        named = undefined;
      }
      i = product.next;
      continue;
    }

    // "x2", "× 3": a multiplier, of the unit after it or of the product's default unit
    if ((token.keyId === X || token.keyId === TIMES || token.keyId === STAR) && tokens[i + 1]?.kind === 'number' && isQuantityToken(tokens[i + 1]!)) {
      const amount = tokens[i + 1]!.value!;
      const unit = unitAt(tokens, i + 2, catalog);
      if (unit?.kind === 'mass') named = pushItem(reading, massSpan(named ?? catalog.defaultProduct, amount, unit.unit, i, unit.next), named);
      else if (unit) named = pushItem(reading, packageSpan(amount, unit, named, catalog, i, unit.next), named);
      else if (named || catalog.defaultProduct) named = pushItem(reading, span(defaultUnitItem(amount, named ?? catalog.defaultProduct), i, i + 2), named);
      else named = pushItem(reading, span({ product: null, quantity: amount, unit: null, kg: null }, i, i + 2), named);
      i = unit ? unit.next : i + 2;
      continue;
    }

    // A unit with no number before it: "ký rưỡi" = 1.5 kg
    const leadingUnit = unitAt(tokens, i, catalog);
    if (leadingUnit && isHalfSuffix(tokens[leadingUnit.next])) {
      const end = leadingUnit.next + 1;
      if (leadingUnit.kind === 'mass') named = pushItem(reading, massSpan(named ?? catalog.defaultProduct, 1.5, leadingUnit.unit, i, end), named);
      else named = pushItem(reading, packageSpan(1.5, leadingUnit, named, catalog, i, end), named);
      i = end;
      continue;
    }

    const quantity = mayBeAmount(token) ? readQuantity(tokens, i) : undefined;
    if (quantity) {
      const separator = tokens[quantity.next];
      if (separator && RANGE_WORDS.has(separator.keyId)) {
        // "2-3kg", "từ 2 đến 3 ký": a range, not an amount
        const upper = readQuantity(tokens, quantity.next + 1);
        const rangeUnit = upper && unitAt(tokens, upper.next, catalog);
        if (rangeUnit) {
          added(reading, 'excluded').push({ start: i, end: rangeUnit.next, reason: 'range' });
          i = rangeUnit.next;
          continue;
        }
      }
      const unit = unitAt(tokens, quantity.next, catalog);
      if (unit?.kind === 'mass') {
        const tail = readMassTail(tokens, unit.next, unit.unit, catalog);
        const amount = round(quantity.value + tail.extra);
        named = pushItem(reading, massSpan(named ?? catalog.defaultProduct, amount, unit.unit, i, tail.next), named);
        i = tail.next;
        continue;
      }
      if (unit) {
        const half = isHalfSuffix(tokens[unit.next]) ? 0.5 : 0;
        named = pushItem(reading, packageSpan(quantity.value + half, unit, named, catalog, i, unit.next + (half ? 1 : 0)), named);
        i = unit.next + (half ? 1 : 0);
        continue;
      }
    }
    if (
      token.kind === 'number' &&
      isQuantityToken(token) &&
      !hits.numberNoun.some((hit) => hit.start === i + 1) &&
      !hits.numberLabel.some((hit) => hit.end === i) &&
      !(tokens[i + 1]?.kind === 'symbol' && /^[/:%]$/.test(tokens[i + 1]!.text))
    ) {
      bare.push(i);
    }
    i += 1;
  }

  // "bé 12kg", "nặng 50kg", "giảm được 4kg": a measure word just before the quantity.
  if (hits.measure.length > 0)
    reading.items = reading.items.filter((item) => {
      const measured = hits.measure.some((hit) => hit.end <= item.start && item.start - hit.end <= 1);
      if (measured) added(reading, 'excluded').push({ start: item.start, end: item.end, reason: 'measure' });
      return !measured;
    });
  // Odd quantities: a zero stays, for the assistant to correct; a minus, an exponent or a size beyond the
  // largest line cannot be read as any amount, so the item is left out. Either way the reason is given.
  const oddOf = (item: ItemSpan) => oddQuantity(tokens, item.start, item.end, item.quantity, item.kg, catalog.maxLineQuantity);
  let anyOdd = false; // a loop, not some(oddOf): most comments have no odd item, and skip the closures
  for (let k = 0; k < reading.items.length && !anyOdd; k += 1) {
    const item = reading.items[k]!;
    anyOdd = oddQuantity(tokens, item.start, item.end, item.quantity, item.kg, catalog.maxLineQuantity) !== undefined;
  }
  if (anyOdd)
    reading.items = reading.items.filter((item) => {
      const odd = oddOf(item);
      if (!odd) return true;
      added(reading, 'odd').push(odd.reason);
      if (!odd.keep) added(reading, 'excluded').push({ start: item.start, end: item.end, reason: odd.reason });
      return odd.keep;
    });
  // A bare number orders the product named anywhere in the comment, or the default, in its default unit.
  const bareProduct = reading.products[0]?.product ?? catalog.defaultProduct;
  if (bare.length > 0)
    reading.bareNumbers = bare.map((index) => {
      const value = tokens[index]!.value!;
      const item = defaultUnitItem(value, bareProduct);
      return { value, index, item, odd: oddQuantity(tokens, index, index + 1, value, item.kg, catalog.maxLineQuantity) };
    });
  return reading;
}
