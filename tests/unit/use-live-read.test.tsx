// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { useLiveRead } from '../../components/use-live-read';
import { freshDatabase } from './test-db';

afterEach(cleanup);

describe('useLiveRead', () => {
  it("draws a new answer in slices, so the page takes its events (a read's answers among them) meanwhile", async () => {
    const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasAct = act.IS_REACT_ACT_ENVIRONMENT;
    act.IS_REACT_ACT_ENVIRONMENT = false; // React's own scheduler, as in the extension's pages
    try {
      const db = freshDatabase();
      const drawn: number[] = [];
      // a row that takes 2 ms to draw: 100 of them, a draw as long as a busy panel's
      function Row({ n }: { n: number }) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        drawn.push(performance.now());
        return <li>{n}</li>;
      }
      function Rows() {
        const rows = useLiveRead(db, [db.settings], async () => (await db.settings.count(), Array.from({ length: 100 }, (_, n) => n)), []);
        return (
          <ul>
            {rows?.map((n) => (
              <Row key={n} n={n} />
            ))}
          </ul>
        );
      }
      // the page's other events: a timer that runs whenever the page is free
      const ticks: number[] = [];
      let ticking = true;
      const tick = () => {
        ticks.push(performance.now());
        if (ticking) setTimeout(tick, 0);
      };
      tick();
      render(<Rows />);
      // (a row whose slice was cut short draws again: more than 100 draws)
      await expect.poll(() => drawn.length, { timeout: 3000 }).toBeGreaterThanOrEqual(100);
      ticking = false;
      const during = ticks.filter((at) => at > drawn[0]! && at < drawn.at(-1)!);
      // drawn in one piece, nothing else would run between the first row and the last
      expect(during.length).toBeGreaterThan(0);
    } finally {
      act.IS_REACT_ACT_ENVIRONMENT = wasAct;
    }
  });
});
