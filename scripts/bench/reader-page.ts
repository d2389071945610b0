// Bundled by scripts/bench.ts and run in Chromium on the YouTube fixture chat: the content script's
// reader, with an immediate acknowledgement in place of the background.
import { startChatReader, type ChatReader } from '../../utils/chat-reader/chat-reader';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import { startPageOverlay, type OverlayPort, type PageOverlay } from '../../utils/on-air/page-overlay';
import type { OnAirSnapshot } from '../../utils/on-air/snapshot-schema';

interface Fixture {
  add(rows: unknown[]): void;
  setMaxRows(n: number): void;
}

let reader: ChatReader | undefined;
let overlay: PageOverlay | undefined;
let added = 0;
let acknowledged = 0;

/** Stands in for the background: after each acknowledged batch, a snapshot with badges for the order rows. */
function fakeBackground() {
  let listener: (message: unknown) => void = () => undefined;
  const orderIds: string[] = [];
  const port: OverlayPort = {
    postMessage: () => undefined,
    onMessage: {
      addListener: (next) => {
        listener = next;
      },
    },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  const push = (ids: string[]) => {
    orderIds.push(...ids);
    orderIds.splice(0, Math.max(0, orderIds.length - 400));
    const snapshot: OnAirSnapshot = {
      type: 'on-air',
      enabled: true,
      badges: true,
      language: 'vi',
      placement: null,
      pendingKg: orderIds.length * 5,
      confirmedKg: 0,
      contractedKg: 0,
      totalTonnes: orderIds.length * 0.005,
      goalKg: 54_000,
      orders: orderIds.length,
      latest: orderIds.slice(-5).map(() => ({ name: 'Lan', items: [{ quantity: 5, unit: 'kg', product: null, kg: 5 }], status: 'pending' })),
      badgesAre: 'all',
      badgesGone: [],
      orderBadges: orderIds.map((id) => ({
        messageId: id,
        orderId: `youtube:${id}`,
        items: [{ quantity: 5, unit: 'kg', product: null, kg: 5 }],
        kg: 5,
        status: 'pending',
        possibleRepeat: false,
      })),
    };
    listener(snapshot);
  };
  return { port, push };
}

/** Plays the chat; with `withReader` false, the same chat without Chốt, as the baseline. */
function start(rowsPerSecond: number, durationMs: number, withReader: boolean, withOverlay = false): void {
  const fixture = (window as unknown as { chatFixture: Fixture }).chatFixture;
  fixture.setMaxRows(150); // YouTube keeps only the newest rows
  const background = fakeBackground();
  if (withOverlay)
    overlay = startPageOverlay({
      adapter: youtubeAdapter,
      document,
      streamId: () => 'youtube:benchStream1',
      connect: () => background.port,
      send: async () => ({ ok: true }),
      browserLanguage: 'vi',
    });
  if (withReader)
    reader = startChatReader({
      adapter: youtubeAdapter,
      document,
      url: () => 'https://www.youtube.com/live_chat?v=benchStream1',
      send: async (_stream, messages) => {
        acknowledged += messages.length;
        if (withOverlay)
          background.push(messages.filter((message) => message.kind !== 'withdrawn' && message.text.startsWith('chốt')).map((message) => message.messageId));
        return { ok: true, stored: messages.length, duplicates: 0, invalid: 0 };
      },
      ...(withOverlay ? { onRow: (row: Element, messageId: string) => overlay?.rowRead(row, messageId) } : {}),
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
  // the badges shown are counted by the driver, through DevTools: the overlay's root is closed to the page
  return {
    added,
    read: health?.rowsSeen ?? 0,
    acknowledged,
    busyMs: reader?.busyMs() ?? 0,
    overlayBusyMs: overlay?.busyMs() ?? 0,
    pending: health?.pending ?? 0,
  };
}

(window as unknown as { chotReaderBench: unknown }).chotReaderBench = { start, result };
