import { z } from 'zod';
import { catalogSchema, type Catalog } from '../parser/index';

export type CatalogLoad = { ok: true; catalog: Catalog } | { ok: false; error: string };

/** Parses and validates catalog JSON text, with a message that says what is wrong and where. */
export function parseCatalogJson(jsonText: string): CatalogLoad {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, error: `the catalog is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = catalogSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `the catalog is not valid:\n${z.prettifyError(parsed.error)}` };
  return { ok: true, catalog: parsed.data };
}
