import { z } from 'zod';
import { languageSchema, orderStatusSchema, tickerPlacementSchema } from '../store/records';

/** Orders whose badges a chat page gets: far more than any chat keeps on screen. */
export const BADGES_SENT = 400;
export const LATEST_SHOWN = 5;

const item = z.object({ quantity: z.number(), unit: z.string().nullable(), product: z.string().nullable(), kg: z.number().nullable() });

/**
 * What the stream page's ticker and badges show, pushed by the background. Built for the air: buyers by
 * first name unless full names are turned on, never a phone or an address, no comment text.
 */
export const onAirSnapshotSchema = z.object({
  type: z.literal('on-air'),
  enabled: z.boolean(),
  badges: z.boolean(),
  language: languageSchema.nullable(),
  /** Where the user left the ticker on this site. */
  placement: tickerPlacementSchema.nullable(),
  pendingKg: z.number(),
  confirmedKg: z.number(),
  /** Kg under contracts: in the total, shown on a line of its own. */
  contractedKg: z.number(),
  totalTonnes: z.number(),
  goalKg: z.number().nullable(),
  orders: z.number().int(),
  latest: z.array(z.object({ name: z.string().max(60), items: z.array(item).max(20), status: orderStatusSchema })).max(LATEST_SHOWN),
  /**
   * Badges by the chat row's id (the site's, or the reader's for sites without ids): all of them ('all', the
   * first snapshot on a connection), or those new or changed since the last snapshot ('changes').
   */
  badgesAre: z.enum(['all', 'changes']),
  /** With 'changes': rows whose badge went (the order deleted, or older than the badges sent). */
  badgesGone: z.array(z.string().max(200)).max(BADGES_SENT),
  orderBadges: z
    .array(
      z.object({
        messageId: z.string().max(200),
        orderId: z.string().max(300),
        items: z.array(item).max(20),
        kg: z.number().nullable(),
        status: orderStatusSchema,
        possibleRepeat: z.boolean(),
      }),
    )
    .max(BADGES_SENT),
});

export type OnAirSnapshot = z.infer<typeof onAirSnapshotSchema>;
