import { z } from 'zod';
import type { CatalogIndex } from './catalog-index';
import { parseComment } from './parse-comment';
import { parseResultSchema } from './result';

const jsonLineSchema = z.object({ text: z.string().max(100_000) }).loose();

export type InputLine = { ok: true; text: string } | { ok: false; error: string };

/** One line of `parse` input: plain text, or a JSON object with a `text` field. */
export function readInputLine(line: string): InputLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { ok: true, text: line };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = jsonLineSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: 'a JSON line needs a string "text" field' };
  return { ok: true, text: parsed.data.text };
}

/** One line of `parse` output: every line has every field; `error` is null unless the input line was unreadable. */
export const outputLineSchema = parseResultSchema.extend({ error: z.string().nullable() });
export type OutputLine = z.infer<typeof outputLineSchema>;

/** The output for one input line. An unreadable line reads as nothing, with confidence 0 and the error. */
export function outputLine(line: string, catalog?: CatalogIndex): OutputLine {
  const input = readInputLine(line);
  if (!input.ok) {
    return {
      text: line,
      intent: 'none',
      topic: null,
      items: [],
      totalKg: null,
      phone: null,
      address: null,
      confidence: 0,
      review: false,
      reasons: [],
      error: input.error,
    };
  }
  return { ...parseComment(input.text, catalog), error: null };
}

/**
 * Splits a stream of text into lines at LF, dropping the CR of a CRLF. A CR alone is part of its line:
 * chat text can hold one, and Node's readline would end the line there.
 */
export class LineSplitter {
  private rest = '';

  /** The lines a chunk completes. */
  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split('\n');
    this.rest = parts.pop()!;
    return parts.map(withoutCr);
  }

  /** The last line, when the input does not end with a line break. */
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last === '' ? [] : [last];
  }
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
