// Bundled by scripts/bench.ts and run in the YouTube fixture chat page: plays rows through the fixture's
// own API at a steady rate, noting when each was added, and every count the on-air ticker shows.
import type { FixtureRow } from '../lib/fixture-pages';

/** The ticker the extension draws in the chat page, in a closed shadow root on <chot-overlay>. */
export const TICKER = '[data-testid="chot-ticker"]';

/**
 * The page cannot reach that root: the driver hands it over through DevTools (tests/e2e/closed-overlay.ts,
 * `exposeToPage`) under this name before playing.
 */
const overlayRoot = () => (window as unknown as { chotOverlayRoot?: ShadowRoot }).chotOverlayRoot;

export interface ChatPlayResult {
  /** Row id → when it was added to the chat. */
  added: Record<string, number>;
  /** Each value the ticker's data-orders took, with when. */
  ticker: [number, number][];
  finishedAt: number;
  visibility: DocumentVisibilityState;
}

const now = () => performance.timeOrigin + performance.now();
type ChatFixture = { add(rows: FixtureRow[]): void };

function tickerOrders(): number {
  return Number(overlayRoot()?.querySelector(TICKER)?.getAttribute('data-orders') ?? NaN);
}

function play(rows: FixtureRow[], perSecond: number): void {
  const added: Record<string, number> = {};
  const ticker: [number, number][] = [];
  let finishedAt = 0;
  const noteTicker = () => {
    const value = tickerOrders();
    if (Number.isFinite(value) && value !== ticker.at(-1)?.[1]) ticker.push([now(), value]);
  };
  const root = overlayRoot();
  if (!root) throw new Error('no on-air ticker on the chat page');
  new MutationObserver(noteTicker).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-orders'] });
  noteTicker();
  const fixture = (window as unknown as { chatFixture: ChatFixture }).chatFixture;
  const started = performance.now();
  let sent = 0;
  // Rows due by now are added every 20 ms, so a late timer catches up instead of slowing the rate.
  const timer = setInterval(() => {
    const due = Math.min(rows.length, Math.floor(((performance.now() - started) * perSecond) / 1000) + 1);
    if (due <= sent) return;
    const batch = rows.slice(sent, due);
    const at = now();
    for (const row of batch) added[row.id!] = at;
    fixture.add(batch);
    sent = due;
    if (sent === rows.length) {
      clearInterval(timer);
      finishedAt = at;
    }
  }, 20);
  (window as unknown as { chotChatPlayer: unknown }).chotChatPlayer = {
    done: () => sent === rows.length,
    ticker: tickerOrders,
    result: (): ChatPlayResult => ({ added, ticker, finishedAt, visibility: document.visibilityState }),
  };
}

(window as unknown as { chotChatPlay: typeof play }).chotChatPlay = play;
