import { z } from 'zod';
import { platformSchema } from '../platforms/platform';

/** Why a row was not sent. Counted, so a site change does not fail quietly. */
export const SKIP_REASONS = ['no-id', 'pending-id', 'empty-author', 'empty-text', 'too-long', 'deleted', 'not-chat', 'system', 'repeat'] as const;
export const skipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/**
 * What the side panel warns about: no chat list found, rows on the page but none read, rows read with
 * empty author or text, a chat filter hiding messages; a chat silent for longer than its pace explains,
 * and the page's own reason for it (the chat is closed, the site asks to log in).
 */
export const WARNING_KINDS = ['no-chat-list', 'rows-not-read', 'empty-fields', 'filtered-chat', 'quiet-chat', 'chat-closed', 'login-needed'] as const;

export const readerWarningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  /**
   * The selectors that stopped matching, the filter's name as the page shows it, the seconds of silence
   * (quiet-chat), or the sign found on the page (chat-closed, login-needed).
   */
  detail: z.string().max(300),
});

export const readerHealthSchema = z.object({
  platform: platformSchema,
  streamKey: z.string().max(200).nullable(),
  title: z.string().max(300).nullable(),
  host: z.string().max(200).nullable(),
  attached: z.boolean(),
  /** The list selector that matched, for the record. */
  listSelector: z.string().max(300).nullable(),
  rowsSeen: z.number().int().nonnegative(),
  rowsSent: z.number().int().nonnegative(),
  rowsStored: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  skipped: z.partialRecord(skipReasonSchema, z.number().int().nonnegative()),
  lastRowAt: z.number().nullable(),
  warnings: z.array(readerWarningSchema).max(10),
});

export type ReaderHealth = z.infer<typeof readerHealthSchema>;
export type ReaderWarning = z.infer<typeof readerWarningSchema>;

export const healthReportSchema = z.object({ type: z.literal('reader-health'), health: readerHealthSchema });

/** A reading tab as the background knows it. */
export const tabHealthSchema = readerHealthSchema.extend({
  tabId: z.number().int(),
  frameId: z.number().int(),
  url: z.string().max(2000),
  reportedAt: z.number(),
});

export type TabHealth = z.infer<typeof tabHealthSchema>;
