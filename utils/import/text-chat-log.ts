import Papa from 'papaparse';
import type { ChatMessage } from '../messaging/chat-message';
import { boundName, boundText, inChunks, refused, type ChatLogResult, type ReadOptions } from './chat-log';
import { entryProblem, lineCounter, type Refusal } from './import-entry';

// Plain chat logs: a CSV with a header naming time, author and message columns (in Vietnamese or
// English), or text lines "[20:15:03] Author: message" / "20:15 Author: message" / "Author: message".

const HEADER_NAMES = {
  time: ['time', 'timestamp', 'date', 'datetime', 'thời gian', 'thoi gian', 'giờ', 'gio', 'ngày giờ'],
  author: ['author', 'name', 'user', 'username', 'người gửi', 'nguoi gui', 'tên', 'ten', 'người dùng', 'tác giả'],
  message: ['message', 'text', 'comment', 'content', 'bình luận', 'binh luan', 'nội dung', 'noi dung', 'tin nhắn', 'tin nhan'],
} as const;

type Column = keyof typeof HEADER_NAMES;

const columnOf = (header: string): Column | undefined =>
  (Object.keys(HEADER_NAMES) as Column[]).find((column) => (HEADER_NAMES[column] as readonly string[]).includes(header.trim().toLowerCase().normalize('NFC')));

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

/** A row's fields as chat messages, each checked as the store would; times that go backwards by hours are taken as past midnight. */
function toMessages(entries: RawEntry[], options: ReadOptions, prefix: string): { messages: ChatMessage[]; unreadable: number; refusal: Refusal | null } {
  const messages: ChatMessage[] = [];
  let unreadable = 0;
  let previous = options.day;
  let dayShift = 0;
  for (const entry of entries) {
    const text = boundText(entry.text);
    if (!text) {
      unreadable += 1;
      continue;
    }
    let at = entry.time === undefined ? previous + 1 : parseLogTime(entry.time, options.day);
    if (at === null) return { messages, unreadable, refusal: { line: entry.line, reason: 'time', detail: JSON.stringify(entry.time!.slice(0, 40)) } };
    if (entry.time !== undefined && /^\d{1,2}:\d{2}/.test(entry.time.trim())) {
      if (at + dayShift < previous - 6 * 3_600_000) dayShift += 86_400_000;
      at += dayShift;
    }
    previous = at;
    const message: ChatMessage = {
      platform: options.platform,
      messageId: `${prefix}-${entry.line}`,
      kind: 'chat',
      authorName: boundName(entry.author),
      text,
      observedAt: at,
    };
    const problem = entryProblem(message);
    if (problem) return { messages, unreadable, refusal: { line: entry.line, ...problem } };
    messages.push(message);
  }
  return { messages, unreadable, refusal: null };
}

/** A CSV's rows with the line each starts on; the first parse error (an unclosed quote…) refuses the file. */
function csvRows(text: string, columns: number): { rows: { line: number; cells: string[] }[]; refusal: Refusal | null } {
  const rows: { line: number; cells: string[] }[] = [];
  const lineAt = lineCounter(text);
  let start = 0;
  let refusal: Refusal | null = null;
  Papa.parse<string[]>(text, {
    skipEmptyLines: true,
    step: (result, parser) => {
      while (text[start] === '\n' || text[start] === '\r') start += 1;
      const line = lineAt(start);
      const error = result.errors[0];
      if (error)
        refusal = {
          line: error.index === undefined ? line : lineCounter(text)(error.index),
          reason: error.type === 'Quotes' ? 'quote' : 'columns',
          detail: error.message,
        };
      else if (result.data.length !== columns) refusal = { line, reason: 'columns', detail: `${result.data.length} ≠ ${columns}` };
      if (refusal) return parser.abort();
      rows.push({ line, cells: result.data });
      start = result.meta.cursor;
    },
  });
  return { rows: rows.slice(1), refusal };
}

/** A line that starts like a time ("20:15:1x", "[20:1") but is not one. */
const TIME_LIKE = /^\s*\[?\d{1,2}:\d/;

/** Reads a CSV chat log (with a header) or a text log, one message per line; a line it cannot read refuses the file. */
export async function readTextChatLog(text: string, options: ReadOptions & { fileKey: string }): Promise<ChatLogResult> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  const header = Papa.parse<string[]>(firstLine).data[0] ?? [];
  const columns = header.map(columnOf);
  const isCsv = columns.includes('author') && columns.includes('message');
  const entries: RawEntry[] = [];
  if (isCsv) {
    const { rows, refusal } = csvRows(body, header.length);
    if (refusal) return refused(refusal);
    const at = (column: Column) => columns.indexOf(column);
    await inChunks(
      rows,
      ({ line, cells }) => {
        const time = at('time') >= 0 ? cells[at('time')] : undefined;
        entries.push({ line, time: time === '' ? undefined : time, author: cells[at('author')] ?? '', text: cells[at('message')] ?? '' });
      },
      options,
    );
  } else {
    const lines = body.split(/\r?\n/);
    const unmatched: number[] = [];
    await inChunks(
      lines,
      (line, i) => {
        if (line.trim() === '') return;
        const match = LINE_PATTERN.exec(line);
        if (!match) {
          unmatched.push(i + 1);
          return;
        }
        entries.push({ line: i + 1, time: match[1] ?? match[2], author: match[3]!, text: match[4]! });
      },
      options,
    );
    if (entries.length === 0)
      return { ok: false, error: 'no chat lines found: expected a CSV with time, author and message columns, or lines like "20:15:03 Lan: chốt 2 thùng"' };
    if (unmatched.length > entries.length)
      return {
        ok: false,
        error: `most lines (${unmatched.length} of ${unmatched.length + entries.length}) are not chat lines "time author: message"; is this a chat log?`,
      };
    const first = unmatched[0];
    if (first !== undefined) {
      const line = lines[first - 1]!;
      return refused({ line: first, reason: TIME_LIKE.test(line) ? 'time' : 'notChat', detail: JSON.stringify(line.trim().slice(0, 40)) });
    }
  }
  const { messages, unreadable, refusal } = toMessages(entries, options, options.fileKey);
  if (refusal) return refused(refusal);
  if (messages.length === 0) return { ok: false, error: 'the log has no chat messages' };
  return { ok: true, log: { format: isCsv ? 'csv' : 'text', platform: options.platform, messages, skipped: unreadable > 0 ? { empty: unreadable } : {} } };
}
