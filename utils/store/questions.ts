import { Dexie } from 'dexie';
import { z } from 'zod';
import type { ChotDatabase } from './db';
import type { MessageRecord } from './records';
import type { ParseResult } from '../parser/index';
import { orderItemSchema, questionTopicSchema } from '../parser/result';
import { parseComment } from '../parser/index';
import { platformSchema } from '../platforms/platform';
import { tokenize } from '../parser/tokenize';
import { cleanText } from '../parser/text';

// The host's questions lane: every chat comment read as a question is kept here when it is stored (the
// single writer, in the ingest's transaction), and read through [streamId+status+observedAt]. It is its
// own small table: the order tally is never read or recomputed for it.

/** open: waiting for an answer; onAir: being answered, shown in the presenter view; answered: done. */
export const QUESTION_STATUSES = ['open', 'onAir', 'answered'] as const;
export const questionStatusSchema = z.enum(QUESTION_STATUSES);

export const questionRecordSchema = z.object({
  /** The message's id: one question per comment. */
  id: z.string(),
  streamId: z.string(),
  platform: platformSchema,
  authorName: z.string(),
  authorKey: z.string(),
  text: z.string(),
  topic: questionTopicSchema,
  /** What it asks about, when it names a quantity ("bn 1 thùng"). */
  items: z.array(orderItemSchema),
  /** Questions with the same key ask the same thing: the lane shows them as one. */
  groupKey: z.string().max(300),
  status: questionStatusSchema,
  observedAt: z.number(),
  answeredAt: z.number().optional(),
});

export type QuestionRecord = z.infer<typeof questionRecordSchema>;
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

/** "price|1 thùng V1": the topic and what it names; a question about anything else by its words. */
export function groupKeyOf(parsed: Pick<ParseResult, 'topic' | 'items' | 'text'>): string {
  const topic = parsed.topic ?? 'other';
  if (topic !== 'other')
    return `${topic}|${parsed.items.map((item) => `${item.quantity} ${item.unit ?? ''} ${item.product ?? ''}`.trim()).join('+')}`.slice(0, 300);
  const words = tokenize(cleanText(parsed.text))
    .filter((token) => token.kind !== 'symbol')
    .map((token) => token.key);
  return `other|${words.join(' ')}`.slice(0, 300);
}

export function questionFrom(message: MessageRecord, authorKey: string, parsed: ParseResult): QuestionRecord {
  return {
    id: message.id,
    streamId: message.streamId,
    platform: message.platform,
    authorName: message.authorName,
    authorKey,
    text: message.text,
    topic: parsed.topic ?? 'other',
    items: parsed.items,
    groupKey: groupKeyOf(parsed),
    status: 'open',
    observedAt: message.observedAt,
  };
}

/**
 * The questions among messages stored before the lane existed (the database's version 10 upgrade): the
 * raw chat is kept, so they are read again. Those of ended streams are taken as answered.
 */
export function questionsFromMessages(messages: readonly MessageRecord[], endedStreams: ReadonlySet<string>): QuestionRecord[] {
  return messages.flatMap((message) => {
    if (message.kind !== 'chat' && message.kind !== 'paid') return [];
    const parsed = parseComment(message.text);
    if (parsed.intent !== 'question') return [];
    // buyers are keyed as the ingest keys them: the site's id, else the name
    const question = questionFrom(message, message.authorId ?? `name:${message.authorName}`, parsed);
    return [endedStreams.has(message.streamId) ? { ...question, status: 'answered' as const } : question];
  });
}

const WAITING: readonly QuestionStatus[] = ['onAir', 'open'];

const byNewest = (a: QuestionRecord, b: QuestionRecord) => b.observedAt - a.observedAt || (a.id < b.id ? 1 : -1);

