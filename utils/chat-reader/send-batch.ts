import { browser } from 'wxt/browser';
import { readIngestReply } from '../messaging/ingest-reply';
import { BatchRefusedError, type SendBatch } from './outbox';

/** A reader's batch to the background, the single writer; a refusal is not retried, a failure is. */
export const sendBatchToBackground: SendBatch = async (stream, messages) => {
  const result = readIngestReply(await browser.runtime.sendMessage({ type: 'chat-batch', stream, messages }));
  if (result.ok) return result.ack;
  throw result.refused ? new BatchRefusedError(result.reason) : new Error(result.reason);
};
