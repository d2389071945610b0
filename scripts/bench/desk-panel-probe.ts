// Bundled by scripts/bench.ts and evaluated in the side panel page (its CSP forbids inline script tags):
// notes when each order row and each tally count first reaches the DOM, and the page's long tasks.
// Times are performance.timeOrigin + performance.now(), comparable with the chat page's.

/** What the bench relies on in the panel: the tally's order count, and one element per listed order. */
export const PANEL_TALLY = '[data-testid="tally"]';
export const ORDER_ID_ATTRIBUTE = 'data-order-id';

export interface PanelProbeResult {
  /** Order id → when its row first appeared. */
  rows: Record<string, number>;
  /**
   * Order id → when the panel's page heard it was committed (the background's write, as Dexie announces
   * it to the extension's other pages): the time before it is the reader and the ingest, after it the views.
   */
  stored: Record<string, number>;
  /** When a commit named the orders only as a range (a batch of 50 orders or more): no ids to note. */
  storedAsRange: number[];
  /** Each value the tally's data-orders took, with when. */
  tally: [number, number][];
  /** Long tasks since start: [start, duration] (ms). */
  longTasks: [number, number][];
  visibility: string;
}

const now = () => performance.timeOrigin + performance.now();

/** Dexie's channel for committed changes between an extension's pages (its internals: the bench only). */
const DEXIE_CHANNEL = 'x-storagemutated-1';
interface KeyTree {
  from: unknown;
  to: unknown;
  l?: KeyTree | null;
  r?: KeyTree | null;
}

/** The single keys in one of Dexie's key-range trees (an added order is a range from its id to itself); false when it holds a range. */
function singleKeys(tree: KeyTree | null | undefined, into: string[]): boolean {
  if (!tree || typeof tree !== 'object' || !('from' in tree)) return true;
  if (typeof tree.from !== 'string' || tree.from !== tree.to) return false;
  into.push(tree.from);
  return singleKeys(tree.l, into) && singleKeys(tree.r, into);
}

function startPanelProbe(): void {
  const rows: Record<string, number> = {};
  const stored: Record<string, number> = {};
  const storedAsRange: number[] = [];
  new BroadcastChannel(DEXIE_CHANNEL).onmessage = (event: MessageEvent) => {
    const at = now();
    const ids: string[] = [];
    const orders = (event.data as Record<string, KeyTree> | null)?.['idb://chot/orders/'];
    if (!orders) return;
    if (!singleKeys(orders, ids)) storedAsRange.push(at);
    for (const id of ids) if (!(id in stored)) stored[id] = at;
  };
  const tally: [number, number][] = [];
  const longTasks: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([performance.timeOrigin + entry.startTime, entry.duration]);
  }).observe({ type: 'longtask' });
  const noteTally = (at: number) => {
    const value = Number(document.querySelector(PANEL_TALLY)?.getAttribute('data-orders') ?? NaN);
    if (Number.isFinite(value) && value !== tally.at(-1)?.[1]) tally.push([at, value]);
  };
  const noteRow = (element: Element, at: number) => {
    const id = element.getAttribute(ORDER_ID_ATTRIBUTE);
    if (id !== null && !(id in rows)) rows[id] = at;
  };
  // Only what changed is looked at: the probe must not add to the panel's own cost.
  new MutationObserver((records) => {
    const at = now();
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.attributeName === ORDER_ID_ATTRIBUTE) noteRow(record.target as Element, at);
        continue;
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        noteRow(node, at);
        if (node.firstElementChild) for (const inner of node.querySelectorAll(`[${ORDER_ID_ATTRIBUTE}]`)) noteRow(inner, at);
      }
    }
    noteTally(at);
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-orders', ORDER_ID_ATTRIBUTE] });
  noteTally(now());
  (window as unknown as { chotPanelProbe: { result(): PanelProbeResult } }).chotPanelProbe = {
    result: () => ({ rows, stored, storedAsRange, tally, longTasks, visibility: document.visibilityState }),
  };
}

startPanelProbe();
