import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineSplitter, outputLine, outputLineSchema } from '../../utils/parser/input-line';

function parse(input: string, args: string[] = []) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/parse.ts', ...args], { input, encoding: 'utf8' });
  return {
    status: run.status,
    lines: run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
    stderr: run.stderr,
  };
}

describe('npm run parse', () => {
  it('reads plain and JSON lines and writes one result per line', () => {
    const { status, lines, stderr } = parse('chốt 2 thùng\n{"text": "lấy 5 ký 0912 345 678", "author": "Lan"}\nngon quá\n', [
      '--catalog',
      'tests/fixtures/lychee-catalog.json',
    ]);
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

  it('gives every output line the same fields, an error line too', () => {
    const { status, lines } = parse('chốt 2kg\n{"text": 5}\n{broken\n\nchốt -5kg\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(5);
    const fields = ['text', 'intent', 'topic', 'items', 'totalKg', 'phone', 'address', 'confidence', 'review', 'reasons', 'error'];
    for (const line of lines) expect(Object.keys(line).sort()).toEqual([...fields].sort());
    expect(lines[0]).toMatchObject({ intent: 'order', review: false, error: null });
    expect(lines[1]).toMatchObject({
      text: '{"text": 5}',
      intent: 'none',
      items: [],
      confidence: 0,
      review: false,
      reasons: [],
      error: 'a JSON line needs a string "text" field',
    });
    expect(lines[2]).toMatchObject({ intent: 'none', confidence: 0, review: false, reasons: [] });
    expect(lines[2].error).toMatch(/^not valid JSON/);
    expect(lines[3]).toMatchObject({ text: '', intent: 'none', error: null });
    expect(lines[4]).toMatchObject({ intent: 'none', reasons: ['negative quantity: -5 kg'], error: null });
  });

  it('ends a line only at LF or CRLF: a bare CR is part of its line', () => {
    const { lines, stderr } = parse('chốt 2kg\rlấy 3kg\nchốt 1kg\r\n{"text":\r"lấy 1 thùng"}\r\n{broken\r\nchốt 4kg');
    expect(lines.map((line) => line.text)).toEqual(['chốt 2kg\rlấy 3kg', 'chốt 1kg', 'lấy 1 thùng', '{broken', 'chốt 4kg']);
    expect(lines.map((line) => line.totalKg)).toEqual([5, 1, null, null, 4]);
    expect(stderr).toContain('line 4: not valid JSON');
  });

  it('flags lines above --max-quantity', () => {
    const { lines } = parse('chốt 50kg\nchốt 60kg\n', ['--max-quantity', '50']);
    expect(lines.map((l) => [l.intent, l.reasons.at(-1)])).toEqual([
      ['order', 'quantity: 50 kg'],
      ['none', 'quantity too large: 60 kg'],
    ]);
  });

  it('refuses a --max-quantity that is not a positive number', () => {
    const refused = parse('chốt 1kg\n', ['--max-quantity', 'lots']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--max-quantity needs a positive number');
  });

  it('refuses a catalog that does not validate, saying why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chot-catalog-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(
      file,
      JSON.stringify({
        products: [
          { code: 'V1', name: 'Vải', packages: { thùng: -3 } },
          { code: 'v1', name: 'Trùng mã' },
        ],
      }),
    );
    const { status, stderr } = parse('chốt 1kg\n', ['--catalog', file]);
    expect(status).toBe(2);
    expect(stderr).toContain('duplicate product code "v1"');
    expect(stderr).toContain('products[0].packages["thùng"]');
  });
});

describe('parse command lines', () => {
  it('splits at LF and CRLF only, across chunk boundaries', () => {
    const splitter = new LineSplitter();
    const lines = [...splitter.push('a\r'), ...splitter.push('\nb\rc'), ...splitter.push('\n\n'), ...splitter.push('d\r'), ...splitter.end()];
    expect(lines).toEqual(['a', 'b\rc', '', 'd\r']);
    expect(new LineSplitter().end()).toEqual([]);
  });

  it('gives good and bad lines one shape', () => {
    for (const line of ['chốt 2kg', '{"text": "lấy 1 tạ"}', '{"text": 5}', '{oops', '', 'chốt 1e308 kg']) {
      const out = outputLine(line);
      expect(outputLineSchema.strict().parse(out)).toEqual(out);
    }
  });
});