/** The newest `limit` questions still waiting (on air or open) in the streams, newest first, through the index. */
export async function readWaitingQuestions(db: ChotDatabase, streamIds: readonly string[], limit: number): Promise<QuestionRecord[]> {
  const lists = await Promise.all(
    streamIds.flatMap((id) =>
      WAITING.map((status) =>
        db.questions.where('[streamId+status+observedAt]').between([id, status, Dexie.minKey], [id, status, Dexie.maxKey]).reverse().limit(limit).toArray(),
      ),
    ),
  );
  return lists.flat().sort(byNewest).slice(0, limit);
}

/** How many questions wait for an answer, counted on the index. */
export async function countWaitingQuestions(db: ChotDatabase, streamIds: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    streamIds.flatMap((id) =>
      WAITING.map((status) => db.questions.where('[streamId+status+observedAt]').between([id, status, Dexie.minKey], [id, status, Dexie.maxKey]).count()),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The question being answered on air in these streams, if any. */
export async function readOnAirQuestion(db: ChotDatabase, streamIds: readonly string[]): Promise<QuestionRecord | undefined> {
  const lists = await Promise.all(
    streamIds.map((id) => db.questions.where('[streamId+status+observedAt]').between([id, 'onAir', Dexie.minKey], [id, 'onAir', Dexie.maxKey]).toArray()),
  );
  return lists.flat().sort(byNewest)[0];
}

export interface QuestionGroup {
  key: string;
  topic: QuestionRecord['topic'];
  /** Newest first. */
  questions: QuestionRecord[];
  /** Different buyers who asked. */
  askers: number;
  onAir: boolean;
}

/** Questions asking the same thing as one group, the group with the newest question first. */
export function groupQuestions(questions: readonly QuestionRecord[]): QuestionGroup[] {
  const groups = new Map<string, QuestionRecord[]>();
  for (const question of [...questions].sort(byNewest)) {
    const key = `${question.groupKey}`;
    groups.set(key, [...(groups.get(key) ?? []), question]);
  }
  return [...groups].map(([key, list]) => ({
    key,
    topic: list[0]!.topic,
    questions: list,
    askers: new Set(list.map((question) => `${question.platform}:${question.authorKey}`)).size,
    onAir: list.some((question) => question.status === 'onAir'),
  }));
}

export type QuestionResult = { ok: true; changed: number } | { ok: false; error: string };

/** Marks questions answered (they leave the lane and the presenter view). */
export async function answerQuestions(db: ChotDatabase, ids: readonly string[], now = Date.now()): Promise<QuestionResult> {
  return db.transaction('rw', db.questions, async () => {
    const found = (await db.questions.bulkGet([...ids])).filter(
      (question): question is QuestionRecord => question !== undefined && question.status !== 'answered',
    );
    await db.questions.bulkUpdate(found.map((question) => ({ key: question.id, changes: { status: 'answered' as const, answeredAt: now } })));
    return { ok: true, changed: found.length } as const;
  });
}

/**
 * Shows one waiting question in the presenter view of its broadcast (the one shown before goes back to
 * waiting), or with `id` null takes the broadcast's question off air.
 */
export async function showQuestion(db: ChotDatabase, broadcastId: string, id: string | null): Promise<QuestionResult> {
  return db.transaction('rw', [db.streams, db.questions], async () => {
    const streamIds = (await db.streams.where('broadcastId').equals(broadcastId).primaryKeys()) as string[];
    const question = id === null ? undefined : await db.questions.get(id);
    if (id !== null && (!question || !streamIds.includes(question.streamId) || question.status === 'answered'))
      return { ok: false, error: 'not-found' } as const;
    const shown = (
      await Promise.all(
        streamIds.map((streamId) =>
          db.questions.where('[streamId+status+observedAt]').between([streamId, 'onAir', Dexie.minKey], [streamId, 'onAir', Dexie.maxKey]).primaryKeys(),
        ),
      )
    ).flat();
    await db.questions.bulkUpdate(shown.filter((key) => key !== id).map((key) => ({ key, changes: { status: 'open' as const } })));
    if (question) await db.questions.update(question.id, { status: 'onAir' });
    return { ok: true, changed: shown.length + (question ? 1 : 0) } as const;
  });
}
