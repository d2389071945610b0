// npm run --silent parse -- [--catalog FILE] [--max-quantity N] < comments.txt
// Reads one comment per line (plain text or {"text": ...}; LF or CRLF ends a line) and prints one JSON result per line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { indexCatalog, EMPTY_CATALOG, MAX_LINE_QUANTITY } from '../utils/parser/index';
import { LineSplitter, outputLine } from '../utils/parser/input-line';
import { parseCatalogJson } from '../utils/catalog/parse-catalog-json';

function main(): void {
  const { values } = parseArgs({ options: { catalog: { type: 'string' }, 'max-quantity': { type: 'string' } } });
  const maxLineQuantity = values['max-quantity'] === undefined ? MAX_LINE_QUANTITY : Number(values['max-quantity']);
  if (!(maxLineQuantity > 0) || !Number.isFinite(maxLineQuantity)) {
    process.stderr.write(`parse: --max-quantity needs a positive number, not "${values['max-quantity']}"\n`);
    process.exit(2);
  }
  let catalog = EMPTY_CATALOG;
  if (values.catalog) {
    let text: string;
    try {
      text = readFileSync(values.catalog, 'utf8');
    } catch (error) {
      process.stderr.write(`parse: cannot read catalog ${values.catalog}: ${(error as Error).message}\n`);
      process.exit(2);
    }
    const loaded = parseCatalogJson(text);
    if (!loaded.ok) {
      process.stderr.write(`parse: ${values.catalog}: ${loaded.error}\n`);
      process.exit(2);
    }
    catalog = loaded.catalog;
  }
  const index = indexCatalog(catalog, { maxLineQuantity });
  let lineNumber = 0;
  const write = (lines: string[]) => {
    let out = '';
    for (const line of lines) {
      lineNumber += 1;
      const result = outputLine(line, index);
      if (result.error !== null) process.stderr.write(`parse: line ${lineNumber}: ${result.error}\n`);
      out += `${JSON.stringify(result)}\n`;
    }
    if (out) process.stdout.write(out);
  };
  // Not readline: it also ends a line at a bare CR, which belongs to the comment.
  const splitter = new LineSplitter();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => write(splitter.push(chunk)));
  process.stdin.on('end', () => write(splitter.end()));
}

main();
