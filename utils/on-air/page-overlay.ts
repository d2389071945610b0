import type { Platform } from '../platforms/platform';
import type { PlatformAdapter } from '../platforms/adapter';
import type { Language, OrderStatus, TickerPlacement } from '../store/records';
import { translate, numberLocale, type MessageKey } from '../i18n/messages';
import { ORDER_STATUS_LABEL } from '../i18n/status-labels';
import { describeItems, describeWeight, describeWithKg } from '../i18n/describe-items';
import { onAirSnapshotSchema, type OnAirSnapshot } from './snapshot-schema';
import { keepBadges, type OrderBadge } from './kept-badges';
import { OVERLAY_STYLE } from './overlay-style';
import { contentBoxes, placeBadge, DOT_SIZE, type BadgePlace, type Rect } from './badge-place';
import type { OnAirPortEnd } from '../messaging/on-air-messages';

/** The chat page's end of the on-air port. */
export type OverlayPort = OnAirPortEnd;

export interface OverlayOptions {
  adapter: PlatformAdapter;
  document: Document;
  /** The stream the page shows now ("youtube:VIDEO"), or null while it is not known. */
  streamId: () => string | null;
  connect: () => OverlayPort;
  send: (message: unknown) => Promise<unknown>;
  browserLanguage: Language;
  /** Where the ticker sits until the user moves it; the stored placement comes with the settings. */
  placement?: TickerPlacement;
  reconnectMs?: number;
  /**
   * Whether an event is the user's own: the page's scripts can dispatch clicks and keys too. Tests without a
   * real input device say which of theirs count.
   */
  isUserEvent?: (event: Event) => boolean;
}

export interface PageOverlay {
  /** The reader met this row as this message. */
  rowRead(row: Element, messageId: string): void;
  stop(): void;
  /** Main-thread time spent by the overlay, for the benchmark. */
  busyMs(): number;
}

const SHORTCUT = { key: 'C', altKey: true, shiftKey: true };
/**
 * Until the user moves it, the ticker sits at the top right of the chat list as seen: the chats put their
 * newest rows at the bottom, next to the message box, which is where the seller reads and types. These
 * fractions of the window are only for a page whose list is not found.
 */
const DEFAULT_PLACEMENT: TickerPlacement = { x: 1, y: 0.12, collapsed: false, hidden: false };
const TICKER_INSET_PX = 8;
const MAX_ROWS_KEPT = 1000;

const intersect = (a: Rect, b: Rect): Rect => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});

const element = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) => {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text; // text only: names and items come from chat
  return node;
};

/**
 * The tally ticker and the order badges on a chat page. Both live in one closed shadow root on a fixed,
 * zero-size host: the site's layout and styles are untouched, and nothing of ours is inside the chat's
 * rows, so the reader never takes a badge for chat. Badges are placed over their rows by position and
 * follow them through re-rendering by message id.
 */
