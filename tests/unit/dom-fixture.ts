import { readFileSync } from 'node:fs';
import type { FixtureRow } from '../../scripts/lib/youtube-fixture';

interface ChatFixtureApi {
  add(rows: FixtureRow | FixtureRow[]): void;
  remove(id: string): void;
  markDeleted(id: string): void;
  replaceList(): void;
}

/** Lays out the fixture live chat page in the test DOM (happy-dom) and runs its row builder. */
export function loadYoutubeChatFixture(rows: FixtureRow[] = []): ChatFixtureApi {
  const html = readFileSync('tests/fixtures/youtube/live-chat.html', 'utf8');
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script type="application/json"'));
  document.body.innerHTML = `${body}<script type="application/json" id="initial-rows"></script>`;
  document.getElementById('initial-rows')!.textContent = JSON.stringify(rows);
  new Function(readFileSync('tests/fixtures/youtube/live-chat-rows.js', 'utf8'))();
  return (window as unknown as { chatFixture: ChatFixtureApi }).chatFixture;
}
