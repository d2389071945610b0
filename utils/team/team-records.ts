import { z } from 'zod';

/** The tables the team shares, and the document each lives in: the shop's, or its broadcast's. */
export const SHARED_TABLES = ['streams', 'orders', 'actions', 'contracts', 'customers', 'products', 'questions'] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];
export const SHOP_TABLES = new Set<SharedTable>(['customers', 'products']);

export const SHOP_DOC = 'shop';
export const broadcastDocName = (broadcastId: string) => `broadcast:${broadcastId}`;
/**
 * The name a document is stored under on the server: generation 1 under its own name, a compacted
 * rebuild under "<name>#<generation>" (a fresh document, so no desk's old copy can merge into it).
 */
export const generationName = (name: string, generation: number) => (generation > 1 ? `${name}#${generation}` : name);
/** A stored name's document and generation ("broadcast:x#3" → broadcast:x, 3). */
export function parseGenerationName(stored: string): { name: string; generation: number } {
  const match = /^(.*)#([1-9]\d{0,5})$/.exec(stored);
  return match ? { name: match[1]!, generation: Number(match[2]) } : { name: stored, generation: 1 };
}
/**
 * A document of a few bytes listing the broadcasts and their generations (the same two maps as the shop's
 * document, which older desks and servers still read and write): a desk opens it first, so it asks for its
 * broadcasts at once instead of after the shop's buyers (megabytes) have arrived.
 */
export const INDEX_DOC = 'index';
/** The list of broadcasts the team works on (broadcast id → when a desk last opened it), in the index and the shop's document. */
export const BROADCASTS_MAP = 'broadcasts';
/** The current generation of each compacted broadcast (broadcast id → 2, 3…), in the index and the shop's document; written by the server. */
export const GENERATIONS_MAP = 'generations';

/** A team key: 32 random bytes in base64url. The server refuses anything shorter than 32 characters. */
export const teamKeySchema = z.string().regex(/^[A-Za-z0-9_-]{32,200}$/);

/** Where the team server is: ws:// on a shop's own network, wss:// behind TLS. */
export const teamUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'ws:// or wss:// address');

export const teamConfigSchema = z.object({
  id: z.literal('team'),
  url: teamUrlSchema,
  key: teamKeySchema,
  /** The name the others see on this desk's decisions and presence. */
  name: z.string().trim().min(1).max(60),
  /** This browser's id in the team, made once. */
  deskId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
  role: z.enum(['host', 'assistant']),
  enabled: z.boolean(),
});

/** A shared action's team-wide id ("desk:seq") and its sequence number in this browser's log. */
export const teamActionSchema = z.object({ uid: z.string(), seq: z.number().int() });

/**
 * One record in the shared document: its value (null once deleted), when and by which desk it was
 * written. The later write wins, whatever order the desks' updates reach each other in.
 */
export const teamEntrySchema = z.object({ v: z.unknown(), at: z.number(), desk: z.string(), by: z.string() });

export type TeamConfig = z.infer<typeof teamConfigSchema>;
export type TeamAction = z.infer<typeof teamActionSchema>;
export type TeamEntry = z.infer<typeof teamEntrySchema>;

/** A desk asks the server (a stateless message on the shop's document) to compact an ended broadcast. */
export const compactRequestSchema = z.object({ type: z.literal('compact'), broadcastId: z.string().min(1).max(300) });
/** The server's answer: the new generation and the document's size before and after, or why not. */
export const compactReplySchema = z.discriminatedUnion('ok', [
  z.object({
    type: z.literal('compacted'),
    broadcastId: z.string(),
    ok: z.literal(true),
    generation: z.number().int().min(2),
    before: z.number().int().nonnegative(),
    after: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('compacted'), broadcastId: z.string(), ok: z.literal(false), error: z.string().max(200) }),
]);
/** Why the server refuses an old generation's name: the desk opens the current one instead. */
export const SUPERSEDED = 'superseded';

export type CompactRequest = z.infer<typeof compactRequestSchema>;
export type CompactReply = z.infer<typeof compactReplySchema>;
