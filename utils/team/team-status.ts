import { z } from 'zod';
import { platformSchema } from '../platforms/platform';

/** What each desk tells the others while it is connected (Yjs awareness): who, and which order is open. */
export const presenceSchema = z.object({
  desk: z.string().max(40),
  name: z.string().max(60),
  /** The order this assistant has open in the review queue. */
  orderId: z.string().max(300).nullable(),
  /** The streams this desk's tabs are reading now. */
  reading: z.array(z.object({ streamId: z.string().max(300), platform: platformSchema })).max(20),
});

export const TEAM_STATES = ['off', 'connecting', 'online', 'offline', 'unreachable', 'refused', 'no-permission'] as const;

/** Team mode as the panel shows it, pushed by the background over the team port. */
export const teamStatusSchema = z.object({
  state: z.enum(TEAM_STATES),
  /** This desk's id in the team (its presence among the members). */
  desk: z.string().nullable(),
  url: z.string().nullable(),
  name: z.string().nullable(),
  role: z.enum(['host', 'assistant']).nullable(),
  /** The host shows it (as text and QR code) for the assistants to enter. */
  key: z.string().nullable(),
  /**
   * Changes made here waiting for the server while it cannot be reached (0 online: there they leave at once,
   * and a count going up and down with every chat batch would only redraw the panel).
   */
  waiting: z.number().int().nonnegative(),
  /** The other desks connected now, this one first. */
  members: z.array(presenceSchema),
  /** Decisions per assistant in the broadcast the panel shows. */
  decided: z.record(z.string(), z.number().int().nonnegative()),
});

export const TEAM_PORT = 'chot-team';

/** From a panel over the team port: which broadcast it shows, and which order its assistant has open. */
export const teamPortMessageSchema = z.object({ broadcastId: z.string().max(300).nullable(), orderId: z.string().max(300).nullable() });

export type Presence = z.infer<typeof presenceSchema>;
export type TeamStatus = z.infer<typeof teamStatusSchema>;
export type TeamPortMessage = z.infer<typeof teamPortMessageSchema>;

export const TEAM_OFF: TeamStatus = { state: 'off', desk: null, url: null, name: null, role: null, key: null, waiting: 0, members: [], decided: {} };

/** TikTok rows have no ids: two desks reading one TikTok stream would each add its orders. */
export function tiktokDoubleReaders(members: readonly Presence[]): { streamId: string; names: string[] }[] {
  const byStream = new Map<string, string[]>();
  for (const member of members)
    for (const read of member.reading) if (read.platform === 'tiktok') byStream.set(read.streamId, [...(byStream.get(read.streamId) ?? []), member.name]);
  return [...byStream].filter(([, names]) => names.length > 1).map(([streamId, names]) => ({ streamId, names }));
}
