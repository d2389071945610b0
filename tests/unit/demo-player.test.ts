import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playDemoChat } from '../../utils/demo/demo-player';
import type { DemoRow } from '../../utils/demo/demo-chat';

const rows: DemoRow[] = [
  { id: 'chot-demo-001', at: 0, author: 'Lan', text: 'chốt 5kg' },
  { id: 'chot-demo-002', at: 2, author: 'Minh', text: 'vải ngọt không?' },
  { id: 'chot-demo-003', at: 10, author: 'Hùng', text: 'lấy 10 ký' },
];

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the demo player', () => {
  it('adds the rows in order on their schedule, faster at a higher speed', () => {
    const added: string[] = [];
    const progress: number[] = [];
    playDemoChat({ rows, speed: 10, add: (row) => added.push(row.id), onProgress: (shown) => progress.push(shown) });
    vi.advanceTimersByTime(0);
    expect(added).toEqual(['chot-demo-001']);
    vi.advanceTimersByTime(199);
    expect(added).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(added).toEqual(['chot-demo-001', 'chot-demo-002']);
    vi.advanceTimersByTime(800);
    expect(added).toEqual(['chot-demo-001', 'chot-demo-002', 'chot-demo-003']);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('stops what is left', () => {
    const added: string[] = [];
    const stop = playDemoChat({ rows, speed: 1, add: (row) => added.push(row.id), onProgress: () => undefined });
    vi.advanceTimersByTime(2000);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(added).toEqual(['chot-demo-001', 'chot-demo-002']);
  });

  it('refuses a speed that is not positive', () => {
    expect(() => playDemoChat({ rows, speed: 0, add: () => undefined, onProgress: () => undefined })).toThrow();
  });
});
