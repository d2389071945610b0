import type { Token } from './tokenize';
import type { OrderItem } from './result';
import type { CatalogIndex } from './catalog-index';
import type { Product } from './catalog';
import { choosePackage } from './catalog-index';
import { commonPackageByKey, massUnitByKey, massUnitByName, type MassUnit } from './units';
import { HALF_SUFFIX_KEYS, readQuantity } from './numbers';

export interface ItemSpan extends OrderItem {
  /** Token index range [start, end) the item was read from. */
  start: number;
  end: number;
  /** The product was named in the comment rather than defaulted. */
  productNamed: boolean;
}

export interface ItemsReading {
  items: ItemSpan[];
  /** Numbers in digits with no unit after them ("chốt 2"): used when an order word is present. */
  bareNumbers: { value: number; index: number }[];
  /** Product codes named in the comment, in order, with their token ranges. */
  namedProducts: { product: Product; start: number; end: number }[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

type UnitHit = { kind: 'mass'; unit: MassUnit } | { kind: 'package'; key: string; name: string };

function unitAt(tokens: readonly Token[], i: number, index: CatalogIndex): UnitHit | undefined {
  const token = tokens[i];
  if (!token || token.kind !== 'word') return undefined;
  if (index.packagesByKey.has(token.key)) return { kind: 'package', key: token.key, name: token.text };
  const common = commonPackageByKey(token.key);
  if (common) return { kind: 'package', key: token.key, name: common };
  const unit = massUnitByKey(token.key);
  if (!unit) return undefined;
  // "yến sào" is bird's nest, not ten kilos
  if (unit.name === 'yến' && tokens[i + 1]?.key === 'sao') return undefined;
  return { kind: 'mass', unit };
}

/** A product code at i, possibly glued to the next token ("v1" tokenizes as "v" "1"). */
function productAt(tokens: readonly Token[], i: number, index: CatalogIndex): { product: Product; next: number } | undefined {
  const token = tokens[i];
  if (!token || index.productsByCode.size === 0) return undefined;
  const single = index.productsByCode.get(token.key);
  if (single && token.kind === 'word') return { product: single, next: i + 1 };
  const following = tokens[i + 1];
  if (following && following.start === token.end) {
    const glued = index.productsByCode.get(token.key + following.key);
    if (glued) return { product: glued, next: i + 2 };
  }
  return undefined;
}

/** "1 tạ 5" → 1.5 tạ; "2 yến rưỡi" → 2.5 yến. Returns the extra amount in `unit` and tokens used. */
function readMassTail(tokens: readonly Token[], i: number, unit: MassUnit, index: CatalogIndex): { extra: number; next: number } {
  const next = tokens[i];
  if (next?.kind === 'word' && HALF_SUFFIX_KEYS.has(next.key)) return { extra: 0.5, next: i + 1 };
  const smaller = unit.smaller ? massUnitByName(unit.smaller) : undefined;
  if (next?.kind === 'number' && next.value !== undefined && smaller && Number.isInteger(next.value) && next.value < unit.kg / smaller.kg) {
    if (!unitAt(tokens, i + 1, index)) return { extra: (next.value * smaller.kg) / unit.kg, next: i + 1 };
  }
  return { extra: 0, next: i };
}

const TIME_WORDS = new Set(['h', 'gio', 'g', 'phut', 'p', 'ngay', 'thang', 'tieng', 'am', 'pm', 'lan']);

/** "15/6", "5h", "5 giờ": numbers that are dates, times or counts of something else. */
function looksLikeTimeOrDate(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.kind === 'symbol') return next.text === '/' || next.text === ':';
  return next.kind === 'word' && TIME_WORDS.has(next.key);
}

export function readItems(tokens: readonly Token[], index: CatalogIndex, skip: ReadonlySet<number>): ItemsReading {
  const items: ItemSpan[] = [];
  const bareNumbers: ItemsReading['bareNumbers'] = [];
  const namedProducts: ItemsReading['namedProducts'] = [];
  let named: Product | undefined;

  const pushItem = (item: ItemSpan) => {
    items.push(item);
    named = undefined;
  };

  let i = 0;
  while (i < tokens.length) {
    if (skip.has(i)) {
      i += 1;
      continue;
    }
    const product = productAt(tokens, i, index);
    if (product) {
      named = product.product;
      namedProducts.push({ product: product.product, start: i, end: product.next });
      // "2kg V1": a code right after an item without a product names that item's product
      const previous = items[items.length - 1];
      if (previous && previous.end === i && !previous.productNamed && previous.unit && massUnitByName(previous.unit)) {
        previous.product = product.product.code;
        previous.productNamed = true;
        named = undefined;
      }
      i = product.next;
      continue;
    }

    // A unit with no number before it: "ký rưỡi" = 1.5 kg
    const bareUnit = unitAt(tokens, i, index);
    const quantity = bareUnit ? undefined : readQuantity(tokens, i);
    const unitIndex = quantity ? quantity.next : i;
    const unit = bareUnit ?? unitAt(tokens, unitIndex, index);
    if (unit && ![...Array(unitIndex - i + 1).keys()].some((k) => skip.has(i + k))) {
      const base = quantity?.value ?? (tokens[unitIndex + 1] && HALF_SUFFIX_KEYS.has(tokens[unitIndex + 1]!.key) ? 1 : undefined);
      if (base !== undefined) {
        if (unit.kind === 'mass') {
          const tail = readMassTail(tokens, unitIndex + 1, unit.unit, index);
          const amount = round(base + tail.extra);
          const productCode = (named ?? index.defaultProduct)?.code ?? null;
          pushItem({ product: productCode, quantity: amount, unit: unit.unit.name, kg: round(amount * unit.unit.kg), start: i, end: tail.next, productNamed: Boolean(named) });
          i = tail.next;
        } else {
          const option = choosePackage(index.packagesByKey.get(unit.key) ?? [], named, index);
          // A package word the catalog does not weigh still makes an item, with unknown kg.
          const half = tokens[unitIndex + 1] && HALF_SUFFIX_KEYS.has(tokens[unitIndex + 1]!.key) ? 0.5 : 0;
          const amount = base + half;
          const end = unitIndex + 1 + (half ? 1 : 0);
          pushItem({ product: option?.product.code ?? null, quantity: amount, unit: option?.unit ?? unit.name, kg: option ? round(amount * option.kgPerUnit) : null, start: i, end, productNamed: Boolean(named) });
          i = end;
        }
        continue;
      }
    }
    const token = tokens[i];
    if (token?.kind === 'number' && token.value !== undefined && !looksLikeTimeOrDate(tokens, i)) {
      bareNumbers.push({ value: token.value, index: i });
    }
    i += 1;
  }
  return { items, bareNumbers, namedProducts };
}
