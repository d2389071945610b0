import { z } from 'zod';
import { DECISIONS, orderEditSchema } from '../store/orders';
import { languageSchema, settingsSchema } from '../store/records';
import { tabHealthSchema } from './reader-health';
import { MAX_BATCH_MESSAGES, streamClaimSchema } from './chat-message';
import { pageSampleSchema } from '../samples/page-sample';
import { BACKUP_TABLES } from '../export/backup';
import { restoreHeaderSchema } from '../export/restore-sessions';

const id = z.string().min(1).max(300);

/** Requests from the extension's own pages (side panel) to the background, the only writer. */
export const panelCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('decide-order'), orderId: id, status: z.enum(DECISIONS) }),
  z.object({ type: z.literal('decide-orders'), orderIds: z.array(id).min(1).max(100_000), status: z.enum(DECISIONS) }),
  z.object({ type: z.literal('edit-order'), orderId: id, edit: orderEditSchema }),
  /** Undo the latest decision or edit. */
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('set-language'), language: languageSchema.nullable() }),
  z.object({ type: z.literal('save-settings'), changes: settingsSchema.pick({ repeatWindowSeconds: true, contractThresholdKg: true, onAir: true }).partial() }),
  z.object({ type: z.literal('get-health') }),
  /** Join a stream (say the Facebook one) into a broadcast (say the YouTube one) of the same show. */
  z.object({ type: z.literal('join-stream'), broadcastId: id, streamId: id }),
  z.object({ type: z.literal('split-stream'), streamId: id }),
  z.object({ type: z.literal('update-stream'), streamId: id, title: z.string().max(300).optional(), ended: z.boolean().optional() }),
  z.object({ type: z.literal('delete-stream'), streamId: id }),
  /** A tonnage goal in kg (up to a million tonnes), or null to clear it. */
  z.object({ type: z.literal('set-goal'), broadcastId: id, goalKg: z.number().positive().max(1e9).nullable() }),
  z.object({ type: z.literal('update-customer'), id, notes: z.string().max(2000).optional(), unpaid: z.boolean().optional() }),
  z.object({ type: z.literal('merge-customers'), into: id, from: id }),
  z.object({ type: z.literal('unmerge-customer'), id }),
  z.object({ type: z.literal('save-contract'), streamId: id, contract: z.unknown(), id: id.optional() }),
  z.object({ type: z.literal('promote-order'), orderId: id }),
  z.object({ type: z.literal('delete-contract'), id }),
  /** The product is checked by the store against the catalog, so each problem can be named at its field. */
  z.object({ type: z.literal('save-product'), product: z.unknown(), previousCode: z.string().max(20).optional() }),
  z.object({ type: z.literal('delete-product'), code: z.string().min(1).max(20) }),
  z.object({ type: z.literal('pin-product'), code: z.string().min(1).max(20).nullable() }),
  /** A restore in chunks (restore-sessions.ts): the counts first, then records of a table, then the one write. */
  z.object({ type: z.literal('restore-begin'), header: restoreHeaderSchema }),
  z.object({ type: z.literal('restore-chunk'), restoreId: id, table: z.enum(BACKUP_TABLES), records: z.array(z.unknown()).min(1).max(200_000) }),
  z.object({ type: z.literal('restore-commit'), restoreId: id }),
  z.object({ type: z.literal('restore-abort'), restoreId: id }),
  /** A catalog file's text; 5 MB is far beyond any real catalog. */
  z.object({ type: z.literal('import-catalog'), json: z.string().max(5_000_000) }),
  /** One batch of a past stream's chat log, read in the page: the same ingest as live chat, message by message validated. */
  /** Count one stream's figures afresh and put the kept ones right (the orders page's check, stream by stream). */
  z.object({ type: z.literal('recount-stream'), streamId: id }),
  /** A step of a chat-log import: its entries are checked whole by the import entry schema before it is written. */
  z.object({
    type: z.literal('import-chat'),
    stream: streamClaimSchema,
    messages: z.array(z.unknown()).min(1).max(MAX_BATCH_MESSAGES),
    importId: z.string().min(1).max(100),
    offset: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  }),
  /** The host answered these questions: they leave the questions lane. */
  z.object({ type: z.literal('answer-questions'), ids: z.array(id).min(1).max(10_000) }),
  /** Show a waiting question in the broadcast's presenter view (null: show none). */
  z.object({ type: z.literal('show-question'), broadcastId: id, id: id.nullable() }),
  /** A page sample of the chat a reading tab (and frame, as the health list names it) shows. */
  z.object({ type: z.literal('save-sample'), tabId: z.number().int().nonnegative(), frameId: z.number().int().nonnegative() }),
]);

export type PanelCommand = z.infer<typeof panelCommandSchema>;

/** An assistant's decisions, at the speed of key presses: they go ahead of the team's changes and of the page's reads. */
export const DECISION_COMMANDS: ReadonlySet<PanelCommand['type']> = new Set(['decide-order', 'decide-orders', 'edit-order', 'undo']);

export const healthReplySchema = z.object({ ok: z.literal(true), tabs: z.array(tabHealthSchema) });

export const sampleReplySchema = z.object({ ok: z.literal(true), sample: pageSampleSchema });

export type CommandReply =
  | {
      ok: true;
      orderId?: string;
      id?: string;
      changed?: number;
      deleted?: number;
      counts?: Record<string, number>;
      orders?: number;
      agreed?: boolean;
      skipped?: number;
    }
  | { ok: false; error: string; issues?: { path: string; message: string }[]; skipped?: number }
  | z.infer<typeof healthReplySchema>
  | z.infer<typeof sampleReplySchema>;
