import type { PlatformAdapter } from '../platforms/adapter';
import { youtubeAdapter } from '../platforms/youtube';
import { startChatReader, type ChatReader } from '../chat-reader/chat-reader';
import type { SendBatch } from '../chat-reader/outbox';
import { DEMO_STREAM } from './demo-stream';

/**
 * The YouTube adapter as it is (rows, fields, selectors), reading the demo page as the demo stream: only
 * where the chat is and which stream it is differ from a real YouTube chat.
 */
export const demoAdapter: PlatformAdapter = {
  ...youtubeAdapter,
  isChatUrl: () => true,
  streamOf: () => DEMO_STREAM,
};

/** The real chat reader on the demo page, sending batches as a content script does. */
export function startDemoReader(document: Document, send: SendBatch): ChatReader {
  return startChatReader({ adapter: demoAdapter, document, url: () => document.location.href, send });
}
