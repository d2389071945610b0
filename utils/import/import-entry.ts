import { z } from 'zod';
import { chatMessageSchema } from '../messaging/chat-message';

/**
 * One message of an imported chat log. The page checks every entry of a file with it before anything is
 * sent, and the background checks every batch with it again: the same rules the ingest stores chat by
 * (ids, times, sizes), so an entry the store would drop refuses the file instead.
 */
export const importEntrySchema = chatMessageSchema;
export type ImportEntry = z.infer<typeof importEntrySchema>;

export const REFUSAL_REASONS = ['time', 'id', 'text', 'author', 'quote', 'columns', 'notChat', 'entry'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why a file was refused, where: the UI says it in the user's language, `error` in English. */
export interface Refusal {
  /** 1-based line of the file. */
  line: number;
  reason: RefusalReason;
  detail: string;
}

const REASON_TEXT: Record<RefusalReason, string> = {
  time: 'a time that cannot be read or is not plausible',
  id: 'a message id Chốt cannot store (letters, digits and - _ . : = % @ / only, up to 200)',
  text: 'a message text that is empty or too long',
  author: 'an author name that is empty or too long',
  quote: 'a quote that is never closed',
  columns: 'a row whose number of columns differs from the header',
  notChat: 'a line that is not a chat line "time author: message"',
  entry: 'an entry Chốt cannot store',
};

const FIELD_REASONS: Partial<Record<string, RefusalReason>> = { observedAt: 'time', messageId: 'id', authorId: 'id', text: 'text', authorName: 'author' };

/** Why the store would refuse an entry, or null when it would take it. */
export function entryProblem(entry: unknown): Omit<Refusal, 'line'> | null {
  const parsed = importEntrySchema.safeParse(entry);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const value = (entry as Record<string, unknown> | null)?.[field];
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  return { reason: FIELD_REASONS[field] ?? 'entry', detail: `${field} ${shown}: ${issue.message}` };
}

export const refusalError = (refusal: Refusal) => `line ${refusal.line}: ${REASON_TEXT[refusal.reason]} (${refusal.detail}), so nothing was imported`;

/** Counts lines up to ever later positions of one text without scanning it again from the start. */
export function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    for (; at < index && at < text.length; at += 1) if (text.charCodeAt(at) === 10) line += 1;
    return line;
  };
}

/** The line where `needle` first occurs in the text (1 when it does not). */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : lineCounter(text)(index);
}
