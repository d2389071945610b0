import { z } from 'zod';
import { exportRequestSchema, type ExportRequest } from './export-request';

export const PRINT_LAYOUTS = ['a4', 'receipt'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

const printRequestSchema = z.object({ request: exportRequestSchema, layout: z.enum(PRINT_LAYOUTS) });

/** The print page's address for an export request: everything it needs is in the query. */
export function printUrl(request: ExportRequest, layout: PrintLayout): string {
  return `print.html?${new URLSearchParams({ request: JSON.stringify(request), layout })}`;
}

/** The print page's query, checked: a hand-edited address gets a message, not a broken page. */
export function readPrintQuery(search: string): { ok: true; request: ExportRequest; layout: PrintLayout } | { ok: false; error: string } {
  const params = new URLSearchParams(search);
  try {
    const parsed = printRequestSchema.safeParse({ request: JSON.parse(params.get('request') ?? 'null'), layout: params.get('layout') ?? 'a4' });
    return parsed.success
      ? { ok: true, ...parsed.data }
      : { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  } catch {
    return { ok: false, error: 'the address does not say what to print' };
  }
}
