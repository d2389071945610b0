import type { PlatformAdapter } from './adapter';
import { youtubeAdapter } from './youtube';

export const ADAPTERS: readonly PlatformAdapter[] = [youtubeAdapter];

/** The adapter and stream for a supported live chat URL; undefined for anything else. */
export function chatPageOf(url: string | undefined): { adapter: PlatformAdapter; videoId: string } | undefined {
  if (!url) return undefined;
  for (const adapter of ADAPTERS) {
    const stream = adapter.streamFromUrl(url);
    if (stream) return { adapter, videoId: stream.videoId };
  }
  return undefined;
}
