import { z } from 'zod';

export const INTENTS = ['order', 'cancel', 'change', 'question', 'none'] as const;
export const intentSchema = z.enum(INTENTS);

/** What a question asks about: the host answers questions of one topic together. */
export const QUESTION_TOPICS = ['price', 'stock', 'shipping', 'payment', 'other'] as const;
export const questionTopicSchema = z.enum(QUESTION_TOPICS);

export const orderItemSchema = z.object({
  /** Product code from the catalog, or null when no catalog product applies. */
  product: z.string().max(20).nullable(),
  quantity: z.number().nonnegative().max(1e7),
  /** "kg", "lạng", "yến", "tạ", "tấn", "g", a catalog package word, or null for a bare number. */
  unit: z.string().max(40).nullable(),
  /** Weight in kg, null when the unit has no known weight. */
  kg: z.number().nonnegative().max(1e9).nullable(),
});

export const parseResultSchema = z.object({
  text: z.string(),
  intent: intentSchema,
  /** For a question, what it asks about; null for every other intent. */
  topic: questionTopicSchema.nullable(),
  items: z.array(orderItemSchema),
  totalKg: z.number().nullable(),
  phone: z.string().nullable(),
  /** A delivery address given after "giao về", "địa chỉ", "ship tới"…, as typed. */
  address: z.string().nullable(),
  /** 0..1: how sure the parser is of the intent. */
  confidence: z.number().min(0).max(1),
  /** An order the parser is not sure of: the assistant should look at it. */
  review: z.boolean(),
  /** The words that decided the intent, e.g. ["order word: chốt", "quantity: 2 thùng"]. */
  reasons: z.array(z.string()),
});

export type Intent = z.infer<typeof intentSchema>;
export type QuestionTopic = z.infer<typeof questionTopicSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type ParseResult = z.infer<typeof parseResultSchema>;
