import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function parse(input: string, args: string[] = []) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/parse.ts', ...args], { input, encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)), stderr: run.stderr };
}

describe('npm run parse', () => {
  it('reads plain and JSON lines and writes one result per line', () => {
    const { status, lines, stderr } = parse('chốt 2 thùng\n{"text": "lấy 5 ký 0912 345 678", "author": "Lan"}\nngon quá\n', ['--catalog', 'tests/fixtures/lychee-catalog.json']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(lines.map(({ text, intent, items, totalKg, phone }) => ({ text, intent, items, totalKg, phone }))).toEqual([
      { text: 'chốt 2 thùng', intent: 'order', items: [{ product: 'V1', quantity: 2, unit: 'thùng', kg: 20 }], totalKg: 20, phone: null },
      { text: 'lấy 5 ký 0912 345 678', intent: 'order', items: [{ product: 'V1', quantity: 5, unit: 'kg', kg: 5 }], totalKg: 5, phone: '0912345678' },
      { text: 'ngon quá', intent: 'none', items: [], totalKg: null, phone: null },
    ]);
  });

  it('without a catalog only mass units have a weight', () => {
    const { lines } = parse('chốt 2 thùng\nchốt 2 yến\n');
    expect(lines.map((l) => l.totalKg)).toEqual([null, 20]);
  });

  it('answers a bad line with an error on stderr and a none line, and goes on', () => {
    const { status, lines, stderr } = parse('{"text": 5}\n{broken\nchốt 1kg\n');
    expect(status).toBe(0);
    expect(lines.map((l) => l.intent)).toEqual(['none', 'none', 'order']);
    expect(stderr).toContain('line 1: a JSON line needs a string "text" field');
    expect(stderr).toContain('line 2: not valid JSON');
  });

  it('refuses a catalog that does not validate, saying why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chot-catalog-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ products: [{ code: 'V1', name: 'Vải', packages: { 'thùng': -3 } }, { code: 'v1', name: 'Trùng mã' }] }));
    const { status, stderr } = parse('chốt 1kg\n', ['--catalog', file]);
    expect(status).toBe(2);
    expect(stderr).toContain('duplicate product code "v1"');
    expect(stderr).toContain('products[0].packages["thùng"]');
  });
});
