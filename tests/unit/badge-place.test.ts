import { describe, expect, it } from 'vitest';
import { placeBadge, DOT_SIZE, BADGE_HEIGHT, type Rect } from '../../utils/on-air/badge-place';

const box = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const CLIP = box(0, 0, 400, 700);

describe('placeBadge', () => {
  it("puts the whole badge at the row's right edge on the first line with room: beside the author", () => {
    const row = box(0, 100, 400, 40);
    const author = box(40, 102, 90, 16);
    const text = box(40, 120, 340, 16); // a comment line running to the edge
    const place = placeBadge(row, [author, text], 120, CLIP)!;
    expect(place.size).toBe('full');
    const drawn = box(place.left, place.top, 120, BADGE_HEIGHT);
    expect(overlaps(drawn, author) || overlaps(drawn, text)).toBe(false);
    expect(drawn.right).toBeLessThanOrEqual(400);
    expect(drawn.top).toBeGreaterThanOrEqual(100);
  });

  it('shrinks to a dot where no line leaves room for the badge, and the dot covers no word', () => {
    const row = box(0, 100, 320, 52);
    const lines = [box(40, 104, 250, 16), box(40, 120, 262, 16), box(40, 136, 200, 16)];
    const place = placeBadge(row, lines, 140, CLIP)!;
    expect(place.size).toBe('dot');
    const dot = box(place.left, place.top, DOT_SIZE, DOT_SIZE);
    expect(lines.some((line) => overlaps(dot, line))).toBe(false);
    expect(dot.top).toBeGreaterThanOrEqual(100);
    expect(dot.bottom).toBeLessThanOrEqual(152);
  });

  it('is not drawn where even a dot would cover words, or outside the chat list as seen', () => {
    const row = box(0, 100, 320, 20);
    expect(placeBadge(row, [box(0, 100, 320, 20)], 100, CLIP)).toBeNull();
    expect(placeBadge(box(0, -10, 320, 20), [box(40, -8, 40, 16)], 100, box(0, 0, 320, 700))).toBeNull();
  });
});
