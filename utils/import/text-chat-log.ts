import Papa from 'papaparse';
import type { ChatMessage } from '../messaging/chat-message';
import { boundName, boundText, inChunks, type ChatLogResult, type ReadOptions } from './chat-log';

// Plain chat logs: a CSV with a header naming time, author and message columns (in Vietnamese or
// English), or text lines "[20:15:03] Author: message" / "20:15 Author: message" / "Author: message".

const HEADER_NAMES = {
  time: ['time', 'timestamp', 'date', 'datetime', 'thời gian', 'thoi gian', 'giờ', 'gio', 'ngày giờ'],
  author: ['author', 'name', 'user', 'username', 'người gửi', 'nguoi gui', 'tên', 'ten', 'người dùng', 'tác giả'],
  message: ['message', 'text', 'comment', 'content', 'bình luận', 'binh luan', 'nội dung', 'noi dung', 'tin nhắn', 'tin nhan'],
} as const;

type Column = keyof typeof HEADER_NAMES;

const columnOf = (header: string): Column | undefined => (Object.keys(HEADER_NAMES) as Column[]).find((column) => (HEADER_NAMES[column] as readonly string[]).includes(header.trim().toLowerCase().normalize('NFC')));

const pad = (value: string | undefined) => Number(value ?? 0);

/**
 * A log's time as ms since the epoch: epoch seconds/ms/µs, ISO, "2026-06-01 20:15:03", "01/06/2026 20:15"
 * (day first, as written in Vietnam), or a time of day on the chosen day. Null when it is none of these.
 */
export function parseLogTime(value: string, day: number): number | null {
  const text = value.trim();
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  if (/^\d{16}$/.test(text)) return Math.floor(Number(text) / 1000);
  let match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (match) {
    if (match[7]) return Date.parse(text.replace(' ', 'T'));
    return new Date(pad(match[1]), pad(match[2]) - 1, pad(match[3]), pad(match[4]), pad(match[5]), pad(match[6])).getTime();
  }
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (match) return new Date(pad(match[3]), pad(match[2]) - 1, pad(match[1]), pad(match[4]), pad(match[5]), pad(match[6])).getTime();
  match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (match && pad(match[1]) < 24) {
    const midnight = new Date(day);
    return new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), pad(match[1]), pad(match[2]), pad(match[3])).getTime();
  }
  return null;
}

const LINE_PATTERN = /^\s*(?:\[([^\]]{4,40})\]|(\d{1,2}:\d{2}(?::\d{2})?))?\s*([^:\n]{1,200}?)\s*:\s+(.+)$/;

interface RawEntry {
  line: number;
  time: string | undefined;
  author: string;
  text: string;
}

/** A row's fields as a chat message; times that go backwards by hours are taken as past midnight. */
function toMessages(entries: RawEntry[], options: ReadOptions, prefix: string): { messages: ChatMessage[]; unreadable: number; badTime: string | null } {
  const messages: ChatMessage[] = [];
  let unreadable = 0;
  let badTime: string | null = null;
  let previous = options.day;
  let dayShift = 0;
  for (const entry of entries) {
    const text = boundText(entry.text);
    if (!text) {
      unreadable += 1;
      continue;
    }
    let at = entry.time === undefined ? previous + 1 : parseLogTime(entry.time, options.day);
    if (at === null) {
      badTime ??= `line ${entry.line}: "${entry.time!.slice(0, 40)}"`;
      continue;
    }
    if (entry.time !== undefined && /^\d{1,2}:\d{2}/.test(entry.time.trim())) {
      if (at + dayShift < previous - 6 * 3_600_000) dayShift += 86_400_000;
      at += dayShift;
    }
    previous = at;
    messages.push({ platform: options.platform, messageId: `${prefix}-${entry.line}`, kind: 'chat', authorName: boundName(entry.author), text, observedAt: at });
  }
  return { messages, unreadable, badTime };
}

/** Reads a CSV chat log (with a header) or a text log, one message per line. */
export async function readTextChatLog(text: string, options: ReadOptions & { fileKey: string }): Promise<ChatLogResult> {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).replace(/^\uFEFF/, '');
  const header = Papa.parse<string[]>(firstLine).data[0] ?? [];
  const columns = header.map(columnOf);
  const isCsv = columns.includes('author') && columns.includes('message');
  const entries: RawEntry[] = [];
  if (isCsv) {
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const at = (column: Column) => columns.indexOf(column);
    await inChunks(rows, (row, i) => {
      const time = at('time') >= 0 ? row[at('time')] : undefined;
      entries.push({ line: i + 2, time: time === '' ? undefined : time, author: row[at('author')] ?? '', text: row[at('message')] ?? '' });
    }, options);
  } else {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    let unmatched = 0;
    await inChunks(lines, (line, i) => {
      if (line.trim() === '') return;
      const match = LINE_PATTERN.exec(line);
      if (!match) {
        unmatched += 1;
        return;
      }
      entries.push({ line: i + 1, time: match[1] ?? match[2], author: match[3]!, text: match[4]! });
    }, options);
    if (entries.length === 0) return { ok: false, error: 'no chat lines found: expected a CSV with time, author and message columns, or lines like "20:15:03 Lan: chốt 2 thùng"' };
    if (unmatched > entries.length) return { ok: false, error: `most lines (${unmatched} of ${unmatched + entries.length}) are not chat lines "time author: message"; is this a chat log?` };
  }
  const { messages, unreadable, badTime } = toMessages(entries, options, options.fileKey);
  if (badTime) return { ok: false, error: `a time Chốt cannot read, so nothing was imported: ${badTime}` };
  if (messages.length === 0) return { ok: false, error: 'the log has no chat messages' };
  return { ok: true, log: { format: isCsv ? 'csv' : 'text', platform: options.platform, messages, skipped: unreadable > 0 ? { empty: unreadable } : {} } };
}
