// Plays the demo's chat on its schedule (`at`: seconds from the start), faster when asked.
import type { DemoRow } from './demo-chat';

export const DEMO_SPEEDS = [1, 5, 10] as const;

export interface DemoPlayerOptions {
  rows: readonly DemoRow[];
  speed: number;
  add(row: DemoRow): void;
  /** After each row, with how many have been shown. */
  onProgress(shown: number): void;
}

/** Starts playing; the returned function stops what is left. */
export function playDemoChat({ rows, speed, add, onProgress }: DemoPlayerOptions): () => void {
  if (!(speed > 0)) throw new Error('the speed must be positive');
  let shown = 0;
  const timers = rows.map((row) =>
    setTimeout(
      () => {
        add(row);
        shown += 1;
        onProgress(shown);
      },
      (row.at * 1000) / speed,
    ),
  );
  return () => timers.forEach(clearTimeout);
}
