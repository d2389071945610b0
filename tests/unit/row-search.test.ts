import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchRows } from '../../components/row-search';

const fullScan = (texts: string[], statuses: string[], needle: string, status: string) =>
  texts.flatMap((text, i) => ((status === 'all' || statuses[i] === status) && text.includes(needle) ? [i] : []));

describe('searchRows', () => {
  it('typing on narrows the last answer and picks exactly what a full scan picks', () => {
    const texts = ['hợp tác xã lục ngạn', 'người mua 1', 'hồng', 'hợp đồng', 'chốt 2kg'];
    const statuses = ['pending', 'pending', 'confirmed', 'pending', 'pending'];
    const h = searchRows(texts, statuses, 'h', 'all');
    expect(h.picked).toEqual([0, 2, 3, 4]);
    const ho = searchRows(texts, statuses, 'hợ', 'all', h);
    expect(ho.picked).toEqual([0, 3]);
    // a deleted key widens the search again: it reads every row, not the narrowed answer
    expect(searchRows(texts, statuses, 'h', 'all', ho).picked).toEqual([0, 2, 3, 4]);
    // another status or other rows: not narrowed from an answer about something else
    expect(searchRows(texts, statuses, 'hợ', 'confirmed', h).picked).toEqual([]);
    expect(searchRows([...texts, 'hợp'], [...statuses, 'pending'], 'hợ', 'all', h).picked).toEqual([0, 3, 5]);
  });

  it('agrees with a full scan for any sequence of searches', () => {
    const word = fc.string({ unit: fc.constantFrom('h', 'ợ', 'p', ' ', 'a'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.array(fc.tuple(word, fc.constantFrom('all', 'pending', 'confirmed')), { maxLength: 12 }),
        (texts, searches) => {
          const statuses = texts.map((_, i) => (i % 3 === 0 ? 'confirmed' : 'pending'));
          let previous;
          for (const [needle, status] of searches) {
            previous = searchRows(texts, statuses, needle, status, previous);
            expect(previous.picked).toEqual(fullScan(texts, statuses, needle, status));
          }
        },
      ),
    );
  });
});
