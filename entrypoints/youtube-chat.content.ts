import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { youtubeAdapter } from '../utils/platforms/youtube';
import { startChatReader } from '../utils/chat-reader/chat-reader';
import { BatchRefusedError } from '../utils/chat-reader/outbox';
import { readIngestReply } from '../utils/messaging/ingest-reply';

export default defineContentScript({
  matches: youtubeAdapter.matches,
  excludeMatches: youtubeAdapter.excludeMatches,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!youtubeAdapter.streamFromUrl(location.href)) return;
    const reader = startChatReader({
      adapter: youtubeAdapter,
      document,
      send: async (messages) => {
        const title = youtubeAdapter.readTitle(document);
        const reply: unknown = await browser.runtime.sendMessage({ type: 'chat-batch', messages, ...(title ? { title } : {}) });
        const result = readIngestReply(reply);
        if (result.ok) return result.ack;
        throw result.refused ? new BatchRefusedError(result.reason) : new Error(result.reason);
      },
    });
    ctx.onInvalidated(() => reader.stop());
  },
});
