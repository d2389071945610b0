// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { SidePanelApp } from '../../components/side-panel-app';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase, chatRow } from './test-db';
import { describeItems } from '../../components/order-text';
import { translate } from '../../utils/i18n/messages';

// Counted to tell which order rows were drawn (each row describes its order's items once per render).
vi.mock('../../components/order-text', async (original) => {
  const module = await original<typeof import('../../components/order-text')>();
  return { ...module, describeItems: vi.fn(module.describeItems) };
});

// Counted to tell which parts of the panel were drawn (each part words its headings at every render).
vi.mock('../../utils/i18n/messages', async (original) => {
  const module = await original<typeof import('../../utils/i18n/messages')>();
  return { ...module, translate: vi.fn(module.translate) };
});

afterEach(cleanup);
const catalog = indexCatalog(EMPTY_CATALOG);

async function panelWith(rows: unknown[], reply: CommandReply = { ok: true }, languages = ['vi-VN']) {
  const db = freshDatabase();
  await ingestChat(db, { platform: 'youtube', key: 'stream01', title: 'Vải thiều' }, rows, catalog);
  const sendCommand = vi.fn(async (command: PanelCommand): Promise<CommandReply> => (command.type === 'get-health' ? { ok: true, tabs: [] } : reply));
  render(<SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={languages} healthEveryMs={60_000} />);
  return { db, sendCommand };
}

