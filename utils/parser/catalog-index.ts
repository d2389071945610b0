import type { Catalog, Product } from './catalog';
import { lexiconKey } from './text';

export interface PackageOption {
  product: Product;
  /** The package word as the catalog spells it. */
  unit: string;
  kgPerUnit: number;
}

/** Look-up tables built once per catalog: package words (with plurals) and product codes by key. */
export interface CatalogIndex {
  packagesByKey: Map<string, PackageOption[]>;
  productsByCode: Map<string, Product>;
  defaultProduct?: Product;
}

function pluralKeys(key: string): string[] {
  return [key, `${key}s`, `${key}es`];
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const packagesByKey = new Map<string, PackageOption[]>();
  const productsByCode = new Map<string, Product>();
  for (const product of catalog.products) {
    productsByCode.set(lexiconKey(product.code), product);
    for (const [unit, kgPerUnit] of Object.entries(product.packages)) {
      for (const key of pluralKeys(lexiconKey(unit))) {
        const options = packagesByKey.get(key) ?? [];
        options.push({ product, unit, kgPerUnit });
        packagesByKey.set(key, options);
      }
    }
  }
  const defaultProduct = catalog.defaultProduct
    ? productsByCode.get(lexiconKey(catalog.defaultProduct))
    : undefined;
  return { packagesByKey, productsByCode, defaultProduct };
}

/** Which product a package word refers to: the named one, else the default, else the first that sells it. */
export function choosePackage(options: readonly PackageOption[], named: Product | undefined, index: CatalogIndex): PackageOption | undefined {
  return (
    options.find((option) => option.product === named) ??
    options.find((option) => option.product === index.defaultProduct) ??
    options[0]
  );
}
