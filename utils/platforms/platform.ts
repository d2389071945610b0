import { z } from 'zod';

export const PLATFORMS = ['youtube', 'tiktok', 'facebook'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export const PLATFORM_LABELS: Record<Platform, string> = { youtube: 'YouTube', tiktok: 'TikTok', facebook: 'Facebook' };
