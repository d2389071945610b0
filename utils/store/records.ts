import { z } from 'zod';
import { platformSchema } from '../platforms/platform';
import { chatMessageSchema } from '../messaging/chat-message';
import { orderItemSchema } from '../parser/result';

export const streamRecordSchema = z.object({
  /** "youtube:VIDEO_ID", "tiktok:@host/2026-06-01", "facebook:VIDEO_ID" */
  id: z.string(),
  platform: platformSchema,
  /** The platform's key for the stream (the part after "platform:"). */
  streamKey: z.string(),
  title: z.string().nullable(),
  /** The streamer as the page names them. */
  host: z.string().nullable(),
  firstMessageAt: z.number(),
  lastMessageAt: z.number(),
  /**
   * Streams of one broadcast (the same show on Facebook and YouTube) share this; the tally covers them
   * together. A stream on its own has its own id here.
   */
  broadcastId: z.string(),
  /** The host's tonnage goal in kg, set on the broadcast's own stream. */
  goalKg: z.number().positive().max(1e9).optional(),
  /** Ended by the user: no longer offered first in the side panel (chat arriving reopens it). */
  endedAt: z.number().optional(),
});

export const messageRecordSchema = chatMessageSchema.extend({
  /** "youtube:ROW_ID": the same comment is stored once however often it is seen. */
  id: z.string(),
  streamId: z.string(),
  receivedAt: z.number(),
});

/** withdrawn: its comment was deleted in the chat by a moderator; it stops counting until the assistant puts it back. */
export const ORDER_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled', 'withdrawn'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const orderRecordSchema = z.object({
  /** Same as the message id: one order per order comment. */
  id: z.string(),
  streamId: z.string(),
  messageId: z.string(),
  platform: platformSchema,
  authorName: z.string(),
  /** Site id of the author when known, else the name: who the order belongs to. */
  authorKey: z.string(),
  text: z.string(),
  items: z.array(orderItemSchema),
  totalKg: z.number().nullable(),
  phone: z.string().nullable(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  status: orderStatusSchema,
  observedAt: z.number(),
  updatedAt: z.number(),
  /** The cancel comment that cancelled this order. */
  cancelledByMessageId: z.string().optional(),
  /** The same buyer's earlier order with the same words, shortly before: perhaps typed twice. */
  possibleRepeatOf: z.string().optional(),
  /** Promoted to this contract: counted there, not as an order. */
  contractId: z.string().optional(),
  /** The buyer changed it in the chat after it was confirmed: back in the queue for a second look. */
  changedAfterConfirm: z.boolean().optional(),
  /** The buyer was marked as not having paid before this order came in. */
  buyerUnpaid: z.boolean().optional(),
});

/** One buyer on one platform, as their comments show them; merged records point at the one kept. */
export const customerRecordSchema = z.object({
  /** "platform:authorKey" */
  id: z.string(),
  platform: platformSchema,
  authorKey: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  /** Delivery addresses the buyer wrote, latest last. */
  addresses: z.array(z.string()).default([]),
  notes: z.string().max(2000),
  unpaid: z.boolean(),
  mergedInto: z.string().optional(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});

export const CONTRACT_STATUSES = ['draft', 'signed', 'delivered', 'cancelled'] as const;

/** A bulk commitment from a business or co-operative, entered by hand or promoted from a large chat order. */
export const contractSchema = z.object({
  buyer: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).default(''),
  kg: z.number().positive().max(1e9),
  pricePerKg: z.number().nonnegative().max(1e9).optional(),
  /** YYYY-MM-DD */
  deliveryDate: z.iso.date().optional(),
  depositVnd: z.number().nonnegative().max(1e13).optional(),
  status: z.enum(CONTRACT_STATUSES).default('draft'),
  note: z.string().max(2000).default(''),
});

