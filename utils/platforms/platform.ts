import { z } from 'zod';

export const PLATFORMS = ['youtube'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;
