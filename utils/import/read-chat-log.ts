import type { StreamClaim } from '../messaging/chat-message';
import { fingerprint, MAX_CHAT_LOG_BYTES, type ChatLog, type ChatLogResult, type ReadOptions } from './chat-log';
import { readYoutubeChatLog } from './youtube-chat-log';
import { readTextChatLog } from './text-chat-log';

/** The stream an imported log becomes: the same file imported twice is the same stream, its messages stored once. */
export function importedStreamClaim(log: ChatLog, fileName: string, key: string): StreamClaim {
  const title = fileName.trim().slice(0, 300);
  return { platform: log.platform, key: `import-${key}`, ...(title ? { title } : {}) };
}

/** Reads a chat log file's text, whichever supported format it is in. Nothing is written here. */
export async function readChatLog(text: string, options: ReadOptions): Promise<ChatLogResult & { key: string }> {
  const key = fingerprint(text);
  if (text.length > MAX_CHAT_LOG_BYTES) return { ok: false, error: `the file is larger than ${MAX_CHAT_LOG_BYTES / 1024 / 1024} MB`, key };
  // JSON starts with an object or an array of objects; "[20:15] Lan: …" is a text log.
  const isJson = /^\uFEFF?\s*(\{|\[\s*[[{\]])/.test(text);
  const result = isJson ? await readYoutubeChatLog(text, options) : await readTextChatLog(text, { ...options, fileKey: `log-${key}` });
  return { ...result, key };
}
