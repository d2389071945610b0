import { readFileSync } from 'node:fs';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import type { Platform } from '../../utils/platforms/platform';

export interface ChatFixtureApi {
  add(rows: FixtureRow | FixtureRow[]): void;
  remove(id: string): void;
  markDeleted(id: string): void;
  confirmSent(temporaryId: string, realId: string): void;
  pin(row: FixtureRow): void;
  replaceList(): void;
  rerender(): void;
  /** TikTok: the list rebuilt with new elements (only the newest `keepLast`); a gift combo counting up. */
  rebuild(keepLast?: number): void;
  combo(author: string, count: number): void;
  setMaxRows(n: number): void;
  recycle(id: string, row: FixtureRow): void;
  switchHost(handle: string, name: string, title?: string): void;
  breakRows(): void;
  addOptimistic(row: FixtureRow): void;
  addReply(parentId: string, row: FixtureRow): void;
  confirm(id: string, realId: string): void;
  setFilter(label: string): void;
  rowCount(): number;
}

/** Lays out a platform's fixture live page (or another `page` of it) in the test DOM (happy-dom) and runs its row builder. */
export function loadChatFixture(platform: Platform, rows: FixtureRow[] = [], page = 'live'): ChatFixtureApi {
  const html = readFileSync(`tests/fixtures/${platform}/${page}.html`, 'utf8');
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script type="application/json"'));
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = `${body}<script type="application/json" id="initial-rows"></script>`;
  document.getElementById('initial-rows')!.textContent = JSON.stringify(rows);
  new Function(readFileSync(`tests/fixtures/${platform}/rows.js`, 'utf8'))();
  return (window as unknown as { chatFixture: ChatFixtureApi }).chatFixture;
}

export const loadYoutubeChatFixture = (rows: FixtureRow[] = []) => loadChatFixture('youtube', rows);
