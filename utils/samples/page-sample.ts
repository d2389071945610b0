import { z } from 'zod';
import { platformSchema } from '../platforms/platform';
import { MESSAGE_KINDS } from '../messaging/chat-message';
import { skipReasonSchema } from '../messaging/reader-health';

/** The chat area's HTML is cut to this size (a YouTube chat of 250 rows is about 400 kB). */
export const MAX_SAMPLE_BODY = 1_500_000;

const count = z.number().int().nonnegative();

/**
 * A page sample: the structure of a chat area with everything people wrote replaced by placeholders
 * (see mask.ts), and what the reader made of it when it was saved. Crosses from the content script to the
 * background and the panel, and is read back from files: validated at each step.
 */
export const pageSampleSchema = z.object({
  format: z.literal('chot-page-sample'),
  version: z.literal(1),
  platform: platformSchema,
  /** The chat page's address, masked (the site and its structural words kept, no names or secrets). */
  url: z.string().max(2000),
  /** The page around the chat when the chat is a frame (YouTube's watch page), masked the same way. */
  topUrl: z.string().max(2000).optional(),
  title: z.string().max(300),
  capturedAt: z.number().int().nonnegative(),
  /** The extension's version that captured it. */
  readerVersion: z.string().max(40),
  /** The list selector that matched the chat area. */
  listSelector: z.string().max(300).nullable(),
  /** Rows left out to keep the file small. */
  truncated: z.boolean(),
  /** The rows in the sample and what the adapter read from them when it was saved: what a replay must read. */
  rows: z.object({
    total: count,
    read: z.partialRecord(z.enum(MESSAGE_KINDS), count),
    skipped: z.partialRecord(skipReasonSchema, count),
  }),
  /** The captured <body> element, as HTML. */
  body: z.string().max(MAX_SAMPLE_BODY).startsWith('<body'),
});

export type PageSample = z.infer<typeof pageSampleSchema>;

const HEADER = 'chot-page-sample';

/** "chot-sample-youtube-2026-06-01-2015.html", in local time. */
export function sampleFileName(sample: Pick<PageSample, 'platform' | 'capturedAt'>): string {
  const date = new Date(sample.capturedAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `chot-sample-${sample.platform}-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}.html`;
}

/**
 * The file a seller sends: an HTML page (the chat area, openable in a browser) after a comment holding the
 * rest of the sample as JSON. "--" cannot occur in JSON outside strings, and inside them it is escaped, so
 * the comment ends where it should.
 */
export function sampleFile(sample: PageSample): string {
  const { body, title, ...header } = sample;
  const json = JSON.stringify({ ...header, title })
    .replace(/--/g, '-\\u002d')
    .replace(/>/g, '\\u003e');
  const escapedTitle = title.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return `<!doctype html>\n<!-- ${HEADER} ${json} -->\n<html>\n<head><meta charset="utf-8"><title>${escapedTitle}</title></head>\n${body}\n</html>\n`;
}

/** Reads a sample file back; throws with the reason when it is not one. */
export function parseSampleFile(text: string): PageSample {
  const match = new RegExp(`^<!doctype html>\\s*<!-- ${HEADER} (\\{[\\s\\S]*?\\}) -->`, 'i').exec(text);
  if (!match) throw new Error('not a Chốt page sample (no header comment)');
  const start = text.indexOf('<body');
  const end = text.lastIndexOf('</body>');
  if (start < 0 || end < start) throw new Error('the page sample has no <body>');
  return pageSampleSchema.parse({ ...JSON.parse(match[1]!), body: text.slice(start, end + '</body>'.length) });
}
