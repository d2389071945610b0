import { z } from 'zod';
import type { ChotDatabase } from './db';
import { catalogSchema, productSchema, type Catalog, type Product } from '../parser/catalog';
import { parseCatalogJson } from '../catalog/parse-catalog-json';
import { loadSettings, saveSettings } from './settings';

export type FieldIssue = { path: string; message: string };
export type CatalogResult = { ok: true } | { ok: false; error: string; issues?: FieldIssue[] };

const issuesOf = (error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.slice(prefix.length).join('.'), message: issue.message }));

/** The catalog as the parser and the parse command know it: products and the pinned one. */
export async function loadStoredCatalog(db: ChotDatabase): Promise<Catalog> {
  const [products, settings] = await Promise.all([db.products.orderBy('code').toArray(), loadSettings(db)]);
  return { products, ...(settings.pinnedProduct ? { defaultProduct: settings.pinnedProduct } : {}) };
}

/** Adds or replaces a product (renaming its code when `previousCode` differs), checked with the whole catalog. */
export async function saveProduct(db: ChotDatabase, input: unknown, previousCode?: string): Promise<CatalogResult> {
  const product = productSchema.safeParse(input);
  if (!product.success) return { ok: false, error: 'invalid-product', issues: issuesOf(product.error) };
  return db.transaction('rw', db.products, db.settings, async () => {
    const current = await loadStoredCatalog(db);
    const others = current.products.filter((p) => p.code !== (previousCode ?? product.data.code));
    const next = catalogSchema.safeParse({ ...current, products: [...others, product.data] });
    if (!next.success) {
      const index = others.length;
      const own = next.error.issues.filter((issue) => issue.path[0] === 'products' && issue.path[1] === index);
      return {
        ok: false,
        error: 'invalid-product',
        issues: own.length ? own.map((issue) => ({ path: issue.path.slice(2).join('.'), message: issue.message })) : issuesOf(next.error),
      } as const;
    }
    if (previousCode && previousCode !== product.data.code) {
      await db.products.delete(previousCode);
      if (current.defaultProduct === previousCode) await saveSettings(db, { pinnedProduct: product.data.code });
    }
    await db.products.put(product.data);
    return { ok: true } as const;
  });
}

export async function deleteProduct(db: ChotDatabase, code: string): Promise<CatalogResult> {
  return db.transaction('rw', db.products, db.settings, async () => {
    if (!(await db.products.get(code))) return { ok: false, error: 'not-found' } as const;
    await db.products.delete(code);
    if ((await loadSettings(db)).pinnedProduct === code) await saveSettings(db, { pinnedProduct: null });
    return { ok: true } as const;
  });
}

export async function pinProduct(db: ChotDatabase, code: string | null): Promise<CatalogResult> {
  return db.transaction('rw', db.products, db.settings, async () => {
    if (code !== null && !(await db.products.get(code))) return { ok: false, error: 'not-found' } as const;
    await saveSettings(db, { pinnedProduct: code });
    return { ok: true } as const;
  });
}

/** Replaces the catalog with a file's, all or nothing: a file that does not validate changes nothing. */
export async function importCatalog(db: ChotDatabase, jsonText: string): Promise<CatalogResult> {
  const parsed = parseCatalogJson(jsonText);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const catalog: Catalog = parsed.catalog;
  return db.transaction('rw', db.products, db.settings, async () => {
    await db.products.clear();
    await db.products.bulkPut(catalog.products as Product[]);
    await saveSettings(db, { pinnedProduct: catalog.defaultProduct ?? null });
    return { ok: true } as const;
  });
}

/** The catalog file: the parse command's format, so it can be read back here or with `npm run parse`. */
export async function exportCatalog(db: ChotDatabase): Promise<string> {
  return `${JSON.stringify(await loadStoredCatalog(db), null, 2)}\n`;
}
