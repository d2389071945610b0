import type { RowMessage } from '../platforms/adapter';
import { BoundedMap } from './bounded-set';

/**
 * For sites whose rows carry no message id (TikTok). Their chat is a virtual list the site rebuilds: old
 * rows come back as new elements, minutes later. A row is told apart from a new comment by its place,
 * never by time: a new comment is appended below the rows already read, with the next `data-index`
 * where the site numbers its rows; a row drawn again comes back with its old `data-index`, above or among
 * rows already read, or as part of a run of rows matching, in order, rows read before (a rebuilt list).
 * A buyer typing the same words again is a new row at the bottom: it counts.
 */
export type Placement =
  /** A new comment. */
  | { kind: 'new' }
  /** The same message as a row read before (its id given). */
  | { kind: 'again'; id: string }
  /** An old row that was never read (it sits above rows already read): not a new comment. */
  | { kind: 'old' };

interface Entry {
  id: string;
  key: string;
  /** Position in reading order: the entry read after this one has `seq + 1`. */
  seq: number;
  index: number | undefined;
  /** The element now showing this message, if any. */
  element: WeakRef<Element> | undefined;
}

// A gift combo counts up in place ("Rose ×1" … "Rose ×12"): one gift, whatever its count.
const GIFT_COUNT = /\s*[x×]\s*\d+$/i;

/** What makes two rows of one stream show the same message (per stream: the next host's room is new). */
export function contentKeyOf(streamKey: string, message: Pick<RowMessage, 'kind' | 'authorName' | 'text'>): string {
  const text = message.kind === 'gift' ? message.text.replace(GIFT_COUNT, '') : message.text;
  return `${streamKey}\u0000${message.kind}\u0000${message.authorName}\u0000${text}`;
}

/** How far the place checks walk from a row, so a huge list costs bounded work. */
const WALK_LIMIT = 600;
const LOOK_AHEAD = 40;

export interface RowPlacesOptions {
  /** Chat rows (as the adapter's row selectors). */
  rowSelector: string;
  /** Entries remembered: well above the rows a chat keeps on screen. */
  limit: number;
  /** The content key of a row not placed yet, to match a rebuilt run in order; undefined for no message. */
  keyOf: (row: Element) => string | undefined;
}