export function startPageOverlay(options: OverlayOptions): PageOverlay {
  const userEvent = options.isUserEvent ?? ((event: Event) => event.isTrusted);
  const { document: doc, adapter } = options;
  const view = doc.defaultView!;
  const platform: Platform = adapter.platform;
  let busy = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      busy += performance.now() - started;
    }
  };

  const host = doc.createElement('chot-overlay');
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
  // Closed: the page's scripts see the host only, never the ticker, the badges or what they stand for.
  const root = host.attachShadow({ mode: 'closed' });
  const style = element(doc, 'style');
  style.textContent = OVERLAY_STYLE;
  const ticker = element(doc, 'section', 'ticker theme-dark');
  ticker.setAttribute('role', 'status');
  ticker.dataset.testid = 'chot-ticker';
  const pill = element(doc, 'button', 'pill theme-dark');
  pill.dataset.testid = 'chot-pill';
  const badgeLayer = element(doc, 'div', 'badges theme-dark');
  root.append(style, ticker, pill, badgeLayer);
  ticker.hidden = true;
  pill.hidden = true;
  doc.documentElement.append(host);

  let snapshot: OnAirSnapshot | null = null;
  let placement: TickerPlacement = options.placement ?? DEFAULT_PLACEMENT;
  /** Placed by default (at the chat list's top), not where the user or a stored setting put it. */
  let anchored = !options.placement;
  /** The chat rows' scrolling box as last seen (in the window): the ticker's default place is at its top. */
  let chatBox: Rect | null = null;
  const rows = new Map<string, Element>();
  const idOfRow = new WeakMap<Element, string>();
  const badges = new Map<string, HTMLElement>();
  const language = () => snapshot?.language ?? options.browserLanguage;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language(), key, params);
  const format = (value: number, digits = 1) => new Intl.NumberFormat(numberLocale(language()), { maximumFractionDigits: digits }).format(value);
  const weight = (kg: number) => describeWeight(kg, format, t('tonnes'));

  // --- the ticker ---
  // The ticker's size, measured after it is drawn (in a frame), so placing it never forces a layout.
  let size = { width: 240, height: 200 };
  const measure = () => {
    const box = placement.collapsed ? pill : ticker;
    if (box.offsetWidth > 0) size = { width: box.offsetWidth, height: box.offsetHeight };
  };
  const place = () => {
    const { width, height } = size;
    const wantedLeft = anchored && chatBox ? chatBox.right - width - TICKER_INSET_PX : placement.x * view.innerWidth;
    const wantedTop = anchored && chatBox ? chatBox.top + TICKER_INSET_PX : placement.y * view.innerHeight;
    const left = Math.min(Math.max(0, wantedLeft), Math.max(0, view.innerWidth - width));
    const top = Math.min(Math.max(0, wantedTop), Math.max(0, view.innerHeight - height));
    for (const each of [ticker, pill]) {
      each.style.left = `${left}px`;
      each.style.top = `${top}px`;
    }
  };
  const savePlacement = () => {
    void options.send({ type: 'on-air-place', platform, placement }).catch(() => undefined);
  };
  /** The user takes the ticker over: from now on it is where it is drawn, as fractions of the window. */
  const unanchor = () => {
    if (!anchored) return;
    anchored = false;
    const left = parseFloat(ticker.style.left || pill.style.left);
    const top = parseFloat(ticker.style.top || pill.style.top);
    if (Number.isFinite(left) && Number.isFinite(top) && view.innerWidth > 0 && view.innerHeight > 0) {
      placement = { ...placement, x: Math.min(1, left / view.innerWidth), y: Math.min(1, top / view.innerHeight) };
    }
  };
  const setPlacement = (next: Partial<TickerPlacement>) => {
    unanchor();
    placement = { ...placement, ...next };
    drawn = '';
    updateWanted();
    renderTicker();
    place();
    schedule();
    savePlacement();
  };

  // The head is built once, so keyboard focus stays on it while the numbers change.
  const head = element(doc, 'div', 'head');
  head.tabIndex = 0;
  head.dataset.testid = 'chot-ticker-head';
  const collapse = element(doc, 'button', undefined, '–');
  collapse.dataset.testid = 'chot-collapse';
  collapse.addEventListener('click', (event) => userEvent(event) && setPlacement({ collapsed: true }));
  const hide = element(doc, 'button', undefined, '×');
  hide.addEventListener('click', (event) => userEvent(event) && setPlacement({ hidden: true }));
  head.append(element(doc, 'span', 'brand', 'Chốt'), collapse, hide);
  head.addEventListener('pointerdown', (event) => userEvent(event) && startDrag(event));
  head.addEventListener('keydown', (event) => userEvent(event) && moveByKeys(event));
  const labelled = (node: HTMLElement, key: MessageKey) => {
    node.title = t(key);
    node.setAttribute('aria-label', t(key));
  };

  let drawn = '';
  const renderTicker = () =>
    timed(() => {
      const show = Boolean(snapshot?.enabled) && !placement.hidden;
      ticker.hidden = !show || placement.collapsed;
      pill.hidden = !show || !placement.collapsed;
      if (!snapshot || !show) return;
      // Most snapshots after a batch change badges only: the ticker is redrawn when what it shows changed.
      const key = JSON.stringify([
        snapshot.pendingKg,
        snapshot.confirmedKg,
        snapshot.contractedKg,
        snapshot.totalTonnes,
        snapshot.orders,
        snapshot.goalKg,
        snapshot.latest.slice(0, 3),
        snapshot.language,
        placement.collapsed,
      ]);
      if (key === drawn) return;
      drawn = key;
      // the tally's own total: waiting, confirmed and contracted, as the panel and the presenter show it
      const total = Math.round(snapshot.totalTonnes * 1000 * 1000) / 1000;
      pill.textContent = `Chốt · ${weight(total)}`;
      labelled(pill, 'tickerExpand');
      labelled(head, 'tickerMove');
      labelled(collapse, 'tickerCollapse');
      labelled(hide, 'tickerHide');
      ticker.dataset.totalKg = String(total);
      ticker.dataset.orders = String(snapshot.orders);
      const body = element(doc, 'div', 'body');
      const tonnes = element(doc, 'div', 'tonnes', weight(total));
      tonnes.dataset.testid = 'chot-ticker-total';
      const split = element(doc, 'div', 'split');
      split.append(
        element(doc, 'span', 'confirmed', `${t('tickerConfirmed')} ${weight(snapshot.confirmedKg)}`),
        element(doc, 'span', undefined, `${t('tickerWaiting')} ${weight(snapshot.pendingKg)}`),
      );
      if (snapshot.contractedKg > 0) split.append(element(doc, 'span', undefined, `${t('tickerContracted')} ${weight(snapshot.contractedKg)}`));
      body.append(tonnes, split);
      if (snapshot.goalKg) {
        const percent = Math.min(100, Math.round((snapshot.totalTonnes * 1000 * 100) / snapshot.goalKg));
        const bar = element(doc, 'div', 'bar');
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-valuenow', String(percent));
        const fill = element(doc, 'div');
        fill.style.width = `${percent}%`;
        bar.append(fill);
        body.append(bar, element(doc, 'div', 'goal', t('goalProgress', { percent, goal: weight(snapshot.goalKg) })));
      }
      body.append(element(doc, 'div', 'goal', t('tickerOrders', { count: format(snapshot.orders, 0) })));
      const latest = element(doc, 'ul', 'latest');
      latest.setAttribute('aria-label', t('latestOrders'));
      for (const order of snapshot.latest.slice(0, 3)) latest.append(element(doc, 'li', undefined, `${order.name}: ${describeItems(order, (n) => format(n))}`));
      body.append(latest);
      // Replacing keeps the same head element (and its focus) in place.
      if (ticker.firstChild !== head) ticker.replaceChildren(head, body);
      else ticker.lastChild!.replaceWith(body);
      place();
      view.requestAnimationFrame(() => {
        measure();
        place();
      });
    });

  let drag: { dx: number; dy: number } | null = null;
  function startDrag(event: PointerEvent): void {
    if ((event.target as Element).closest('button')) return;
    unanchor();
    const box = ticker.getBoundingClientRect();
    drag = { dx: event.clientX - box.left, dy: event.clientY - box.top };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    event.preventDefault();
  }
  const onPointerMove = (event: PointerEvent) => {
    if (!drag) return;
    placement = {
      ...placement,
      x: Math.max(0, Math.min(1, (event.clientX - drag.dx) / view.innerWidth)),
      y: Math.max(0, Math.min(1, (event.clientY - drag.dy) / view.innerHeight)),
    };
    place();
  };
  const onPointerUp = () => {
    if (!drag) return;
    drag = null;
    savePlacement();
  };
  function moveByKeys(event: KeyboardEvent) {
    const step = event.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    unanchor();
    setPlacement({ x: Math.max(0, Math.min(1, placement.x + move[0])), y: Math.max(0, Math.min(1, placement.y + move[1])) });
  }
  pill.addEventListener('click', (event) => userEvent(event) && setPlacement({ collapsed: false }));
  const onKey = (event: KeyboardEvent) => {
    if (!userEvent(event)) return;
    if (event.altKey === SHORTCUT.altKey && event.shiftKey === SHORTCUT.shiftKey && event.key.toUpperCase() === SHORTCUT.key) {
      event.preventDefault();
      setPlacement({ hidden: !placement.hidden });
    }
  };
  view.addEventListener('pointermove', onPointerMove, true);
  view.addEventListener('pointerup', onPointerUp, true);
  view.addEventListener('keydown', onKey, true);

  // --- the badges ---
  const badgeText = (badge: OrderBadge) => {
    const what = describeWithKg({ items: badge.items, totalKg: badge.kg }, (n) => format(n));
    const status = badge.possibleRepeat && badge.status === 'pending' ? t('statusRepeat') : t(ORDER_STATUS_LABEL[badge.status as OrderStatus]);
    return `${what} · ${status}`;
  };
  const decide = (orderId: string, status: 'confirmed' | 'rejected' | 'pending') => {
    void options.send({ type: 'on-air-decide', orderId, status }).catch(() => undefined);
  };
  /** What each badge stands for, kept out of the page's reach (its attributes are for show and tests only). */
  const badgeOrders = new WeakMap<HTMLElement, { orderId: string; status: OrderStatus }>();
  /** A badge: its label, ✓ and ✗, and the status dot it shrinks to where a row leaves no room for more. */
  function makeBadgeNode(): HTMLElement {
    const node = element(doc, 'div', 'badge');
    node.dataset.testid = 'chot-badge';
    const confirm = element(doc, 'button', undefined, '✓');
    confirm.dataset.action = 'confirm';
    const reject = element(doc, 'button', undefined, '✗');
    reject.dataset.action = 'reject';
    node.append(element(doc, 'span', 'label'), confirm, reject, element(doc, 'span', 'dot'));
    return node;
  }
  const makeBadge = (badge: OrderBadge) => {
    const node = makeBadgeNode();
    const [confirm, reject] = [node.children[1]!, node.children[2]!];
    node.addEventListener('click', (event) => {
      // Only the user's own click, and only the order this script put here: the page can change the
      // badge's attributes or dispatch clicks, but it cannot reach what the content script keeps.
      const shown = badgeOrders.get(node);
      if (!userEvent(event) || !shown) return;
      const target = event.target as Node;
      if (confirm.contains(target)) decide(shown.orderId, shown.status === 'confirmed' ? 'pending' : 'confirmed');
      else if (reject.contains(target)) decide(shown.orderId, shown.status === 'rejected' ? 'pending' : 'rejected');
    });
    badgeLayer.append(node);
    badges.set(badge.messageId, node);
    return node;
  };

  const chatList = () => adapter.selectors.list.map((selector) => doc.querySelector(selector)).find(Boolean) ?? null;

  /** Every badge the background sent on this connection, by row id (see keepBadges). */
  const known = new Map<string, OrderBadge>();
  /** The badges shown, by row id: those known, unless badges are off or the ticker hidden. */
  let wanted = new Map<string, OrderBadge>();
  const updateWanted = () => {
    wanted = snapshot?.enabled && snapshot.badges && !placement.hidden ? known : new Map();
  };

  const fillBadge = (node: HTMLElement, id: string, badge: OrderBadge) => {
    const text = badgeText(badge);
    const key = `${text}\u0000${badge.status}\u0000${language()}`;
    if (node.dataset.key === key) return;
    node.dataset.key = key;
    (node.firstElementChild as HTMLElement).textContent = text;
    node.dataset.status = badge.status;
    node.dataset.repeat = String(badge.possibleRepeat);
    node.dataset.orderId = badge.orderId;
    node.dataset.messageId = id;
    badgeOrders.set(node, { orderId: badge.orderId, status: badge.status as OrderStatus });
    const confirm = node.children[1] as HTMLElement;
    const reject = node.children[2] as HTMLElement;
    confirm.title = badge.status === 'confirmed' ? t('badgeReopen') : t('badgeConfirm');
    confirm.setAttribute('aria-label', confirm.title);
    reject.title = badge.status === 'rejected' ? t('badgeReopen') : t('badgeReject');
    reject.setAttribute('aria-label', reject.title);
  };

  // --- where each badge goes ---
  const range = doc.createRange();
  /** What each row shows (its words' and pictures' boxes, relative to the row), kept while its size stays. */
  const rowContent = new WeakMap<Element, { size: string; boxes: Rect[] }>();
  const contentOf = (row: Element, box: DOMRect): Rect[] => {
    const size = `${Math.round(box.width)}x${Math.round(box.height)}:${row.textContent?.length ?? 0}`;
    let known = rowContent.get(row);
    if (known?.size !== size) {
      known = {
        size,
        boxes: contentBoxes(row, range).map((each) => ({
          left: each.left - box.left,
          top: each.top - box.top,
          right: each.right - box.left,
          bottom: each.bottom - box.top,
        })),
      };
      rowContent.set(row, known);
    }
    return known.boxes.map((each) => ({ left: each.left + box.left, top: each.top + box.top, right: each.right + box.left, bottom: each.bottom + box.top }));
  };
  /** The scrolling box a row is seen through (the chat list as the site scrolls it), per row parent. */
  const scrollerOf = new WeakMap<Element, Element | null>();
  const scrollBoxOf = (row: Element): Element | null => {
    const parent = row.parentElement;
    if (!parent) return null;
    if (!scrollerOf.has(parent)) {
      let found: Element | null = null;
      for (let node: Element | null = parent; node && node !== doc.documentElement; node = node.parentElement) {
        if (/(auto|scroll)/.test(view.getComputedStyle(node).overflowY)) {
          found = node;
          break;
        }
      }
      scrollerOf.set(parent, found);
    }
    return scrollerOf.get(parent) ?? null;
  };
  // The whole badge's width per label, measured once on a hidden copy (the label's font is the overlay's own).
  const ruler = makeBadgeNode();
  ruler.className = 'badge ruler';
  ruler.removeAttribute('data-testid');
  badgeLayer.append(ruler);
  const widths = new Map<string, number>();
  const widthOf = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      (ruler.firstElementChild as HTMLElement).textContent = text;
      width = Math.ceil(ruler.getBoundingClientRect().width);
      if (width > 0) widths.set(text, width);
    }
    return width;
  };

  /**
   * Puts each badge beside its row's words, never on them, or hides it when its row is gone or out of
   * view. All positions are read first and all styles written after, so the page lays out once per frame,
   * not once per badge.
   */
  const layoutBadges = () =>
    timed(() => {
      const listBox = chatList()?.getBoundingClientRect();
      const viewBox = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
      const placed: { id: string; place: BadgePlace }[] = [];
      const keep = new Set<string>();
      let scroller: Element | null = null;
      for (const [id, badge] of wanted) {
        const row = rows.get(id);
        if (!row) continue;
        if (!row.isConnected) {
          rows.delete(id);
          visibility.unobserve(row);
          continue;
        }
        keep.add(id);
        // Rows out of the window are known without measuring them (most of a long chat is).
        if (!onScreenRows.has(row)) continue;
        const rowBox = row.getBoundingClientRect();
        if (rowBox.height <= 0) continue;
        scroller ??= scrollBoxOf(row);
        let clip = listBox ? intersect(viewBox, listBox) : viewBox;
        const seenThrough = scrollBoxOf(row)?.getBoundingClientRect();
        if (seenThrough) clip = intersect(clip, seenThrough);
        const place = placeBadge(rowBox, contentOf(row, rowBox), widthOf(badgeText(badge)), clip);
        if (place) placed.push({ id, place });
      }
      const anchor = scroller?.getBoundingClientRect();
      const nextChatBox = anchor && anchor.height > 0 ? intersect(viewBox, anchor) : null;
      const anchorMoved = JSON.stringify(nextChatBox) !== JSON.stringify(chatBox);
      chatBox = nextChatBox;
      // Writes only from here on.
      if (anchorMoved && anchored) place();
      for (const [id, node] of badges) {
        if (!keep.has(id)) {
          node.remove();
          badges.delete(id);
        }
      }
      const shown = new Set(placed.map((each) => each.id));
      // Out of view: kept (and filled) for when the row scrolls back, just not drawn.
      for (const [id, node] of badges) if (!shown.has(id)) node.style.display = 'none';
      for (const { id, place: where } of placed) {
        const badge = wanted.get(id)!;
        const node = badges.get(id) ?? makeBadge(badge);
        fillBadge(node, id, badge);
        node.style.display = '';
        node.dataset.size = where.size;
        node.style.top = `${where.top}px`;
        // anchored at its right edge: a dot opens leftwards, over its row, when pointed at
        node.style.right = `${view.innerWidth - where.left - (where.size === 'dot' ? DOT_SIZE : widthOf(badgeText(badge)))}px`;
      }
      // Rows the reader met that never became orders are forgotten once they leave the page.
      if (rows.size > 2 * MAX_ROWS_KEPT) {
        for (const [id, row] of rows) {
          if (row.isConnected) continue;
          rows.delete(id);
          visibility.unobserve(row);
        }
      }
    });

  let frame = 0;
  // Positions are read just after the browser has laid out and painted a frame (a task queued from the
  // frame callback runs after it): the layout is then fresh and reading it costs nothing extra.
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => {
    frame = 0;
    layoutBadges();
  };
  const schedule = () => {
    if (frame) return;
    frame = view.requestAnimationFrame(() => afterFrame.port2.postMessage(null));
  };
  const listObserver = new MutationObserver(schedule);
  // Which rows are in the window, told by the browser after its own layout: only those are measured.
  const onScreenRows = new WeakSet<Element>();
  const visibility = new view.IntersectionObserver((entries) =>
    timed(() => {
      for (const entry of entries) {
        if (entry.isIntersecting) onScreenRows.add(entry.target);
        else onScreenRows.delete(entry.target);
      }
      schedule();
    }),
  );
  let observed: Element | null = null;
  const observeList = () => {
    const list = chatList();
    if (list === observed) return;
    listObserver.disconnect();
    observed = list;
    if (list) listObserver.observe(list, { childList: true, subtree: true });
  };
  view.addEventListener('scroll', schedule, true);
  view.addEventListener('resize', () => {
    place();
    schedule();
  });

  // --- the connection to the background ---
  let port: OverlayPort | null = null;
  let watching: string | null = null;
  let stopped = false;
  const watch = () => {
    const streamId = options.streamId();
    if (!port || !streamId || streamId === watching) return;
    watching = streamId;
    port.postMessage({ type: 'on-air-watch', streamId });
  };
  const connect = () => {
    if (stopped) return;
    port = options.connect();
    watching = null;
    port.onMessage.addListener((message) => {
      const parsed = timed(() => onAirSnapshotSchema.safeParse(message));
      if (!parsed.success) return;
      // The stored placement is taken once; after that the ticker is where the user puts it.
      if (!snapshot && parsed.data.placement && !options.placement) {
        placement = parsed.data.placement;
        anchored = false;
      }
      snapshot = parsed.data;
      keepBadges(known, parsed.data);
      updateWanted();
      renderTicker();
      schedule();
    });
    port.onDisconnect.addListener(() => {
      port = null;
      // The service worker was stopped or restarted: ask again shortly.
      if (!stopped) setTimeout(connect, options.reconnectMs ?? 1000);
    });
    watch();
  };
  connect();
  const streamTimer = setInterval(() => {
    watch();
    observeList();
  }, 1000);
  observeList();

  return {
    rowRead: (row, messageId) =>
      timed(() => {
        // A recycled row now shows another message: its old message has no row any more.
        const before = idOfRow.get(row);
        if (before !== undefined && before !== messageId && rows.get(before) === row) rows.delete(before);
        idOfRow.set(row, messageId);
        const earlier = rows.get(messageId);
        if (earlier !== row) {
          if (earlier) visibility.unobserve(earlier);
          rows.set(messageId, row);
          visibility.observe(row);
        }
        schedule();
      }),
    stop() {
      stopped = true;
      afterFrame.port1.close();
      clearInterval(streamTimer);
      listObserver.disconnect();
      visibility.disconnect();
      view.removeEventListener('pointermove', onPointerMove, true);
      view.removeEventListener('pointerup', onPointerUp, true);
      view.removeEventListener('keydown', onKey, true);
      view.removeEventListener('scroll', schedule, true);
      port?.disconnect();
      host.remove();
    },
    busyMs: () => busy,
  };
}
