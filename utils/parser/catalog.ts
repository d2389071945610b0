import { z } from 'zod';
import { massUnitByName } from './units';
import { lexiconKey } from './text';

const word = z.string().trim().min(1).max(40);

export const productSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\d_-]+$/u, 'code: letters, digits, - or _ only'),
  name: z.string().trim().min(1).max(200),
  pricePerKg: z.number().nonnegative().max(1e9).optional(),
  /** What a bare number means for this product: a mass unit or one of its package words. */
  defaultUnit: word.default('kg'),
  /** Other names buyers use for it, e.g. ["loại 2", "vải to"]. */
  aliases: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** Package word → kg per package, e.g. {"thùng": 10}. */
  packages: z.record(word, z.number().positive().max(1e6)).default({}),
  /** Stock for sale in kg; orders beyond it wait for more. */
  stockKg: z.number().nonnegative().max(1e9).optional(),
});

export const catalogSchema = z
  .object({
    products: z.array(productSchema).max(2000),
    defaultProduct: z.string().trim().min(1).max(20).optional(),
  })
  .superRefine((catalog, ctx) => {
    const codes = new Set<string>();
    catalog.products.forEach((product, index) => {
      const key = lexiconKey(product.code);
      if (codes.has(key)) ctx.addIssue({ code: 'custom', path: ['products', index, 'code'], message: `duplicate product code "${product.code}"` });
      codes.add(key);
      const packageKeys = Object.keys(product.packages).map(lexiconKey);
      if (!massUnitByName(product.defaultUnit) && !packageKeys.includes(lexiconKey(product.defaultUnit))) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'defaultUnit'],
          message: `defaultUnit "${product.defaultUnit}" is neither a mass unit nor one of the product's packages`,
        });
      }
    });
    if (catalog.defaultProduct && !codes.has(lexiconKey(catalog.defaultProduct))) {
      ctx.addIssue({ code: 'custom', path: ['defaultProduct'], message: `defaultProduct "${catalog.defaultProduct}" is not in products` });
    }
  });

export type Product = z.infer<typeof productSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export const EMPTY_CATALOG: Catalog = { products: [] };
