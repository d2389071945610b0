/**
 * Which stream each chat page's overlay is showing, by tab and frame, as its port told the background: a
 * decision from a badge is taken only for an order of that stream.
 */
export class OnAirWatchers {
  private readonly streams = new Map<string, string>();

  watch(tabId: number, frameId: number, streamId: string): void {
    this.streams.set(`${tabId}:${frameId}`, streamId);
  }

  forget(tabId: number, frameId: number): void {
    this.streams.delete(`${tabId}:${frameId}`);
  }

  streamOf(tabId: number | undefined, frameId: number | undefined): string | undefined {
    return tabId === undefined ? undefined : this.streams.get(`${tabId}:${frameId ?? 0}`);
  }
}
