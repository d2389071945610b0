/** A box in the viewport. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface BadgePlace {
  /** The badge's box: where it is drawn. */
  left: number;
  top: number;
  /** The whole badge, or only its status dot (it opens on hover or focus). */
  size: 'full' | 'dot';
}

export const BADGE_HEIGHT = 20;
export const DOT_SIZE = 12;
const GAP = 4;

/**
 * The boxes of what a chat row shows people: each text node's line boxes and each picture (avatars, emoji,
 * badges). Lines, not elements: a comment's element can be as wide as the row while its words end early.
 */
export function contentBoxes(row: Element, range: Range): Rect[] {
  const boxes: Rect[] = [];
  const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) if (box.width > 0 && box.height > 0) boxes.push(box);
  }
  for (const picture of row.querySelectorAll('img, svg')) {
    const box = picture.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) boxes.push(box);
  }
  return boxes;
}

const hits = (a: Rect, b: Rect) => a.left < b.right + 1 && b.left < a.right + 1 && a.top < b.bottom && b.top < a.bottom;

/** The heights at which a row's lines run, top to bottom (boxes on one line merged). */
function lines(boxes: readonly Rect[]): { top: number; bottom: number }[] {
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  const merged: { top: number; bottom: number }[] = [];
  for (const box of sorted) {
    const last = merged.at(-1);
    const middle = (box.top + box.bottom) / 2;
    if (last && middle < last.bottom) last.bottom = Math.max(last.bottom, box.bottom);
    else merged.push({ top: box.top, bottom: box.bottom });
  }
  return merged;
}

/**
 * Where a row's badge goes without covering anything the row shows: at the row's right edge, on the first
 * of its lines with room for the whole badge (beside the author on sites that give the name a line of its
 * own, after the words on a short comment), else as a dot where a line leaves room for one (narrow chats,
 * long comments). Null when even the dot would cover words, or the place is outside `clip` (the chat list as
 * seen) or the window.
 */
export function placeBadge(row: Rect, content: readonly Rect[], badgeWidth: number, clip: Rect): BadgePlace | null {
  const right = Math.min(row.right, clip.right) - GAP;
  const bands = lines(content);
  const middles = [...bands.map((band) => (band.top + band.bottom) / 2), row.top + BADGE_HEIGHT / 2, row.bottom - BADGE_HEIGHT / 2];
  for (const [size, width, height] of [
    ['full', badgeWidth, BADGE_HEIGHT],
    ['dot', DOT_SIZE, DOT_SIZE],
  ] as const) {
    for (const middle of middles) {
      // kept inside its row, so it reads as that row's
      const top = Math.round(Math.max(row.top, Math.min(middle - height / 2, row.bottom - height)));
      const box = { left: Math.round(right - width), top, right: Math.round(right), bottom: top + height };
      if (box.left < Math.max(row.left, clip.left) || box.top < clip.top || box.bottom > clip.bottom) continue;
      if (!content.some((each) => hits(box, each))) return { left: box.left, top: box.top, size };
    }
  }
  return null;
}
