import { afterEach, describe, expect, it } from 'vitest';
import { importedStreamClaim } from '../../utils/import/read-chat-log';
import { sendChatLog } from '../../utils/import/send-chat-log';
import type { ChatLog } from '../../utils/import/chat-log';
import type { PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase } from './test-db';
import { dashboardCommands } from './test-router';
import { countChatMessages } from '../../utils/store/chat-log';

// An import stopped part-way (the service worker stopped) says exactly what was stored, and the same file
// chosen again finishes it without doubling anything.

const DAY = new Date(2026, 5, 1).getTime();

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});

const route = () => dashboardCommands(db);

/** A background that stops on its nth import step: before handling it, or after storing it with the reply lost. */
function stoppingOn(n: number, when: 'before' | 'after') {
  const run = route();
  let steps = 0;
  return async (command: PanelCommand) => {
    if (command.type === 'import-chat' && (steps += 1) === n) {
      if (when === 'after') await run(command);
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    return run(command);
  };
}

const log = (n: number): ChatLog => ({
  format: 'text',
  platform: 'youtube',
  skipped: {},
  // Shuffled on purpose: steps follow time order, whatever order the file had.
  messages: Array.from({ length: n }, (_, i) => (i * 7919) % n).map((i) => ({
    platform: 'youtube' as const,
    messageId: `log-r-${i}`,
    kind: 'chat' as const,
    authorName: `Buyer ${i % 97}`,
    text: i % 2 ? `chốt ${(i % 5) + 1}kg` : 'đẹp quá',
    observedAt: DAY + i * 1000,
  })),
});

describe('an interrupted chat-log import', () => {
  it.each([
    ['before its third step was handled', 'before' as const, 1000],
    ['after its third step was stored, its reply lost', 'after' as const, 1500],
  ])(
    'stopped %s: says what is stored, and finishes when the file is chosen again',
    async (_name, when, stored) => {
      const file = log(5000);
      const claim = importedStreamClaim(file, 'dai.txt', 'resume');
      const progressOf = (id: string) => db.imports.get(id);
      const shown: number[] = [];

      const first = await sendChatLog(file, claim, stoppingOn(3, when), { progressOf, onProgress: (done) => shown.push(done) });
      expect(first.error).toMatch(/Receiving end does not exist/);
      expect(first).toMatchObject({ done: stored, total: 5000 });
      expect(shown).toEqual([500, 1000]);
      expect(await countChatMessages(db)).toBe(stored);

      const again = await sendChatLog(file, claim, route(), { progressOf });
      expect(again).toMatchObject({ resumedFrom: stored, done: 5000, total: 5000, stored: 5000 - stored, duplicates: 0 });
      expect(again.error).toBeUndefined();
      expect(await countChatMessages(db)).toBe(5000);
      expect(await db.orders.count()).toBe(2500);
      expect(await db.tallies.get('youtube:import-resume')).toMatchObject({ orders: 2500 });
      expect(await db.imports.toArray()).toEqual([expect.objectContaining({ streamId: 'youtube:import-resume', done: 5000, total: 5000 })]);

      // Chosen once more, finished: every step is sent again and stores nothing twice.
      const third = await sendChatLog(file, claim, route(), { progressOf });
      expect(third).toMatchObject({ resumedFrom: 0, stored: 0, duplicates: 5000 });
      expect(await db.orders.count()).toBe(2500);
    },
    60_000,
  );

  it('stores a step sent twice only once, even without the progress record', async () => {
    const file = log(1200);
    const claim = importedStreamClaim(file, 'x.txt', 'twice');
    await sendChatLog(file, claim, stoppingOn(2, 'after'));
    const again = await sendChatLog(file, claim, route());
    expect(again).toMatchObject({ stored: 200, duplicates: 1000, done: 1200 });
    expect(await countChatMessages(db)).toBe(1200);
    expect(await db.orders.count()).toBe(600);
  }, 30_000);
});
