// npm run --silent parse -- [--catalog FILE] < comments.txt
// Reads one comment per line (plain text or {"text": ...}) and prints one JSON result per line.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { indexCatalog, parseComment, EMPTY_CATALOG } from '../utils/parser/index';
import { readInputLine } from '../utils/parser/input-line';
import { parseCatalogJson } from '../utils/catalog/parse-catalog-json';

function main(): void {
  const { values } = parseArgs({ options: { catalog: { type: 'string' } } });
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
  const index = indexCatalog(catalog);
  let lineNumber = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    lineNumber += 1;
    const input = readInputLine(line);
    if (!input.ok) {
      process.stderr.write(`parse: line ${lineNumber}: ${input.error}\n`);
      process.stdout.write(`${JSON.stringify({ text: line, intent: 'none', items: [], totalKg: null, phone: null, address: null, error: input.error })}\n`);
      return;
    }
    process.stdout.write(`${JSON.stringify(parseComment(input.text, index))}\n`);
  });
}

main();
