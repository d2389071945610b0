// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { SidePanelApp } from '../../components/side-panel-app';
import { withoutPhones } from '../../components/question-text';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase, chatRow } from './test-db';
import { sidePanelCommands } from './test-router';

afterEach(cleanup);
const catalog = indexCatalog(EMPTY_CATALOG);

/** The side panel over a real background router and database, with questions and an order in the chat. */
async function panel(language: 'vi' | 'en') {
  const db = freshDatabase();
  await ingestChat(
    db,
    { platform: 'youtube', key: 'lane0001' },
    [
      chatRow('m1', 'bn 1 thùng v', { authorName: 'Lan' }),
      chatRow('m2', 'chốt 2kg', { authorName: 'Minh' }),
      chatRow('m3', '1 thùng giá bn ạ', { authorName: 'Hà' }),
      chatRow('m4', 'xin giá 1 thùng', { authorName: 'Tú' }),
      chatRow('m5', 'có ship hà nội k', { authorName: 'Quý' }),
    ],
    catalog,
  );
  const sent: PanelCommand[] = [];
  const route = sidePanelCommands(db);
  const failing = new Set<PanelCommand['type']>();
  const sendCommand = async (command: PanelCommand): Promise<CommandReply> => {
    sent.push(command);
    // a refusal as the background gives it: the change was not made
    return failing.has(command.type) ? { ok: false, error: 'the store is busy' } : route(command);
  };
  render(<SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={[language]} healthEveryMs={60_000} />);
  const lane = await screen.findByTestId('questions');
  const press = async (key: string) => {
    await act(async () => {
      fireEvent.keyDown(lane, { key });
    });
  };
  return { db, lane, press, sent, failing };
}

describe('questions lane in the side panel', () => {
  it('lists open questions newest first, grouping the same question, and answers them by key', async () => {
    const { db, lane, press, sent } = await panel('en');
    await waitFor(() => expect(lane.getAttribute('data-waiting')).toBe('4'));
    const groups = () => screen.queryAllByTestId('question-group');
    expect(groups().map((group) => [group.getAttribute('data-topic'), group.getAttribute('data-askers')])).toEqual([
      ['shipping', '1'],
      ['price', '3'],
    ]);
    expect(groups()[1]!.textContent).toContain('3 people asked the price of 1 thùng');
    await waitFor(() => expect(screen.getByTestId('questions-waiting').getAttribute('data-count')).toBe('4'));
    expect(screen.getByTestId('tally').getAttribute('data-orders')).toBe('1');

    await press('j');
    await press('s'); // the price group on air
    await waitFor(async () => expect((await db.questions.get('youtube:m4'))?.status).toBe('onAir'));
    await waitFor(() => expect(screen.getByTestId('question-on-air')).toBeTruthy());
    await press('a');
    expect(sent.at(-1)).toEqual({ type: 'answer-questions', ids: ['youtube:m4', 'youtube:m3', 'youtube:m1'] });
    await waitFor(() => expect(groups().map((group) => group.getAttribute('data-topic'))).toEqual(['shipping']));
    await waitFor(() => expect(screen.getByTestId('questions-waiting').getAttribute('data-count')).toBe('1'));
    await press('Enter');
    await waitFor(() => expect(screen.getByTestId('questions-waiting').getAttribute('data-count')).toBe('0'));
    expect(screen.getByText('No question is waiting for an answer.')).toBeTruthy();
  });

  it('says in words when an answer was not saved, keeps the question waiting, and clears the notice on the next success', async () => {
    const { db, lane, press, failing } = await panel('en');
    await waitFor(() => expect(lane.getAttribute('data-waiting')).toBe('4'));
    failing.add('answer-questions');
    await press('a');
    const notice = await screen.findByRole('alert');
    expect(notice.querySelector('.failure-sentence')?.textContent).toBe('The change was not saved. Try again; if it keeps failing, the details say why.');
    expect(notice.querySelector('.failure-detail code')?.textContent).toBe('the store is busy');
    // the group comes back to the lane, still waiting in the store
    await waitFor(() => expect(screen.queryAllByTestId('question-group').map((group) => group.getAttribute('data-topic'))).toEqual(['shipping', 'price']));
    expect((await db.questions.get('youtube:m5'))?.status).toBe('open');
    failing.delete('answer-questions');
    await press('a');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(screen.queryAllByTestId('question-group')).toHaveLength(1));
    expect((await db.questions.toArray()).filter((question) => question.status === 'answered').length).toBeGreaterThan(0);
  });

  it('speaks Vietnamese', async () => {
    const { lane } = await panel('vi');
    await waitFor(() => expect(lane.getAttribute('data-waiting')).toBe('4'));
    expect(lane.textContent).toContain('3 người hỏi giá 1 thùng');
  });
});

describe('on air', () => {
  it('never shows a phone number written in a question', () => {
    expect(withoutPhones('còn hàng k, sdt 0912 345 678 nhé')).toBe('còn hàng k, sdt nhé');
    expect(withoutPhones('bn 1 thùng v')).toBe('bn 1 thùng v');
  });
});