export class RowPlaces {
  private readonly entries: Entry[] = [];
  private readonly entryOf = new WeakMap<Element, Entry>();
  private readonly byIndex: BoundedMap<number, Entry>;
  private nextSeq = 0;
  private maxIndex = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RowPlacesOptions) {
    this.byIndex = new BoundedMap(options.limit);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Where this row, showing the message with this key, stands. A row shown again takes over its message.
   * `late`: the row was met before its content came (newer rows may sit below it by now): only its index
   * can say it was read before.
   */
  place(row: Element, key: string, late = false): Placement {
    const index = indexOf(row);
    if (index !== undefined) {
      const known = this.byIndex.get(index);
      if (known?.key === key) return this.showAgain(known, row);
      // A row numbered past every row read is new; an index seen with other content says nothing.
      if (!known && index > this.maxIndex) return { kind: 'new' };
    }
    if (late) return { kind: 'new' };
    if (this.readRowAfter(row)) {
      const earlier = this.latest(key, true) ?? this.latest(key, false);
      return earlier ? this.showAgain(earlier, row) : { kind: 'old' };
    }
    const above = this.readRowBefore(row);
    if (above) {
      // Below a row read before: the next message read after that one, drawn again, continues a rebuilt run.
      const next = this.at(above.seq + 1);
      return next?.key === key && !shown(next) ? this.showAgain(next, row) : { kind: 'new' };
    }
    // No row read before is above or below: the list was replaced (or this is the first row ever).
    const start = this.runStart(row, key);
    return start ? this.showAgain(start, row) : { kind: 'new' };
  }

  /** Remembers a new message read from this row. */
  read(row: Element, key: string, id: string): void {
    const index = indexOf(row);
    const entry: Entry = { id, key, seq: this.nextSeq++, index, element: new WeakRef(row) };
    this.entries.push(entry);
    // Forgotten a quarter at a time: a busy chat does not pay for moving the whole list on every row.
    if (this.entries.length > this.options.limit * 1.25) this.entries.splice(0, this.entries.length - this.options.limit);
    this.entryOf.set(row, entry);
    if (index !== undefined) {
      this.byIndex.add(index, entry);
      this.maxIndex = Math.max(this.maxIndex, index);
    }
  }

  /** The row now shows another message (the site reused the element): it no longer stands for the old one. */
  forget(row: Element): void {
    const entry = this.entryOf.get(row);
    if (entry?.element?.deref() === row) entry.element = undefined;
    this.entryOf.delete(row);
  }

  private showAgain(entry: Entry, row: Element): Placement {
    entry.element = new WeakRef(row);
    this.entryOf.set(row, entry);
    return { kind: 'again', id: entry.id };
  }

  private at(seq: number): Entry | undefined {
    const first = this.entries[0];
    return first ? this.entries[seq - first.seq] : undefined;
  }

  /** The latest entry with this key; `gone`: only one no element shows any more. */
  private latest(key: string, gone: boolean): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i]!;
      if (entry.key === key && (!gone || !shown(entry))) return entry;
    }
    return undefined;
  }

  private readRowAfter(row: Element): boolean {
    for (const next of this.rowsBeside(row, 'next')) if (this.entryOf.has(next)) return true;
    return false;
  }

  private readRowBefore(row: Element): Entry | undefined {
    for (const previous of this.rowsBeside(row, 'previous')) {
      const entry = this.entryOf.get(previous);
      if (entry) return entry;
    }
    return undefined;
  }

  /**
   * The top row of a replaced list: the entry, no longer shown, where the rows from here down match the
   * entries read from there on for longest (ties: the latest).
   */
  private runStart(row: Element, key: string): Entry | undefined {
    const candidates = this.entries.filter((entry) => entry.key === key && !shown(entry));
    if (candidates.length <= 1) return candidates[0];
    const following: (string | undefined)[] = [];
    for (const next of this.rowsBeside(row, 'next')) {
      if (following.length >= LOOK_AHEAD) break;
      following.push(this.options.keyOf(next));
    }
    let best: Entry | undefined;
    let bestRun = 0;
    for (const candidate of candidates) {
      let run = 1;
      while (run <= following.length && this.at(candidate.seq + run)?.key === following[run - 1]) run += 1;
      if (run >= bestRun) [best, bestRun] = [candidate, run];
    }
    return best;
  }

  /** The chat rows after (or before) this one, nearest first, within the list around it. */
  private *rowsBeside(row: Element, way: 'next' | 'previous'): Generator<Element> {
    const step = (element: Element) => (way === 'next' ? element.nextElementSibling : element.previousElementSibling);
    let walked = 0;
    for (let slot: Element | null = slotOf(row); slot && walked < WALK_LIMIT; slot = slot.parentElement) {
      for (let sibling = step(slot); sibling && walked < WALK_LIMIT; sibling = step(sibling), walked += 1) {
        if (sibling.matches(this.options.rowSelector)) yield sibling;
        else {
          const inside = sibling.querySelectorAll(this.options.rowSelector);
          for (let i = 0; i < inside.length; i += 1) yield inside[way === 'next' ? i : inside.length - 1 - i]!;
        }
      }
      // Rows wrapped one per element: once the siblings are done, the list's own level is done too.
      if (slot.parentElement && slot.parentElement.childElementCount > 1) return;
    }
  }
}

const shown = (entry: Entry) => entry.element?.deref()?.isConnected === true;

/** The site's own number for the row, on the row or the wrapper it sits in alone. */
function indexOf(row: Element): number | undefined {
  const wrapper = row.hasAttribute('data-index') ? row : slotOf(row);
  const value = wrapper.getAttribute('data-index');
  if (value === null || !/^-?\d{1,9}$/.test(value)) return undefined;
  const index = Number(value);
  return index >= 0 ? index : undefined;
}

/** The row, or the wrapper elements around it that hold nothing else (a virtual list's `data-index` div). */
function slotOf(row: Element): Element {
  let slot = row;
  while (!slot.hasAttribute('data-index') && slot.parentElement?.childElementCount === 1 && slot.parentElement.parentElement) slot = slot.parentElement;
  return slot;
}
