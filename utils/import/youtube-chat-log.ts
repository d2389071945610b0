import { z } from 'zod';
import type { ChatMessage } from '../messaging/chat-message';
import { siteIdSchema } from '../messaging/chat-message';
import { boundName, boundText, inChunks, refused, type ChatLogResult, type ReadOptions } from './chat-log';
import { entryProblem, lineOf, type RefusalReason } from './import-entry';

// YouTube's live chat JSON, as get_live_chat responses and as the action lists chat downloaders save
// (one action per line, or inside replayChatItemAction for replays). Only the fields read are checked;
// everything else YouTube sends is left alone.

const runsSchema = z.looseObject({
  runs: z
    .array(
      z.looseObject({
        text: z.string().optional(),
        emoji: z
          .looseObject({
            emojiId: z.string().optional(),
            isCustomEmoji: z.boolean().optional(),
            shortcuts: z.array(z.string()).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  simpleText: z.string().optional(),
});

const messageRendererSchema = z.looseObject({
  id: z.string(),
  timestampUsec: z.string().regex(/^\d{1,20}$/),
  authorName: runsSchema.optional(),
  authorExternalChannelId: z.string().optional(),
  message: runsSchema.optional(),
  purchaseAmountText: runsSchema.optional(),
});

/** Items that are chat: their text may be an order. */
const CHAT_ITEMS = { liveChatTextMessageRenderer: 'chat', liveChatPaidMessageRenderer: 'paid' } as const;
/** Items that are not chat text: kept out of the stream, counted. */
const OTHER_ITEMS = new Set([
  'liveChatPaidStickerRenderer',
  'liveChatMembershipItemRenderer',
  'liveChatViewerEngagementMessageRenderer',
  'liveChatModeChangeMessageRenderer',
  'liveChatDonationAnnouncementRenderer',
  'liveChatPlaceholderItemRenderer',
  'liveChatSponsorshipsGiftPurchaseAnnouncementRenderer',
  'liveChatSponsorshipsGiftRedemptionAnnouncementRenderer',
  'liveChatAutoModMessageRenderer',
  'liveChatBannerRenderer',
  'liveChatCallForQuestionsRenderer',
]);
/** Actions that change nothing a tally needs: tickers, banners, polls, tooltips, panels. */
const OTHER_ACTIONS = new Set([
  'addLiveChatTickerItemAction',
  'showLiveChatTooltipCommand',
  'addBannerToLiveChatCommand',
  'removeBannerForLiveChatCommand',
  'showLiveChatActionPanelAction',
  'updateLiveChatPollAction',
  'closeLiveChatActionPanelAction',
  'removeChatItemAction',
  'removeChatItemByAuthorAction',
  'updateDateTextAction',
  'updateTitleAction',
  'updateDescriptionAction',
  'updateViewershipAction',
  'updateToggleButtonTextAction',
  'liveChatReportModerationStateCommand',
  'showLiveChatDialogAction',
]);

const textOf = (runs: z.infer<typeof runsSchema> | undefined): string => {
  if (!runs) return '';
  if (runs.simpleText !== undefined) return runs.simpleText;
  return (runs.runs ?? [])
    .map((run) => run.text ?? (run.emoji ? (run.emoji.isCustomEmoji ? (run.emoji.shortcuts?.[0] ?? '') : (run.emoji.emojiId ?? '')) : ''))
    .join('');
};

type Reading = {
  messages: Map<string, ChatMessage>;
  skipped: Record<string, number>;
  unknown: Map<string, number>;
  malformed: string | null;
  /** The id of the chat item that could not be read, when it has one: it finds the item's line. */
  malformedId?: string;
  malformedReason?: RefusalReason;
};

const count = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

function readItem(item: Record<string, unknown>, reading: Reading, where: string): ChatMessage | null {
  const [name, value] = Object.entries(item)[0] ?? ['(empty item)', undefined];
  if (name in CHAT_ITEMS) {
    const renderer = messageRendererSchema.safeParse(value);
    if (!renderer.success) {
      if (reading.malformed === null) {
        const path = renderer.error.issues[0]?.path.join('.') ?? '';
        reading.malformed = `${where}: ${name} ${path} ${renderer.error.issues[0]?.message ?? ''}`.trim();
        const id = (value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') reading.malformedId = id;
        reading.malformedReason = path.startsWith('timestampUsec') ? 'time' : path.startsWith('id') ? 'id' : 'entry';
      }
      return null;
    }
    const { id, timestampUsec, authorName, authorExternalChannelId, message, purchaseAmountText } = renderer.data;
    const text = boundText(textOf(message));
    if (!text) {
      count(reading.skipped, 'paid without text');
      return null;
    }
    const paidAmount = boundText(textOf(purchaseAmountText), 50);
    return {
      platform: 'youtube',
      messageId: id,
      kind: CHAT_ITEMS[name as keyof typeof CHAT_ITEMS],
      authorName: boundName(textOf(authorName) || authorExternalChannelId || ''),
      ...(authorExternalChannelId && siteIdSchema.safeParse(authorExternalChannelId).success ? { authorId: authorExternalChannelId } : {}),
      text,
      ...(paidAmount ? { paidAmount } : {}),
      observedAt: Math.floor(Number(timestampUsec) / 1000),
    };
  }
  if (OTHER_ITEMS.has(name)) count(reading.skipped, name.replace(/^liveChat|Renderer$/g, ''));
  else reading.unknown.set(name, (reading.unknown.get(name) ?? 0) + 1);
  return null;
}

function readAction(action: unknown, reading: Reading, where: string): void {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    reading.malformed ??= `${where}: not an action object`;
    return;
  }
  for (const [name, body] of Object.entries(action)) {
    if (name === 'clickTrackingParams' || name === 'videoOffsetTimeMsec' || name === 'isLive') continue;
    const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (name === 'replayChatItemAction') {
      const inner = Array.isArray(value.actions) ? value.actions : [];
      inner.forEach((nested, i) => readAction(nested, reading, `${where}.${i}`));
    } else if (name === 'addChatItemAction') {
      const item = value.item;
      if (typeof item !== 'object' || item === null) reading.malformed ??= `${where}: addChatItemAction without an item`;
      else {
        const message = readItem(item as Record<string, unknown>, reading, where);
        if (message) reading.messages.set(message.messageId, message);
      }
    } else if (name === 'replaceChatItemAction') {
      const target = typeof value.targetItemId === 'string' ? value.targetItemId : '';
      const replacement = value.replacementItem;
      const message = typeof replacement === 'object' && replacement !== null ? readItem(replacement as Record<string, unknown>, reading, where) : null;
      if (message) {
        reading.messages.delete(target);
        reading.messages.set(message.messageId, message);
      }
    } else if (name === 'markChatItemAsDeletedAction') {
      if (typeof value.targetItemId === 'string' && reading.messages.delete(value.targetItemId)) count(reading.skipped, 'deleted');
    } else if (name === 'markChatItemsByAuthorAsDeletedAction') {
      const author = value.externalChannelId;
      for (const [id, message] of reading.messages) {
        if (message.authorId === author) {
          reading.messages.delete(id);
          count(reading.skipped, 'deleted');
        }
      }
    } else if (OTHER_ACTIONS.has(name)) count(reading.skipped, name.replace(/Action$|Command$/, ''));
    else reading.unknown.set(name, (reading.unknown.get(name) ?? 0) + 1);
  }
}

/** The actions a parsed JSON document holds, whichever of YouTube's envelopes it came in; null if none. */
function actionsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (typeof document !== 'object' || document === null) return null;
  // YouTube's own JSON, walked by optional chaining; every value taken from it is checked by the schema after.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const value = document as Record<string, any>;
  const actions = value.continuationContents?.liveChatContinuation?.actions ?? value.contents?.liveChatRenderer?.actions ?? value.actions;
  if (Array.isArray(actions)) return actions;
  // A get_live_chat response with no new chat has no actions at all.
  if (value.continuationContents?.liveChatContinuation || value.contents?.liveChatRenderer) return [];
  // One action per line: its name ends in Action or Command (unknown ones are named in the refusal).
  if (Object.keys(value).some((key) => /(Action|Command)$/.test(key))) return [value];
  return null;
}

/** chat-downloader's own output: messages already taken out of YouTube's actions. */
const downloaderMessageSchema = z.looseObject({
  message_id: z.string(),
  message: z.string().optional(),
  message_type: z.string().optional(),
  timestamp: z.number(),
  author: z.looseObject({ name: z.string().optional(), id: z.string().optional() }).optional(),
  money: z.looseObject({ text: z.string().optional() }).optional(),
});

const looksLikeDownloaderMessages = (documents: unknown[]) =>
  documents.length > 0 && documents.every((entry) => typeof entry === 'object' && entry !== null && 'message_id' in entry);

/**
 * Reads YouTube chat JSON: one document (a response envelope or an array of actions) or JSON Lines (one
 * action or envelope per line). Anything YouTube sends that Chốt does not know refuses the whole file:
 * a log read half-way would give a wrong tally.
 */
export async function readYoutubeChatLog(text: string, options: ReadOptions): Promise<ChatLogResult> {
  let documents: unknown[] | undefined;
  const trimmed = text.trim();
  try {
    documents = [JSON.parse(trimmed)];
  } catch (whole) {
    // Not one document: perhaps JSON Lines, one action or envelope per line.
    if (!(whole instanceof SyntaxError) || trimmed.startsWith('[') || !trimmed.includes('\n'))
      return { ok: false, error: `the file is not valid JSON (cut short?): ${(whole as Error).message}` };
  }
  try {
    documents ??= await parseLines(trimmed, options);
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: `the file is not valid JSON (cut short?): ${error.message}` };
    throw error;
  }
  if (documents.length === 1 && Array.isArray(documents[0]) && looksLikeDownloaderMessages(documents[0]))
    return readDownloaderMessages(documents[0], options, text);
  const actions: unknown[] = [];
  for (const [i, document] of documents.entries()) {
    const found = actionsOf(document);
    if (!found) return { ok: false, error: `entry ${i + 1} is not YouTube live chat (no chat actions in it)` };
    for (const action of found) actions.push(action);
  }
  const reading: Reading = { messages: new Map(), skipped: {}, unknown: new Map(), malformed: null };
  await inChunks(actions, (action, i) => readAction(action, reading, `action ${i + 1}`), options);
  if (reading.unknown.size > 0) {
    const names = [...reading.unknown].map(([name, n]) => `${name} (${n}×)`).join(', ');
    return { ok: false, error: `the log has entries Chốt does not know, so nothing was imported: ${names}` };
  }
  if (reading.malformed) {
    if (reading.malformedId !== undefined)
      return refused({ line: lineOfId(text, 'id', reading.malformedId), reason: reading.malformedReason ?? 'entry', detail: reading.malformed });
    return { ok: false, error: `the log has a chat entry Chốt cannot read, so nothing was imported: ${reading.malformed}` };
  }
  const messages = [...reading.messages.values()];
  return checked(text, 'id', messages) ?? { ok: true, log: { format: 'youtube-actions', platform: 'youtube', messages, skipped: reading.skipped } };
}

async function parseLines(text: string, options: ReadOptions): Promise<unknown[]> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const documents: unknown[] = [];
  await inChunks(
    lines,
    (line, i) => {
      try {
        documents.push(JSON.parse(line));
      } catch (error) {
        throw new SyntaxError(`line ${i + 1}: ${(error as Error).message}`);
      }
    },
    options,
  );
  return documents;
}

/** The line of the file where an entry's id is written (`"id": "…"`), or where the id first occurs. */
function lineOfId(text: string, idField: string, id: string): number {
  const quoted = JSON.stringify(id);
  const at = new RegExp(`"${idField}"\\s*:\\s*${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  return at ? lineOf(text, at[0]) : lineOf(text, quoted);
}

/** The first message the store would refuse (an implausible time, an id with spaces…), at its line; null when none. */
function checked(text: string, idField: string, messages: readonly ChatMessage[]): ChatLogResult | null {
  for (const message of messages) {
    const problem = entryProblem(message);
    if (problem) return refused({ line: lineOfId(text, idField, message.messageId), ...problem });
  }
  return null;
}

async function readDownloaderMessages(entries: unknown[], options: ReadOptions, file: string): Promise<ChatLogResult> {
  const messages: ChatMessage[] = [];
  const skipped: Record<string, number> = {};
  let malformed: string | null = null;
  await inChunks(
    entries,
    (entry, i) => {
      const parsed = downloaderMessageSchema.safeParse(entry);
      if (!parsed.success) {
        malformed ??= `message ${i + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
        return;
      }
      const { message_id: id, message = '', message_type: type = 'text_message', timestamp, author, money } = parsed.data;
      const text = boundText(message);
      if ((type !== 'text_message' && type !== 'paid_message') || !text) return count(skipped, type);
      const paidAmount = boundText(money?.text ?? '', 50);
      messages.push({
        platform: 'youtube',
        messageId: id,
        kind: type === 'paid_message' ? 'paid' : 'chat',
        authorName: boundName(author?.name ?? ''),
        ...(author?.id && siteIdSchema.safeParse(author.id).success ? { authorId: author.id } : {}),
        text,
        ...(paidAmount ? { paidAmount } : {}),
        // chat-downloader writes microseconds.
        observedAt: Math.floor(timestamp > 1e14 ? timestamp / 1000 : timestamp),
      });
    },
    options,
  );
  if (malformed) return { ok: false, error: `the log has a message Chốt cannot read, so nothing was imported: ${malformed}` };
  return checked(file, 'message_id', messages) ?? { ok: true, log: { format: 'chat-downloader-messages', platform: 'youtube', messages, skipped } };
}
