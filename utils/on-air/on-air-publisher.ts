import type { ChotDatabase } from '../store/db';
import { adapterForChatUrl } from '../platforms/index';
import { onAirWatchSchema, type OnAirPortEnd } from '../messaging/on-air-messages';
import { onAirSnapshotOf, readOnAirSources, type OnAirSources } from './snapshot';
import { liveRead } from '../store/live-read';
import type { OnAirWatchers } from './on-air-watchers';

/** The background's end of a chat page's port, with who opened it. */
export interface OnAirPort extends OnAirPortEnd {
  sender?: { id?: string; url?: string; tab?: { id?: number; url?: string }; frameId?: number };
}

/**
 * Pushes a chat page its stream's on-air snapshot whenever the data behind it changes. The background is
 * the only writer, so its live queries see every change as it is committed.
 */
export function publishOnAir(db: ChotDatabase, port: OnAirPort, extensionId: string, watchers?: OnAirWatchers): void {
  const adapter = adapterForChatUrl(port.sender?.url);
  if (port.sender?.id !== extensionId || !adapter) return port.disconnect();
  let subscription: { unsubscribe(): void } | undefined;
  port.onMessage.addListener((message) => {
    const watch = onAirWatchSchema.safeParse(message);
    if (!watch.success || !watch.data.streamId.startsWith(`${adapter.platform}:`)) return;
    // Where the sender names its stream (YouTube: by its frame and tab), a page watches only that one: a chat
    // frame hidden on another site, or one claiming another video, hears nothing and decides nothing.
    const own = adapter.streamOfSender?.(port.sender?.url, port.sender?.tab?.url);
    if (adapter.streamOfSender && watch.data.streamId !== `${adapter.platform}:${own}`) return;
    subscription?.unsubscribe();
    if (port.sender?.tab?.id !== undefined) watchers?.watch(port.sender.tab.id, port.sender.frameId ?? 0, watch.data.streamId);
    const streamId = watch.data.streamId;
    // what this connection was last sent: from then on only the badges that change go
    let sent: OnAirSources | undefined;
    // each read builds on the last: a chat batch's few orders are read, not the newest hundreds again
    subscription = liveRead<OnAirSources>(db, [db.settings, db.streams, db.tallies, db.products, db.orders], (since) =>
      readOnAirSources(db, streamId, since),
    ).subscribe({
      next: (sources) => {
        try {
          port.postMessage(onAirSnapshotOf(sources, sent));
          sent = sources;
        } catch {
          subscription?.unsubscribe(); // the page went away between the change and the push
        }
      },
    });
  });
  port.onDisconnect.addListener(() => {
    subscription?.unsubscribe();
    if (port.sender?.tab?.id !== undefined) watchers?.forget(port.sender.tab.id, port.sender.frameId ?? 0);
  });
}
