import type { ChotDatabase } from '../store/db';
import type { CatalogIndex } from '../parser/index';
import type { CommandReply } from './commands';
import { chatBatchSchema, type IngestAck } from './chat-message';
import { panelCommandSchema } from './commands';
import { chatPageOf } from '../platforms/index';
import { ingestChat } from '../store/ingest';
import { decideOrder } from '../store/orders';
import { saveSettings } from '../store/settings';

export interface MessageSender {
  id?: string;
  /** URL of the frame that sent the message: the chat iframe, not the tab's top page. */
  url?: string;
}

export interface RouterDeps {
  db: ChotDatabase;
  extensionId: string;
  /** Origin of the extension's own pages, e.g. "chrome-extension://abc/". */
  extensionOrigin: string;
  catalog: () => CatalogIndex;
}

export type RouterReply = IngestAck | CommandReply;

/**
 * Every message reaching the background goes through here. Chat is accepted only from frames whose URL
 * is a supported live chat, and the stream comes from that URL, never from the message itself.
 * Panel commands are accepted only from the extension's own pages.
 */
export function createBackgroundRouter(deps: RouterDeps) {
  return async (message: unknown, sender: MessageSender): Promise<RouterReply> => {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'unknown sender' };
    const batch = chatBatchSchema.safeParse(message);
    if (batch.success) {
      const page = chatPageOf(sender.url);
      if (!page) return { ok: false, error: 'not a supported live chat page' };
      const stream = { platform: page.adapter.platform, videoId: page.videoId, ...(batch.data.title ? { title: batch.data.title } : {}) };
      const result = await ingestChat(deps.db, stream, batch.data.messages, deps.catalog());
      return { ok: true, ...result };
    }
    if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'commands are accepted from the extension pages only' };
    const command = panelCommandSchema.safeParse(message);
    if (!command.success) return { ok: false, error: 'malformed message' };
    switch (command.data.type) {
      case 'decide-order': {
        const result = await decideOrder(deps.db, command.data.orderId, command.data.status);
        return result.ok ? { ok: true } : { ok: false, error: result.error };
      }
      case 'set-language':
        await saveSettings(deps.db, { language: command.data.language });
        return { ok: true };
    }
  };
}
