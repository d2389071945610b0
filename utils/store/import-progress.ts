import { z } from 'zod';

/**
 * How far one chat-log import got, written in the same transaction as each step's messages: a stopped
 * import (a closed page, a service worker stopped) says exactly what was stored, and the same file chosen
 * again goes on from there.
 */
export const importProgressSchema = z.object({
  /** A fingerprint of the file's entries (ids, times, texts), not of its name. */
  id: z.string().min(1).max(100),
  streamId: z.string().min(1).max(300),
  /** Messages in the file, and how many of them, from the first in time order, are stored. */
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  updatedAt: z.number(),
});

export type ImportProgress = z.infer<typeof importProgressSchema>;

/** Where a step leaves the record: it moves on only when the step continues what was stored. */
export function progressAfter(
  current: ImportProgress | undefined,
  step: { id: string; streamId: string; total: number; offset: number; count: number; now: number },
): ImportProgress {
  const before = current && current.streamId === step.streamId ? current.done : 0;
  const done = step.offset <= before ? Math.max(before, step.offset + step.count) : before;
  return { id: step.id, streamId: step.streamId, total: step.total, done: Math.min(done, step.total), updatedAt: step.now };
}
