// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { SidePanelApp } from '../../components/side-panel-app';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase, chatRow } from './test-db';

afterEach(cleanup);

async function panel() {
  const db = freshDatabase();
  const catalog = new CatalogCache(db);
  const route = createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: 'x',
    extensionOrigin: 'chrome-extension://x/',
    catalog,
    watchers: new OnAirWatchers(),
  });
  const sendCommand = (command: PanelCommand) => route(command, { id: 'x', url: 'chrome-extension://x/sidepanel.html' }) as Promise<CommandReply>;
  const chat = (rows: unknown[]) =>
    route(
      { type: 'chat-batch', stream: { platform: 'youtube', key: 'stock01' }, messages: rows },
      { id: 'x', url: 'https://www.youtube.com/live_chat?v=stock01', tab: { id: 1, url: 'https://www.youtube.com/live_chat?v=stock01' } },
    );
  render(<SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={['vi']} healthEveryMs={60_000} />);
  const products = await screen.findByTestId('products');
  return { db, chat, products };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = async (form: HTMLElement) =>
  act(async () => {
    fireEvent.submit(form);
  });

describe('products and stock in the side panel', () => {
  it('adds a product, saying what is wrong at the field first, then reads orders with it', async () => {
    const { db, chat, products } = await panel();
    fireEvent.click(within(products).getByTestId('add-product'));
    type('product-code', 'V1');
    type('product-name', 'Vải thiều loại 1');
    type('product-packages', 'thùng mười ký');
    await submit(screen.getByTestId('product-code').closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('Viết mỗi quy cách dạng tên=số kg, cách nhau dấu chấm phẩy.');
    type('product-packages', 'thùng=10; hộp=2');
    type('product-defaultUnit', 'sọt');
    await submit(screen.getByTestId('product-code').closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('defaultUnit "sọt"'));
    type('product-defaultUnit', 'kg');
    type('product-stockKg', '25');
    await submit(screen.getByTestId('product-code').closest('form')!);
    await waitFor(() => expect(screen.getAllByTestId('product').map((li) => li.dataset.code)).toEqual(['V1']));
    expect(await db.products.get('V1')).toMatchObject({ packages: { thùng: 10, hộp: 2 }, stockKg: 25 });

    fireEvent.click(within(products).getByRole('radio'));
    await waitFor(async () => expect((await db.settings.get('settings'))?.pinnedProduct).toBe('V1'));
    await chat([chatRow('m1', 'chốt 2 thùng'), chatRow('m2', 'lấy 1 hộp', { authorName: 'Minh' }), chatRow('m3', 'chốt 3', { authorName: 'Hà' })]);
    // 20 + 2 + 3 kg fill the 25 kg; one more thùng does not fit
    await chat([chatRow('m4', 'thêm 1 thùng', { authorName: 'Tú' })]);
    await waitFor(() => expect(screen.getByTestId('tally').dataset.pendingKg).toBe('35'));
    expect(screen.getByTestId('product').dataset).toMatchObject({ remainingKg: '0', waitlist: '1' });
    expect(screen.getAllByTestId('waitlisted').map((badge) => badge.closest('[data-order-id]')?.getAttribute('data-order-id'))).toEqual(['youtube:m4']);

    // Lan cancels her 2 thùng: Tú's box moves up from the waitlist
    await chat([chatRow('m5', 'hủy đơn')]);
    await waitFor(() => expect(screen.queryAllByTestId('waitlisted')).toEqual([]));
  });

  it('imports a catalog file, and leaves the catalog as it was when the file is bad', async () => {
    const { db, products } = await panel();
    const input = within(products).getByTestId('import-catalog') as HTMLInputElement;
    const pick = async (text: string) =>
      act(async () => {
        fireEvent.change(input, { target: { files: [new File([text], 'catalog.json', { type: 'application/json' })] } });
      });
    await pick(JSON.stringify({ products: [{ code: 'V2', name: 'Vải loại 2', defaultUnit: 'thùng', packages: { thùng: 12 } }], defaultProduct: 'V2' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Đã nhập danh mục.'));
    await waitFor(() => expect(screen.getAllByTestId('product').map((li) => li.dataset.code)).toEqual(['V2']));
    await pick('{"products": [');
    await waitFor(() =>
      expect(screen.getByRole('alert').querySelector('.failure-sentence')?.textContent).toBe(
        'Không nhập được danh mục; danh mục cũ vẫn giữ nguyên. Hãy thử lại; nếu vẫn lỗi, phần chi tiết cho biết nguyên nhân.',
      ),
    );
    expect(screen.getByRole('alert').querySelector('details code')!.textContent).toMatch(/^the catalog is not valid JSON/);
    expect((await db.products.toArray()).map((p) => p.code)).toEqual(['V2']);
    expect((await db.settings.get('settings'))?.pinnedProduct).toBe('V2');
  });
});
