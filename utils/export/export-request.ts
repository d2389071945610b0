import { z } from 'zod';
import { Dexie } from 'dexie';
import type { ChotDatabase } from '../store/db';
import { orderLines, type OrderLine } from './order-lines';

/** Which orders an export covers: the streams of one broadcast, or every stream's orders in a time range. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('streams'), streamIds: z.array(z.string().min(1).max(300)).min(1).max(1000) }),
  /** From `from` (inclusive) to `to` (exclusive), ms since the epoch. */
  z
    .object({ kind: z.literal('range'), from: z.number().int(), to: z.number().int() })
    .refine((range) => range.to > range.from, 'the end of the range is before its start'),
]);

export const exportRequestSchema = z.object({
  scope: exportScopeSchema,
  confirmedOnly: z.boolean(),
  maskPhones: z.boolean(),
});

export type ExportScope = z.infer<typeof exportScopeSchema>;
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** The order lines an export request covers, read in one transaction so the sheet is one moment's truth. */
export async function loadExportLines(db: ChotDatabase, request: ExportRequest): Promise<OrderLine[]> {
  const { scope } = request;
  return db.transaction('r', [db.streams, db.orders, db.products, db.customers], async () => {
    const allStreams = await db.streams.toArray();
    const streams =
      scope.kind === 'streams'
        ? allStreams.filter((stream) => scope.streamIds.includes(stream.id))
        : allStreams.filter((stream) => stream.lastMessageAt >= scope.from && stream.firstMessageAt < scope.to);
    const [low, high] = scope.kind === 'range' ? [scope.from, scope.to - 1] : [Dexie.minKey, Dexie.maxKey];
    const orders = (
      await Promise.all(streams.map((stream) => db.orders.where('[streamId+observedAt]').between([stream.id, low], [stream.id, high], true, true).toArray()))
    ).flat();
    return orderLines(orders, streams, await db.products.toArray(), request, await db.customers.toArray());
  });
}

/** A day as a date input writes it, "YYYY-MM-DD", in local time. */
export const dateInputValue = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** A date input's "YYYY-MM-DD" as local midnight, or null. */
export function localDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : null;
}

/** The range scope for two date inputs, both days included. */
export function dayRange(from: string, to: string): ExportScope | null {
  const start = localDay(from);
  const end = localDay(to);
  if (start === null || end === null || end < start) return null;
  const dayAfter = new Date(end);
  dayAfter.setDate(dayAfter.getDate() + 1);
  return { kind: 'range', from: start, to: dayAfter.getTime() };
}
