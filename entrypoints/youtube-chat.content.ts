import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { youtubeAdapter } from '../utils/platforms/youtube';
import { startChatReader } from '../utils/chat-reader/chat-reader';
import { ingestAckSchema } from '../utils/messaging/chat-message';

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
        const ack = ingestAckSchema.safeParse(reply);
        if (!ack.success) throw new Error('the background did not store the batch');
        return ack.data;
      },
    });
    ctx.onInvalidated(() => reader.stop());
  },
});
