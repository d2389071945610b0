import type { Catalog, Product } from './catalog';
import { COMMON_PACKAGE_TABLE, MASS_UNIT_TABLE, pluralSpellings } from './units';
import { PhraseTable } from './phrase-table';
import { tokenize } from './tokenize';
import { cleanText } from './text';
import { MAX_LINE_QUANTITY } from './review';
import { NUMBER_START_KEYS } from './numbers';
import { WordSet, internWord } from './word-trie';

export interface PackageOption {
  product: Product;
  /** The package word as the catalog spells it. */
  unit: string;
  kgPerUnit: number;
}

/** Look-up tables built once per catalog. */
export interface CatalogIndex {
  packages: PhraseTable<PackageOption[]>;
  /** Codes ("V1", "mã V1"), aliases ("loại 2") and names. */
  products: PhraseTable<Product>;
  defaultProduct?: Product;
  isEmpty: boolean;
  /** Above this, in a line's own unit or in kg, a quantity is flagged as too large. */
  maxLineQuantity: number;
  /** Keys of words that may start a quantity: a number word, a mass unit, a package word. */
  quantityKeys: ReadonlySet<string>;
  /** quantityKeys, and the keys that start a product or a multiplier ("x2"): no item starts at any other word. */
  itemKeys: ReadonlySet<string>;
  /** quantityKeys and itemKeys by their trie numbers (word-trie.ts), as tokens are looked up. */
  quantityIds: WordSet;
  itemIds: WordSet;
}

export interface IndexOptions {
  /** Defaults to MAX_LINE_QUANTITY, the largest line the store accepts. */
  maxLineQuantity?: number;
}

/** The words of a phrase as the tokenizer splits them ("V1" → "v", "1"). */
function phraseWords(phrase: string): string[] {
  const cleaned = cleanText(phrase);
  return tokenize(cleaned).map((token) => cleaned.slice(token.start, token.end));
}

/** Names that say "loại 2" or "L2" give the alias "loại 2": buyers name the grade, not the whole name. */
function gradeAliases(name: string): string[] {
  const grade = /loại\s*(\S+)/iu.exec(cleanText(name));
  return grade ? [`loại ${grade[1]}`, `loai ${grade[1]}`] : [];
}

export function indexCatalog(catalog: Catalog, { maxLineQuantity = MAX_LINE_QUANTITY }: IndexOptions = {}): CatalogIndex {
  const packages = new PhraseTable<PackageOption[]>();
  const options = new Map<string, PackageOption[]>();
  const products = new PhraseTable<Product>();
  for (const product of catalog.products) {
    for (const [unit, kgPerUnit] of Object.entries(product.packages)) {
      for (const spelling of pluralSpellings(cleanText(unit).toLowerCase())) {
        const list = options.get(spelling) ?? [];
        list.push({ product, unit, kgPerUnit });
        options.set(spelling, list);
      }
    }
    const names = [product.code, `mã ${product.code}`, ...product.aliases, ...gradeAliases(product.name), product.name];
    for (const name of names) {
      products.add(phraseWords(name), product);
    }
  }
  for (const [spelling, list] of options) packages.add(spelling, list);
  const defaultProduct = catalog.defaultProduct
    ? catalog.products.find((product) => product.code.toLowerCase() === catalog.defaultProduct!.toLowerCase())
    : undefined;
  const quantityKeys = new Set([...NUMBER_START_KEYS, ...MASS_UNIT_TABLE.firstKeys(), ...COMMON_PACKAGE_TABLE.firstKeys(), ...packages.firstKeys()]);
  const itemKeys = new Set([...quantityKeys, ...products.firstKeys(), 'x']);
  const ids = (keys: ReadonlySet<string>) => new WordSet([...keys].map(internWord));
  return {
    packages,
    products,
    defaultProduct,
    isEmpty: catalog.products.length === 0,
    maxLineQuantity,
    quantityKeys,
    itemKeys,
    quantityIds: ids(quantityKeys),
    itemIds: ids(itemKeys),
  };
}

/** Which product a package word refers to: the named one, else the default, else the first that sells it. */
export function choosePackage(options: readonly PackageOption[], named: Product | undefined, index: CatalogIndex): PackageOption | undefined {
  return options.find((option) => option.product === named) ?? options.find((option) => option.product === index.defaultProduct) ?? options[0];
}
