// Bundled by scripts/bench.ts (as the extension bundles it: minified, no dev helpers) and run in node.
import { EMPTY_CATALOG, catalogSchema, indexCatalog, parseComment, type CatalogIndex } from '../../utils/parser/index';
import { benchComments } from './bench-comments';

export interface ParserBenchResult {
  label: string;
  commentsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function throughput(comments: string[], catalog: CatalogIndex): number {
  const runs = Array.from({ length: 5 }, () => {
    const started = performance.now();
    for (const text of comments) parseComment(text, catalog);
    return performance.now() - started;
  });
  return Math.round((comments.length / median(runs)) * 1000);
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
  const lychee = indexCatalog(catalogSchema.parse({
    products: [
      { code: 'V1', name: 'Vải thiều loại 1', packages: { 'thùng': 10, 'hộp': 2 } },
      { code: 'V2', name: 'Vải thiều loại 2', defaultUnit: 'thùng', packages: { 'thùng': 12, 'giỏ': 5 } },
    ],
    defaultProduct: 'V1',
  }));
  return ([['no catalog', indexCatalog(EMPTY_CATALOG)], ['with catalog', lychee]] as const).map(([label, catalog]) => {
    for (const text of comments) parseComment(text, catalog); // warm-up: let the JIT settle
    const sorted = latencies(comments, catalog);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! * 10_000) / 10_000;
    return { label, commentsPerSecond: throughput(comments, catalog), p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
  });
}
