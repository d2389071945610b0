import { vi } from 'vitest';

/** Waits for a check on real timers. Generous: the unit suite runs files in parallel on two cores. */
export const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 });
