import { z } from 'zod';

/**
 * A chat frame that cannot read the page around it (cross-origin, e.g. Studio around a www.youtube.com chat)
 * asks the background, which knows the tab's URL, for it. Answered only to a live chat frame of a page that
 * names its stream.
 */
export const framePageQuerySchema = z.object({ type: z.literal('frame-page') });
export const framePageReplySchema = z.object({ ok: z.literal(true), pageUrl: z.url().max(2000) });