export const contractRecordSchema = contractSchema.extend({
  id: z.string(),
  /** The stream it belongs to (its broadcast counts it). */
  streamId: z.string(),
  fromOrderId: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** What an assistant's action changed on an order: enough to show its history and to undo it. */
export const orderChangeSchema = orderRecordSchema.pick({ status: true, items: true, totalKg: true, phone: true }).partial();

export const ORDER_ACTIONS = ['decide', 'edit', 'undo'] as const;

export const actionRecordSchema = z.object({
  /** Order of actions, given by the database. */
  seq: z.number().int().optional(),
  at: z.number(),
  orderId: z.string(),
  kind: z.enum(ORDER_ACTIONS),
  /**
   * The assistant in the panel, the buyer in the chat (a cancel, a change, a phone sent later), or the chat
   * itself (a moderator deleted the comment).
   */
  source: z.enum(['assistant', 'buyer', 'chat']).optional(),
  /** The chat message that made a buyer's change. */
  messageId: z.string().optional(),
  before: orderChangeSchema,
  after: orderChangeSchema,
  /** Set on an action once it has been undone; an undo action names the action it undid. */
  undone: z.boolean().optional(),
  undoes: z.number().int().optional(),
  /** Team mode: the assistant (display name) who took it. */
  by: z.string().max(60).optional(),
  /** Team mode: taken on another desk; this browser's undo passes it over. */
  remote: z.boolean().optional(),
});

export const LANGUAGES = ['vi', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);

/** Where the ticker sits on a site's page, as fractions of the window (so it survives resizing). */
export const tickerPlacementSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  collapsed: z.boolean().default(false),
  hidden: z.boolean().default(false),
});

export const PRESENTER_BACKGROUNDS = ['transparent', 'dark', 'green'] as const;

/** What Chốt shows on the stream pages and in the presenter view: anything there may be broadcast. */
export const onAirSettingsSchema = z.object({
  /** Ticker and badges, site by site. */
  sites: z.object({ youtube: z.boolean(), tiktok: z.boolean(), facebook: z.boolean() }).default({ youtube: true, tiktok: true, facebook: true }),
  badges: z.boolean().default(true),
  /** Off: buyers appear by first name only. Phones and addresses are never shown on air. */
  fullNames: z.boolean().default(false),
  tickers: z
    .object({ youtube: tickerPlacementSchema.optional(), tiktok: tickerPlacementSchema.optional(), facebook: tickerPlacementSchema.optional() })
    .default({}),
  presenterBackground: z.enum(PRESENTER_BACKGROUNDS).default('dark'),
  /** null: the panel's language. */
  presenterLanguage: languageSchema.nullable().default(null),
});

export const settingsSchema = z.object({
  /** null: follow the browser's language. */
  language: languageSchema.nullable().default(null),
  /** The same order comment from the same buyer within this many seconds is flagged as a possible repeat. */
  repeatWindowSeconds: z.number().int().min(0).max(3600).default(120),
  /** The product bare quantities ("chốt 2") refer to; switchable during the stream. */
  pinnedProduct: z.string().max(20).nullable().default(null),
  /** Chat orders of at least this many kg are offered as contracts. */
  contractThresholdKg: z.number().positive().max(1e9).default(1000),
  onAir: onAirSettingsSchema.default(onAirSettingsSchema.parse({})),
});

export const settingsRecordSchema = settingsSchema.extend({ id: z.literal('settings') });

export type StreamRecord = z.infer<typeof streamRecordSchema>;
export type MessageRecord = z.infer<typeof messageRecordSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderRecord = z.infer<typeof orderRecordSchema>;
export type Language = z.infer<typeof languageSchema>;
export type OrderChange = z.infer<typeof orderChangeSchema>;
export type ActionRecord = z.infer<typeof actionRecordSchema>;
export type ContractRecord = z.infer<typeof contractRecordSchema>;
export type CustomerRecord = z.infer<typeof customerRecordSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type OnAirSettings = z.infer<typeof onAirSettingsSchema>;
export type TickerPlacement = z.infer<typeof tickerPlacementSchema>;
export type SettingsRecord = z.infer<typeof settingsRecordSchema>;
