import { z } from 'zod';
import { platformSchema } from '../platforms/platform';
import { tickerPlacementSchema } from '../store/records';
import { DECISIONS } from '../store/orders';

export const ON_AIR_PORT = 'chot-on-air';

/** The part of a runtime port (browser.runtime.Port) either end of the on-air connection uses. */
export interface OnAirPortEnd {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** Sent by a chat page over its port: which stream's tally and badges it wants pushed. */
export const onAirWatchSchema = z.object({ type: z.literal('on-air-watch'), streamId: z.string().min(1).max(300) });

/** A badge clicked on the chat page. Accepted only from a chat page of the order's platform. */
export const onAirDecideSchema = z.object({ type: z.literal('on-air-decide'), orderId: z.string().min(1).max(300), status: z.enum(DECISIONS) });

/** The ticker moved, collapsed or hidden on a site. */
export const onAirPlaceSchema = z.object({ type: z.literal('on-air-place'), platform: platformSchema, placement: tickerPlacementSchema });

export type OnAirDecide = z.infer<typeof onAirDecideSchema>;
export type OnAirPlace = z.infer<typeof onAirPlaceSchema>;
