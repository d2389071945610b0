import type { PlatformAdapter } from './adapter';
import type { Platform } from './platform';
import { youtubeAdapter } from './youtube';
import { tiktokAdapter } from './tiktok';
import { facebookAdapter } from './facebook';

export const ADAPTERS: Readonly<Record<Platform, PlatformAdapter>> = { youtube: youtubeAdapter, tiktok: tiktokAdapter, facebook: facebookAdapter };

/** The adapter for a supported live chat URL; undefined for anything else. */
export function adapterForChatUrl(url: string | undefined): PlatformAdapter | undefined {
  if (!url) return undefined;
  return Object.values(ADAPTERS).find((adapter) => adapter.isChatUrl(url));
}