describe('side panel', () => {
  it('shows the tally and the orders of the most recent stream', async () => {
    await panelWith([chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'lấy 1 tạ 5', { authorName: 'Minh' }), chatRow('m3', 'ngon quá')]);
    const tally = await screen.findByTestId('tally');
    expect(tally.dataset).toMatchObject({ pendingKg: '152', confirmedKg: '0', orders: '2' });
    expect(screen.getByText('Chờ xác nhận')).toBeTruthy();
    expect(screen.getAllByTestId('order').map((row) => row.dataset.orderId)).toEqual(['youtube:m2', 'youtube:m1']);
    expect(screen.getByText('SĐT: 0912345678')).toBeTruthy();
  });

  it('asks the background to confirm or reject, by keyboard as well', async () => {
    const { sendCommand } = await panelWith([chatRow('m1', 'chốt 2kg')]);
    const confirm = await screen.findByRole('button', { name: 'Xác nhận đơn của Lan' });
    confirm.focus();
    fireEvent.click(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối đơn của Lan' }));
    await waitFor(() =>
      expect(sendCommand.mock.calls.map(([command]) => command).filter((command) => command.type !== 'get-health')).toEqual([
        { type: 'decide-order', orderId: 'youtube:m1', status: 'confirmed' },
        { type: 'decide-order', orderId: 'youtube:m1', status: 'rejected' },
      ]),
    );
  });

  it('draws again only the row of the order that changed', async () => {
    const buyers = ['Lan', 'Minh', 'Hoa', 'Tú'];
    const { db } = await panelWith(buyers.map((name, i) => chatRow(`m${i + 1}`, 'chốt 2kg', { authorName: name, authorId: `UC${i + 1}` })));
    await waitFor(() => expect(screen.getAllByTestId('order')).toHaveLength(4));
    const drawn = vi.mocked(describeItems);
    drawn.mockClear();
    await act(async () => {
      await db.transaction('rw', [db.orders, ...db.figureTables], () => db.orders.update('youtube:m4', { status: 'confirmed' }));
    });
    await waitFor(() => expect(screen.getByTestId('tally').dataset).toMatchObject({ confirmedKg: '2' }));
    // the newest order, not in the review queue (it shows the oldest waiting one): only its row draws it
    const ids = drawn.mock.calls.map(([order]) => (order as { id?: string }).id);
    expect(ids.filter((id) => id === 'youtube:m4').length).toBeGreaterThan(0);
    expect(ids.filter((id) => id === 'youtube:m2' || id === 'youtube:m3')).toEqual([]);
  });

  it('does not draw the parts a chat batch leaves alone again', async () => {
    const { db } = await panelWith([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 3kg', { authorName: 'Minh', authorId: 'UC2' })]);
    // the on-air settings, the contracts, the customers and the questions lane, each by a heading of its own
    const headings = ['onAirSettings', 'contracts', 'customersClosed', 'questionsTitle'];
    const worded = () =>
      vi
        .mocked(translate)
        .mock.calls.map(([, key]) => key as string)
        .filter((key) => headings.includes(key));
    // every part drawn with what it reads (the lane with its questions, the settings, the contracts)
    await screen.findByTestId('on-air-settings');
    await screen.findByText('Chưa có câu hỏi nào đang chờ trả lời.');
    await waitFor(() => expect(new Set(worded())).toEqual(new Set(headings)));
    vi.mocked(translate).mockClear();
    await act(async () => {
      await ingestChat(
        db,
        { platform: 'youtube', key: 'stream01', title: 'Vải thiều' },
        [chatRow('m3', 'chốt 1kg', { authorName: 'Hoa', authorId: 'UC3' })],
        catalog,
      );
    });
    await waitFor(() => expect(screen.getByTestId('tally').dataset).toMatchObject({ orders: '3' }));
    expect(worded()).toEqual([]);
  });

  it('follows changes written by the background', async () => {
    const { db } = await panelWith([chatRow('m1', 'chốt 2kg')]);
    await screen.findByTestId('tally');
    await act(async () => {
      await db.transaction('rw', [db.orders, ...db.figureTables], () => db.orders.update('youtube:m1', { status: 'confirmed' }));
    });
    await waitFor(() => expect(screen.getByTestId('tally').dataset).toMatchObject({ pendingKg: '0', confirmedKg: '2', orders: '1' }));
  });

  it('says when a decision could not be saved', async () => {
    await panelWith([chatRow('m1', 'chốt 2kg')], { ok: false, error: 'cancelled' }, ['en-US']);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm the order of Lan' }));
    const alert = await screen.findByRole('alert');
    // in words first; a refusal the background names needs no technical detail
    expect(alert.textContent).toBe('The change was not saved. The buyer has cancelled this order.');
    expect(alert.querySelector('details')).toBeNull();
  });

  it('says a failure to reach the background once, in words, with the detail folded away', async () => {
    const { sendCommand } = await panelWith([chatRow('m1', 'chốt 2kg')], { ok: true }, ['vi']);
    sendCommand.mockImplementation(async (command: PanelCommand) => {
      if (command.type === 'get-health') return { ok: true, tabs: [] };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Xác nhận đơn của Lan' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.failure-sentence')!.textContent).toBe(
      'Không lưu được thay đổi. Hãy thử lại; nếu vẫn lỗi, phần chi tiết cho biết nguyên nhân.',
    );
    expect(alert.querySelector('details code')!.textContent).toBe('Could not establish connection. Receiving end does not exist.');
  });

  it('tallies the most recently active stream by default and lets the user pick another', async () => {
    const { db } = await panelWith([chatRow('m1', 'chốt 2kg')]);
    await ingestChat(db, { platform: 'youtube', key: 'newer01', title: 'Phiên sáng nay' }, [chatRow('m9', 'lấy 1 yến')], catalog);
    await waitFor(() => expect(screen.getByTestId('tally').dataset).toMatchObject({ pendingKg: '10', orders: '1' }));
    expect((screen.getByTestId('stream-picker') as HTMLSelectElement).value).toBe('youtube:newer01');
    fireEvent.change(screen.getByTestId('stream-picker'), { target: { value: 'youtube:stream01' } });
    await waitFor(() => expect(screen.getByTestId('tally').dataset).toMatchObject({ pendingKg: '2', orders: '1' }));
    expect(screen.getAllByTestId('order').map((row) => row.dataset.orderId)).toEqual(['youtube:m1']);
  });

  it('marks the orders the parser is unsure of for review', async () => {
    await panelWith([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 3', { authorName: 'Minh' })]);
    await screen.findByTestId('tally');
    const flagged = screen.getAllByTestId('order').filter((row) => row.textContent?.includes('Cần xem lại'));
    expect(flagged.map((row) => row.dataset.orderId)).toEqual(['youtube:m2']);
  });

  it('marks a possible repeat, in the list and in the queue', async () => {
    await panelWith([chatRow('m1', 'chốt 2kg'), chatRow('m2', 'chốt 2kg')]);
    await screen.findByTestId('tally');
    expect(screen.getAllByTestId('possible-repeat').map((badge) => badge.closest('[data-order-id]')?.getAttribute('data-order-id'))).toEqual(['youtube:m2']);
    expect(screen.getByTestId('tally').dataset.orders).toBe('2');
  });

  it('sets a tonnage goal and shows the progress towards it', async () => {
    const { sendCommand } = await panelWith([chatRow('m1', 'chốt 2 tạ'), chatRow('m2', 'lấy 3 tạ', { authorName: 'Minh' })]);
    await screen.findByTestId('tally');
    fireEvent.change(screen.getByTestId('goal-input'), { target: { value: '-1' } });
    fireEvent.submit(screen.getByTestId('goal-input').closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('Mục tiêu là số tấn lớn hơn 0 (để trống để bỏ mục tiêu).');
    fireEvent.change(screen.getByTestId('goal-input'), { target: { value: '1,5' } });
    fireEvent.submit(screen.getByTestId('goal-input').closest('form')!);
    await waitFor(() =>
      expect(sendCommand.mock.calls.map(([command]) => command).filter((command) => command.type === 'set-goal')).toEqual([
        { type: 'set-goal', broadcastId: 'youtube:stream01', goalKg: 1500 },
      ]),
    );
  });

  it('offers orders of a tonne or more as contracts', async () => {
    const { sendCommand } = await panelWith([chatRow('m1', 'công ty em đặt 1 tấn 2', { authorName: 'HTX' }), chatRow('m2', 'chốt 5kg')]);
    await screen.findByTestId('tally');
    const promote = screen.getAllByTestId('promote');
    expect(promote.map((button) => button.closest('[data-order-id]')?.getAttribute('data-order-id'))).toEqual(['youtube:m1']);
    fireEvent.click(promote[0]!);
    await waitFor(() =>
      expect(sendCommand.mock.calls.map(([command]) => command).filter((command) => command.type === 'promote-order')).toEqual([
        { type: 'promote-order', orderId: 'youtube:m1' },
      ]),
    );
  });

  it('explains what to do when nothing has been read yet', async () => {
    render(<SidePanelApp db={freshDatabase()} sendCommand={vi.fn(async () => ({ ok: true, tabs: [] }) as CommandReply)} browserLanguages={['en']} />);
    expect(await screen.findByText(/Open a live stream on YouTube, TikTok or Facebook/)).toBeTruthy();
  });
});

describe('settings', () => {
  it('checks the values before saving them', async () => {
    const { sendCommand } = await panelWith([chatRow('m1', 'chốt 2kg')]);
    await screen.findByTestId('settings');
    fireEvent.change(screen.getByTestId('setting-repeat'), { target: { value: '-3' } });
    fireEvent.submit(screen.getByTestId('setting-repeat').closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('Giá trị không hợp lệ.');
    fireEvent.change(screen.getByTestId('setting-repeat'), { target: { value: '300' } });
    fireEvent.change(screen.getByTestId('setting-threshold'), { target: { value: '500' } });
    fireEvent.submit(screen.getByTestId('setting-repeat').closest('form')!);
    await waitFor(() =>
      expect(sendCommand.mock.calls.map(([command]) => command).filter((command) => command.type === 'save-settings')).toEqual([
        { type: 'save-settings', changes: { repeatWindowSeconds: 300, contractThresholdKg: 500 } },
      ]),
    );
  });

  it('says so when the settings were not saved', async () => {
    await panelWith([chatRow('m1', 'chốt 2kg')], { ok: false, error: 'the store is busy' });
    await screen.findByTestId('settings');
    fireEvent.change(screen.getByTestId('setting-repeat'), { target: { value: '300' } });
    fireEvent.submit(screen.getByTestId('setting-repeat').closest('form')!);
    const notice = await within(screen.getByTestId('settings')).findByRole('alert');
    expect(notice.querySelector('.failure-sentence')?.textContent).toBe(
      'Không lưu được thay đổi. Hãy thử lại; nếu vẫn lỗi, phần chi tiết cho biết nguyên nhân.',
    );
    expect(notice.querySelector('.failure-detail code')?.textContent).toBe('the store is busy');
  });
});
