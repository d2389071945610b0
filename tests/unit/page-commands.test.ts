import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { liveRead, type LiveReadSubscription } from '../../utils/store/live-read';
import { pageCommandSender } from '../../utils/messaging/page-commands';
import type { PanelCommand } from '../../utils/messaging/commands';
import { eventually } from './eventually';
import { freshDatabase } from './test-db';

let subscription: LiveReadSubscription | undefined;
afterEach(() => {
  subscription?.unsubscribe();
  fakeBrowser.reset();
});

describe('a page sending its commands', () => {
  it("sends an assistant's decision ahead of the page's reads, other commands as they come", async () => {
    const db = freshDatabase();
    await db.open();
    const product = (code: string) => ({ code, name: code, defaultUnit: 'kg', aliases: [], packages: {} });
    // a read kept under way (a request after each answer) while `slow`: a busy page's
    let slow = false;
    let runs = 0;
    const answers: string[][] = [];
    subscription = liveRead(db, [db.products], async () => {
      runs += 1;
      while (slow) await db.products.count();
      return (await db.products.toArray()).map((each) => each.code);
    }).subscribe({ next: (codes) => answers.push(codes) });
    await eventually(() => expect(answers).toEqual([[]]));
    slow = true;
    await db.products.put(product('V1'));
    await eventually(() => expect(runs).toBe(2));

    // the background: a decision writes (here a product, as good as an order for the read), a setting does not
    const seen: string[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: PanelCommand) => {
      seen.push(message.type);
      if (message.type === 'decide-order') await db.transaction('rw', db.products, () => db.products.put(product('V2')));
      return { ok: true };
    });
    const send = pageCommandSender(db);
    await send({ type: 'set-language', language: 'en' });
    expect(runs).toBe(2); // the read under way went on
    // behind the read under way the decision's write would wait as long as the read runs: here, for ever
    await send({ type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' });
    expect(seen).toEqual(['set-language', 'decide-order']);
    slow = false;
    await eventually(() => expect(answers.at(-1)).toEqual(['V1', 'V2']));
  });
});
