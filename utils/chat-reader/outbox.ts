import type { ChatMessage, IngestAck } from '../messaging/chat-message';

/** The background answered and will not take the batch (not a transport failure): sending again is pointless. */
export class BatchRefusedError extends Error {}

export type SendBatch = (messages: ChatMessage[]) => Promise<IngestAck>;

export interface OutboxOptions {
  send: SendBatch;
  maxBatch: number;
  flushDelayMs: number;
  /** Retry delays grow to this after failures (the service worker may be restarting). */
  maxRetryDelayMs: number;
  onAck?: (ack: IngestAck, sent: number) => void;
  onRefused?: (dropped: number, reason: string) => void;
}

/**
 * Keeps read messages until the background acknowledges them: a stopped service worker or a failed
 * send loses nothing, the batch is sent again.
 */
export class Outbox {
  private queue: ChatMessage[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private lastFlushAt = 0;

  constructor(private readonly options: OutboxOptions) {}

  get pending(): number {
    return this.queue.length;
  }

  push(message: ChatMessage): void {
    this.queue.push(message);
    // Flushing straight from the observer keeps a background tab (whose timers are throttled) on time.
    if (Date.now() - this.lastFlushAt >= this.options.flushDelayMs) void this.flush();
    else this.schedule(this.options.flushDelayMs);
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  /** Sends what is queued, one batch at a time; resolves when the queue is empty or a send failed. */
  async flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.drain().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      this.lastFlushAt = Date.now();
      const batch = this.queue.slice(0, this.options.maxBatch);
      try {
        const ack = await this.options.send(batch);
        this.queue.splice(0, batch.length);
        this.failures = 0;
        this.options.onAck?.(ack, batch.length);
      } catch (error) {
        if (error instanceof BatchRefusedError) {
          this.queue.splice(0, batch.length);
          this.options.onRefused?.(batch.length, error.message);
          continue;
        }
        this.failures += 1;
        const delay = Math.min(this.options.maxRetryDelayMs, 500 * 2 ** (this.failures - 1));
        this.schedule(delay);
        return;
      }
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
