import { z } from 'zod';
import { DECISIONS } from '../store/orders';
import { languageSchema } from '../store/records';

/** Requests from the extension's own pages (side panel) to the background, the only writer. */
export const panelCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('decide-order'), orderId: z.string().min(1).max(300), status: z.enum(DECISIONS) }),
  z.object({ type: z.literal('set-language'), language: languageSchema.nullable() }),
]);

export type PanelCommand = z.infer<typeof panelCommandSchema>;

export type CommandReply = { ok: true } | { ok: false; error: string };
