import { z } from 'zod';
import { teamKeySchema, teamUrlSchema } from './team-records';

/** The side panel's team requests. The host gets a new key; an assistant enters the host's. */
export const teamCommandSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('team-enable'),
      role: z.enum(['host', 'assistant']),
      url: teamUrlSchema,
      name: z.string().trim().min(1).max(60),
      key: teamKeySchema.optional(),
    })
    .refine((command) => command.role === 'host' || command.key !== undefined, "an assistant enters the host's key"),
  z.object({ type: z.literal('team-disable') }),
  /** The host compacts an ended broadcast's shared document (the server rebuilds it as a new generation). */
  z.object({ type: z.literal('team-compact'), broadcastId: z.string().min(1).max(300) }),
]);

export type TeamCommand = z.infer<typeof teamCommandSchema>;

/** A team command's answer; a compaction says the document's size before and after. */
export type TeamReply = { ok: true; compacted?: { generation: number; before: number; after: number } } | { ok: false; error: string };

/**
 * The host permission to ask for a team server's address (any port of that host): ws:// as http://, wss:// as
 * https://, the origins a browser's site settings can grant (Chromium's "Site access → Add a site" takes no ws://).
 */
export function originPatternOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'wss:' ? 'https:' : 'http:'}//${parsed.hostname}/*`;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes (256 bits) from the browser's cryptographic generator, 43 characters to type or scan. */
export const newTeamKey = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
export const newDeskId = () => base64url(crypto.getRandomValues(new Uint8Array(12)));
