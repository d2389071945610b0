// Bundled by scripts/bench.ts (as the extension bundles it: minified, no dev helpers) and run in node.
import { EMPTY_CATALOG, catalogSchema, indexCatalog, parseComment, type CatalogIndex } from '../../utils/parser/index';
import { benchComments } from './bench-comments';

export interface ParserBenchResult {
  label: string;
  commentsPerSecond: number;
  /** The floor beside it (floorParse), timed in turn with the parser over the same comments. */
  floorPerSecond: number;
  /** The parser's time over the floor's, run by run (median): the figure the target is about. */
  ratioToFloor: number;
  /** The same ratio in this process's CPU time, which other work on a busy machine disturbs less than the clock. */
  cpuRatioToFloor: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The floor (issue 15): what the least a comment reader can do costs on the same comments. One fold of the
// diacritics and one order regular expression, as a hand-rolled reader would ("chot 5kg", "lay 2 thung").
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const FLOOR_ORDER = /(?:^|[^a-z])(?:chot|lay|dat|mua|xi|cho em)\s*(\d+(?:[.,]\d+)?)\s*(kg|ky|ki|thung|hop|yen|ta|tan|lang)?/;

/** The floor's reading of one comment: the quantity and unit after an order word, or null. */
export function floorParse(text: string): RegExpExecArray | null {
  return FLOOR_ORDER.exec(text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').toLowerCase());
}

/** Comments per turn: parser and floor take turns this often, so that both meet the same moments of a busy machine. */
const TURN = 2_000;

/**
 * Parser and floor timed in turn over the same comments, TURN comments at a time, five runs over all of them.
 * The rates are the medians of the runs; the ratio is the median of the runs' ratios.
 */
function throughput(comments: string[], catalog: CatalogIndex): { parser: number; floor: number; ratio: number; cpuRatio: number } {
  const parserRuns: number[] = [];
  const floorRuns: number[] = [];
  const cpuRatios: number[] = [];
  const cpuMicros = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  let found = 0; // used, so that no run can be optimised away
  for (let run = 0; run < 5; run += 1) {
    let parserMs = 0;
    let floorMs = 0;
    let parserCpu = 0;
    let floorCpu = 0;
    for (let from = 0; from < comments.length; from += TURN) {
      const to = Math.min(comments.length, from + TURN);
      let started = performance.now();
      let cpu = cpuMicros();
      for (let i = from; i < to; i += 1) found += parseComment(comments[i]!, catalog).items.length;
      parserMs += performance.now() - started;
      parserCpu += cpuMicros() - cpu;
      started = performance.now();
      cpu = cpuMicros();
      for (let i = from; i < to; i += 1) if (floorParse(comments[i]!)) found += 1;
      floorMs += performance.now() - started;
      floorCpu += cpuMicros() - cpu;
    }
    parserRuns.push(parserMs);
    floorRuns.push(floorMs);
    cpuRatios.push(floorCpu / parserCpu);
  }
  if (found === 0) throw new Error('the bench comments hold no order');
  const rate = (runs: number[]) => Math.round((comments.length / median(runs)) * 1000);
  return { parser: rate(parserRuns), floor: rate(floorRuns), ratio: median(parserRuns.map((ms, run) => floorRuns[run]! / ms)), cpuRatio: median(cpuRatios) };
}

function latencies(comments: string[], catalog: CatalogIndex): number[] {
  const times = comments.map((text) => {
    const started = performance.now();
    parseComment(text, catalog);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b);
}

export function runParserBench(count = 50_000): ParserBenchResult[] {
  const comments = benchComments(count);
  const lychee = indexCatalog(
    catalogSchema.parse({
      products: [
        { code: 'V1', name: 'Vải thiều loại 1', packages: { thùng: 10, hộp: 2 } },
        { code: 'V2', name: 'Vải thiều loại 2', defaultUnit: 'thùng', packages: { thùng: 12, giỏ: 5 } },
      ],
      defaultProduct: 'V1',
    }),
  );
  return (
    [
      ['no catalog', indexCatalog(EMPTY_CATALOG)],
      ['with catalog', lychee],
    ] as const
  ).map(([label, catalog]) => {
    for (const text of comments) parseComment(text, catalog); // warm-up: let the JIT settle
    for (const text of comments) floorParse(text);
    const sorted = latencies(comments, catalog);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! * 10_000) / 10_000;
    const rates = throughput(comments, catalog);
    return {
      label,
      commentsPerSecond: rates.parser,
      floorPerSecond: rates.floor,
      ratioToFloor: rates.ratio,
      cpuRatioToFloor: rates.cpuRatio,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: at(1),
    };
  });
}
