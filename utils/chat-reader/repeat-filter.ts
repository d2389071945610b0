/**
 * For sites without message ids (TikTok): the same author and text seen again within a short window is
 * the site re-rendering a row, not a new comment. Outside the window it is a new comment: a buyer may
 * really order "chốt 1" twice. Memory stays bounded: entries older than the window are dropped.
 */
export class RepeatFilter {
  private readonly lastSeen = new Map<string, number>();
  private lastPrune = 0;

  constructor(private readonly windowMs: number) {}

  /** True when this author and text were seen less than the window ago. Records the sighting either way. */
  isRepeat(author: string, text: string, now: number): boolean {
    const key = `${author}\u0000${text}`;
    const previous = this.lastSeen.get(key);
    this.lastSeen.set(key, now);
    if (now - this.lastPrune > this.windowMs) this.prune(now);
    return previous !== undefined && now - previous < this.windowMs;
  }

  private prune(now: number): void {
    this.lastPrune = now;
    for (const [key, time] of this.lastSeen) if (now - time >= this.windowMs) this.lastSeen.delete(key);
  }

  get size(): number {
    return this.lastSeen.size;
  }
}
