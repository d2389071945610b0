// Bundled by scripts/bench.ts and run in Chromium on the YouTube fixture chat: the content script's
// reader, with an immediate acknowledgement in place of the background.
import { startChatReader, type ChatReader } from '../../utils/chat-reader/chat-reader';
import { youtubeAdapter } from '../../utils/platforms/youtube';

interface Fixture {
  add(rows: unknown[]): void;
  setMaxRows(n: number): void;
}

let reader: ChatReader | undefined;
let added = 0;
let acknowledged = 0;

/** Plays the chat; with `withReader` false, the same chat without Chốt, as the baseline. */
function start(rowsPerSecond: number, durationMs: number, withReader: boolean): void {
  const fixture = (window as unknown as { chatFixture: Fixture }).chatFixture;
  fixture.setMaxRows(150); // YouTube keeps only the newest rows
  if (withReader) reader = startChatReader({
    adapter: youtubeAdapter,
    document,
    url: () => 'https://www.youtube.com/live_chat?v=benchStream1',
    send: async (_stream, messages) => {
      acknowledged += messages.length;
      return { ok: true, stored: messages.length, duplicates: 0, invalid: 0 };
    },
  });
  const tick = 100;
  const perTick = Math.round((rowsPerSecond * tick) / 1000);
  const started = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - started >= durationMs) return clearInterval(timer);
    const rows = Array.from({ length: perTick }, () => {
      added += 1;
      return { id: `bench-${added}`, author: `Người mua ${added % 500}`, text: added % 3 === 0 ? `chốt ${added % 20}kg :cherries:` : 'vải ngon quá shop ơi' };
    });
    fixture.add(rows);
  }, tick);
}

function result() {
  const health = reader?.health();
  return { added, read: health?.rowsSeen ?? 0, acknowledged, busyMs: reader?.busyMs() ?? 0, pending: health?.pending ?? 0 };
}

(window as unknown as { chotReaderBench: unknown }).chotReaderBench = { start, result };
