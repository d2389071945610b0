import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { createBackgroundRouter, type MessageSender } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { ingestChat } from '../../utils/store/ingest';
import { countWaitingQuestions, groupQuestions, readOnAirQuestion, readWaitingQuestions } from '../../utils/store/questions';
import { joinStream, deleteStream } from '../../utils/store/broadcasts';
import { createBackup, restoreBackup } from '../../utils/export/backup';
import { freshDatabase, chatRow, T0 } from './test-db';

const ID = 'chotextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const panel: MessageSender = { id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 1 }, frameId: 0 };
const NO_CATALOG = indexCatalog(EMPTY_CATALOG);
const live = { platform: 'youtube', key: 'qa000001' } as const;
const STREAM = 'youtube:qa000001';

let db = freshDatabase();
afterEach(() => {
  db.close();
  db = freshDatabase();
});
const route = () =>
  createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: ID,
    extensionOrigin: ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  });

/** Twelve buyers ask the price of 1 thùng in their own words, one asks about shipping, one orders. */
async function askedInChat() {
  const rows = [
    ...[
      'bn 1 thùng v',
      'giá 1 thùng sao ạ',
      '1 thùng nhiu z shop',
      'bnhiu 1 thùng',
      '1 thùng giá bn',
      'gia 1 thung bao nhieu',
      '1 thùng bao nhiêu tiền',
      'nhiêu 1 thùng ạ',
      'bnh 1 thùng',
      '1 thùng bn tiền v',
      'giá 1 thùng thế nào',
      'xin giá 1 thùng',
    ].map((text, i) => chatRow(`p${i + 1}`, text, { authorName: `Khách ${i + 1}` })),
    chatRow('p13', 'bn 1 thùng v', { authorName: 'Khách 1' }), // the same buyer again
    chatRow('s20', 'có ship sg ko', { authorName: 'Nguyễn Thị Lan' }),
    chatRow('o30', 'chốt 2kg 0912345678', { authorName: 'Minh' }),
  ];
  await ingestChat(db, live, rows, NO_CATALOG);
}

describe('questions lane', () => {
  it('keeps every question the chat asks, with its topic, and leaves the tally to the orders', async () => {
    await askedInChat();
    const waiting = await readWaitingQuestions(db, [STREAM], 100);
    expect(waiting).toHaveLength(14);
    expect(waiting[0]).toMatchObject({ id: 'youtube:s20', topic: 'shipping', status: 'open', authorName: 'Nguyễn Thị Lan' });
    expect(waiting.map((question) => question.observedAt)).toEqual([...waiting.map((question) => question.observedAt)].sort((a, b) => b - a));
    expect(await countWaitingQuestions(db, [STREAM])).toBe(14);
    expect(await db.tallies.get(STREAM)).toMatchObject({ orders: 1, pendingKg: 2 });
  });

  it('groups the same question from many buyers, counting buyers once', async () => {
    await askedInChat();
    const groups = groupQuestions(await readWaitingQuestions(db, [STREAM], 100));
    expect(groups.map((group) => [group.key, group.questions.length, group.askers])).toEqual([
      ['shipping|', 1, 1],
      ['price|1 thùng', 13, 12],
    ]);
  });

  it('answers questions through the background: they leave the lane and the count', async () => {
    await askedInChat();
    const group = groupQuestions(await readWaitingQuestions(db, [STREAM], 100)).find((each) => each.topic === 'price')!;
    expect(await route()({ type: 'answer-questions', ids: group.questions.map((question) => question.id) }, panel)).toEqual({ ok: true, changed: 13 });
    expect(await countWaitingQuestions(db, [STREAM])).toBe(1);
    expect(await db.questions.get('youtube:p1')).toMatchObject({ status: 'answered', answeredAt: expect.any(Number) });
    // answering again changes nothing; a page that is not the extension's cannot answer
    expect(await route()({ type: 'answer-questions', ids: ['youtube:p1'] }, panel)).toEqual({ ok: true, changed: 0 });
    expect(await route()({ type: 'answer-questions', ids: ['youtube:s20'] }, { ...panel, url: 'https://www.youtube.com/live_chat?v=qa000001' })).toMatchObject({
      ok: false,
    });
    expect(await countWaitingQuestions(db, [STREAM])).toBe(1);
  });

  it('shows one question of a broadcast on air at a time, and none once it is answered', async () => {
    await askedInChat();
    await ingestChat(
      db,
      { platform: 'facebook', key: 'fb000001' },
      [{ ...chatRow('f1', 'còn hàng k b', { authorName: 'Hà' }), platform: 'facebook' }],
      NO_CATALOG,
    );
    await joinStream(db, STREAM, 'facebook:fb000001');
    const both = [STREAM, 'facebook:fb000001'];
    expect(await route()({ type: 'show-question', broadcastId: STREAM, id: 'youtube:s20' }, panel)).toMatchObject({ ok: true });
    expect(await readOnAirQuestion(db, both)).toMatchObject({ id: 'youtube:s20' });
    await route()({ type: 'show-question', broadcastId: STREAM, id: 'facebook:f1' }, panel);
    expect(await readOnAirQuestion(db, both)).toMatchObject({ id: 'facebook:f1' });
    expect(await db.questions.get('youtube:s20')).toMatchObject({ status: 'open' });
    expect(await countWaitingQuestions(db, both)).toBe(15); // on air is still waiting
    await route()({ type: 'answer-questions', ids: ['facebook:f1'] }, panel);
    expect(await readOnAirQuestion(db, both)).toBeUndefined();
    // another broadcast's question cannot be shown
    expect(await route()({ type: 'show-question', broadcastId: 'youtube:other', id: 'youtube:s20' }, panel)).toEqual({ ok: false, error: 'not-found' });
  });

  it('forgets a question a moderator deleted, and the questions of a deleted stream', async () => {
    await askedInChat();
    await ingestChat(db, live, [{ platform: 'youtube', messageId: 's20', kind: 'withdrawn', observedAt: T0 + 9000 }], NO_CATALOG);
    expect(await db.questions.get('youtube:s20')).toBeUndefined();
    await deleteStream(db, STREAM);
    expect(await db.questions.count()).toBe(0);
  });

  it('is part of the backup, and a backup from before the lane still restores', async () => {
    await askedInChat();
    await route()({ type: 'answer-questions', ids: ['youtube:p1'] }, panel);
    const backup = await createBackup(db);
    expect(backup.questions).toHaveLength(14);
    const target = freshDatabase();
    expect(await restoreBackup(target, JSON.stringify(backup))).toMatchObject({ ok: true, counts: { questions: 14 } });
    expect(await target.questions.get('youtube:p1')).toMatchObject({ status: 'answered' });
    expect(await countWaitingQuestions(target, [STREAM])).toBe(13);
    const { questions: _questions, ...older } = backup;
    const empty = freshDatabase();
    expect(await restoreBackup(empty, JSON.stringify(older))).toMatchObject({ ok: true, counts: { questions: 0 } });
    target.close();
    empty.close();
  });
});
