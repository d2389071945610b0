// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startPageOverlay, type OverlayPort, type PageOverlay } from '../../utils/on-air/page-overlay';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import type { OnAirSnapshot } from '../../utils/on-air/snapshot-schema';
import { startedWithRoot } from './overlay-root';

let overlay: PageOverlay | undefined;
afterEach(() => {
  overlay?.stop();
  overlay = undefined;
  document.body.replaceChildren();
});

function start(asUser = true) {
  let push: (message: unknown) => void = () => undefined;
  const posted: unknown[] = [];
  const sent: unknown[] = [];
  const port: OverlayPort = {
    postMessage: (message) => posted.push(message),
    onMessage: {
      addListener: (listener) => {
        push = listener;
      },
    },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  const { started, root, init } = startedWithRoot(() =>
    startPageOverlay({
      adapter: youtubeAdapter,
      document,
      streamId: () => 'youtube:vid1',
      connect: () => port,
      send: async (message) => {
        sent.push(message);
        return { ok: true };
      },
      browserLanguage: 'en',
      // happy-dom has no input device: the tests' own events stand for the user's, unless a test plays the page
      ...(asUser ? { isUserEvent: () => true } : {}),
    }),
  );
  overlay = started;
  return {
    overlay: started,
    push: (message: unknown) => push(message),
    posted,
    sent,
    root,
    init,
    ticker: root.querySelector<HTMLElement>('[data-testid="chot-ticker"]')!,
  };
}

const snapshot = (changes: Partial<OnAirSnapshot> = {}): OnAirSnapshot => ({
  type: 'on-air',
  enabled: true,
  badges: true,
  language: null,
  placement: null,
  pendingKg: 1500,
  confirmedKg: 250,
  contractedKg: 0,
  totalTonnes: 1.75,
  goalKg: 54_000,
  orders: 12,
  latest: [{ name: '<img src=x onerror=alert(1)>', items: [{ quantity: 2, unit: 'thùng', product: null, kg: 20 }], status: 'pending' }],
  badgesAre: 'all',
  badgesGone: [],
  orderBadges: [],
  ...changes,
});

describe('page overlay', () => {
  it('asks for its stream, then shows the pushed tally, with chat names as text only', () => {
    const page = start();
    expect(page.posted).toEqual([{ type: 'on-air-watch', streamId: 'youtube:vid1' }]);
    expect(page.ticker.hidden).toBe(true);
    page.push(snapshot());
    expect(page.ticker.hidden).toBe(false);
    expect(page.ticker.dataset.totalKg).toBe('1750');
    expect(page.ticker.textContent).toContain('1.75 t');
    expect(page.ticker.textContent).toContain('<img src=x onerror=alert(1)>: 2 thùng');
    expect(page.root.querySelector('img')).toBeNull();
    expect(page.root.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('3');
  });

  it('ignores messages that are not snapshots, and hides on a site turned off', () => {
    const page = start();
    page.push(snapshot());
    page.push({ type: 'on-air', enabled: true, orders: 'many' });
    expect(page.ticker.dataset.orders).toBe('12');
    page.push(snapshot({ enabled: false }));
    expect(page.ticker.hidden).toBe(true);
  });

  it('collapses to a pill and hides on Alt+Shift+C, saving each choice for the site', () => {
    const page = start();
    page.push(snapshot({ language: 'vi' }));
    page.root.querySelector<HTMLButtonElement>('[data-testid="chot-collapse"]')!.click();
    const pill = page.root.querySelector<HTMLElement>('[data-testid="chot-pill"]')!;
    expect([page.ticker.hidden, pill.hidden, pill.textContent]).toEqual([true, false, 'Chốt · 1,75 tấn']);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', altKey: true, shiftKey: true }));
    expect(pill.hidden).toBe(true);
    expect(page.sent.at(-1)).toMatchObject({ type: 'on-air-place', platform: 'youtube', placement: { collapsed: true, hidden: true } });
  });

  it('leaves the page when stopped', () => {
    start();
    overlay!.stop();
    overlay = undefined;
    expect(document.querySelector('chot-overlay')).toBeNull();
  });

  it("keeps its shadow root closed: the page's scripts cannot reach the ticker or the badges through the host", () => {
    const page = start();
    page.push(snapshot());
    expect(page.init.mode).toBe('closed');
    expect(document.querySelector('chot-overlay')!.shadowRoot).toBeNull();
    expect(document.querySelector('[data-testid="chot-ticker"]')).toBeNull();
  });

  it("takes no action from the page's own events: a script's click does not collapse the ticker", () => {
    for (const asUser of [false, true]) {
      const page = start(asUser);
      page.push(snapshot());
      page.root.querySelector<HTMLButtonElement>('[data-testid="chot-collapse"]')!.click();
      expect(page.ticker.hidden).toBe(asUser); // collapsed only by the user's click
      overlay?.stop();
      overlay = undefined;
    }
  });
});
