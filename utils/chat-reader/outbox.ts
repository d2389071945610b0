import type { ChatEntry, IngestAck, StreamClaim } from '../messaging/chat-message';

/** The background answered and will not take the batch (not a transport failure): sending again is pointless. */
export class BatchRefusedError extends Error {}

export type SendBatch = (stream: StreamClaim, messages: ChatEntry[]) => Promise<IngestAck>;

export interface OutboxOptions {
  send: SendBatch;
  maxBatch: number;
  flushDelayMs: number;
  /** Retry delays grow to this after failures (the service worker may be restarting). */
  maxRetryDelayMs: number;
  onAck?: (ack: IngestAck, sent: number) => void;
  onRefused?: (dropped: number, reason: string) => void;
  /**
   * Send without waiting for a batch to fill: a hidden tab's timers are throttled (to once a minute after
   * a while), so there every row is sent from the observer that read it.
   */
  sendAtOnce?: () => boolean;
}

interface Entry {
  stream: StreamClaim;
  message: ChatEntry;
}

/**
 * Keeps read messages until the background acknowledges them: a stopped service worker or a failed
 * send loses nothing, the batch is sent again. A batch holds one stream's messages, so rows read before
 * a TikTok host change never land in the next host's stream.
 */
export class Outbox {
  private queue: Entry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  /** A flush was asked for while one was finishing: go round again rather than strand new messages. */
  private again = false;
  private failures = 0;
  private lastFlushAt = 0;

  constructor(private readonly options: OutboxOptions) {}

  get pending(): number {
    return this.queue.length;
  }

  push(stream: StreamClaim, message: ChatEntry): void {
    this.queue.push({ stream, message });
    const since = Date.now() - this.lastFlushAt;
    if (this.options.sendAtOnce?.() || since >= this.options.flushDelayMs) void this.flush();
    // A row waits at most the delay counted from the last send, not a whole delay from its own arrival.
    else this.schedule(this.options.flushDelayMs - since);
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
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      try {
        let delivered = true;
        do {
          this.again = false;
          delivered = await this.drain();
        } while (delivered && this.again && this.queue.length > 0);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }

  private nextBatch(): Entry[] {
    const first = this.queue[0]!;
    let end = 1;
    while (
      end < this.queue.length &&
      end < this.options.maxBatch &&
      this.queue[end]!.stream.key === first.stream.key &&
      this.queue[end]!.stream.platform === first.stream.platform
    )
      end += 1;
    return this.queue.slice(0, end);
  }

  /** Sends batches until the queue is empty (true) or a send failed and a retry is scheduled (false). */
  private async drain(): Promise<boolean> {
    while (this.queue.length > 0) {
      this.lastFlushAt = Date.now();
      const batch = this.nextBatch();
      // The latest title and host for the stream travel with its batch.
      const stream = batch[batch.length - 1]!.stream;
      try {
        const ack = await this.options.send(
          stream,
          batch.map((entry) => entry.message),
        );
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
        this.schedule(Math.min(this.options.maxRetryDelayMs, 500 * 2 ** (this.failures - 1)));
        return false;
      }
    }
    return true;
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
