import { z } from 'zod';

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
