// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { ingestChat } from '../../utils/store/ingest';
import { SidePanelApp } from '../../components/side-panel-app';
import { freshDatabase, chatRow } from './test-db';
import { sidePanelCommands } from './test-router';

afterEach(cleanup);
const catalog = indexCatalog(EMPTY_CATALOG);

/** The side panel over a real background router and database, as in the extension. */
async function panel() {
  const db = freshDatabase();
  await ingestChat(
    db,
    { platform: 'youtube', key: 'queue01' },
    [
      chatRow('m1', 'chốt 2kg'),
      chatRow('m2', 'lấy 5kg', { authorName: 'Minh' }),
      chatRow('m3', 'xí 3kg', { authorName: 'Hà' }),
      chatRow('m4', 'thêm 1kg nữa', { authorName: 'Minh' }),
    ],
    catalog,
  );
  const sendCommand = sidePanelCommands(db);
  render(<SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={['vi']} healthEveryMs={60_000} />);
  const queue = await screen.findByTestId('queue');
  const press = async (key: string, extra: Record<string, boolean> = {}) => {
    await act(async () => {
      fireEvent.keyDown(queue, { key, ...extra });
    });
  };
  const current = () => screen.queryByTestId('queue-current')?.getAttribute('data-order-id');
  const status = async (id: string) => (await db.orders.get(id))?.status;
  return { db, queue, press, current, status };
}

describe('review queue by keyboard', () => {
  it('confirms, rejects, moves, edits and undoes without the mouse', async () => {
    const { db, press, current, status } = await panel();
    await waitFor(() => expect(current()).toBe('youtube:m1'));
    expect(screen.getByTestId('queue-counts').textContent).toBe('Chờ 4 · Đã xác nhận 0 · Từ chối 0');

    await press('c');
    await waitFor(() => expect(current()).toBe('youtube:m2'));
    await waitFor(async () => expect(await status('youtube:m1')).toBe('confirmed'));

    await press('j');
    expect(current()).toBe('youtube:m3');
    await press('x');
    await waitFor(() => expect(current()).toBe('youtube:m4'));
    await waitFor(async () => expect(await status('youtube:m3')).toBe('rejected'));
    await waitFor(() => expect(screen.getByTestId('queue-counts').textContent).toBe('Chờ 2 · Đã xác nhận 1 · Từ chối 1'));
    await press('ArrowUp');
    expect(current()).toBe('youtube:m2');

    // the buyer's earlier orders are shown beside a later one
    await press('ArrowDown');
    expect(await screen.findByText('Đơn trước đó của Minh')).toBeTruthy(); // read for the order shown

    await press('e');
    const quantity = await screen.findByTestId('edit-quantity');
    fireEvent.change(quantity, { target: { value: '1,5' } });
    await act(async () => {
      fireEvent.submit(quantity.closest('form')!);
    });
    await waitFor(async () => expect((await db.orders.get('youtube:m4'))?.totalKg).toBe(1.5));
    expect(screen.queryByTestId('edit-quantity')).toBeNull();

    await press('u'); // undo the edit
    await waitFor(async () => expect((await db.orders.get('youtube:m4'))?.totalKg).toBe(1));
    await press('z', { ctrlKey: true }); // undo the rejection: the queue goes back to that order
    await waitFor(() => expect(current()).toBe('youtube:m3'));
    await waitFor(async () => expect(await status('youtube:m3')).toBe('pending'));
    await waitFor(() => expect(screen.getByTestId('queue-counts').textContent).toBe('Chờ 3 · Đã xác nhận 1 · Từ chối 0'));

    // three quick presses: each acts on the next waiting order
    await press('Enter');
    await press('Enter');
    await press('Enter');
    await waitFor(() => expect(screen.getByText('Không còn đơn nào chờ xác nhận.')).toBeTruthy());
    expect((await db.orders.toArray()).map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });

  it('says what is wrong at the field and saves nothing', async () => {
    const { db, press, current } = await panel();
    await waitFor(() => expect(current()).toBe('youtube:m1'));
    await press('e');
    const quantity = await screen.findByTestId('edit-quantity');
    for (const bad of ['-2', '0', '', 'abc', '200000']) {
      fireEvent.change(quantity, { target: { value: bad } });
      await act(async () => {
        fireEvent.submit(quantity.closest('form')!);
      });
      expect(screen.getByRole('alert').textContent).toBe('Số lượng phải lớn hơn 0 và không quá 100.000.');
    }
    fireEvent.change(quantity, { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('edit-phone'), { target: { value: '0123 456 789' } });
    await act(async () => {
      fireEvent.submit(quantity.closest('form')!);
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Số điện thoại không hợp lệ (ví dụ 0912 345 678).'));
    fireEvent.keyDown(quantity, { key: 'Escape' });
    expect(screen.queryByTestId('edit-quantity')).toBeNull();
    expect(await db.orders.get('youtube:m1')).toMatchObject({ totalKg: 2, phone: null });
    expect(await db.actions.count()).toBe(0);
  });

  it("shows an order's history", async () => {
    const { press, current } = await panel();
    await waitFor(() => expect(current()).toBe('youtube:m1'));
    await press('x');
    await press('u');
    await waitFor(() => expect(current()).toBe('youtube:m1'));
    await waitFor(() => expect(screen.getByText('Lịch sử')).toBeTruthy());
    const entries = [...screen.getByText('Lịch sử').closest('details')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/Chờ → Đã từ chối$/);
    expect(entries[1]).toMatch(/hoàn tác$/);
  });
});
