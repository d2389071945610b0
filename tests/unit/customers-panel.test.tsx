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

describe('buyers in the side panel', () => {
  it('marks a buyer who has not paid, flags their next order, and merges their two platforms', async () => {
    const db = freshDatabase();
    const route = createBackgroundRouter({
      db,
      health: new HealthRegistry(),
      extensionId: 'x',
      extensionOrigin: 'chrome-extension://x/',
      catalog: new CatalogCache(db),
      watchers: new OnAirWatchers(),
    });
    const sendCommand = (command: PanelCommand) => route(command, { id: 'x', url: 'chrome-extension://x/sidepanel.html' }) as Promise<CommandReply>;
    const chat = (rows: unknown[]) =>
      route(
        { type: 'chat-batch', stream: { platform: 'youtube', key: 'buyers01' }, messages: rows },
        { id: 'x', url: 'https://www.youtube.com/live_chat?v=buyers01', tab: { id: 1, url: 'https://www.youtube.com/live_chat?v=buyers01' } },
      );
    await chat([chatRow('m1', 'chốt 2kg 0912345678'), chatRow('m2', 'lấy 3kg', { authorName: 'Lan (Zalo)' })]);
    render(<SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={['vi']} healthEveryMs={60_000} />);
    const panel = await screen.findByTestId('customers');
    const openDetails = (details: HTMLElement) =>
      act(async () => {
        (details as HTMLDetailsElement).open = true;
        details.dispatchEvent(new Event('toggle'));
      });
    await openDetails(panel); // read only when opened
    await waitFor(() => expect(within(panel).getAllByTestId('customer')).toHaveLength(2));
    const lan = within(panel)
      .getAllByTestId('customer')
      .find((row) => row.dataset.id === 'youtube:name:Lan')!;
    expect(lan.textContent).toContain('0912345678');

    await act(async () => {
      fireEvent.click(within(lan).getByRole('checkbox'));
    });
    await waitFor(async () => expect((await db.customers.get('youtube:name:Lan'))?.unpaid).toBe(true));
    await chat([chatRow('m3', 'chốt 1 yến')]);
    await waitFor(() =>
      expect(screen.getAllByTestId('unpaid-buyer').map((badge) => badge.closest('[data-order-id]')?.getAttribute('data-order-id'))).toEqual(['youtube:m3']),
    );

    const lanRow = () =>
      within(screen.getByTestId('customers'))
        .getAllByTestId('customer')
        .find((row) => row.dataset.id === 'youtube:name:Lan')!;
    await openDetails(lanRow().querySelector('details')!); // a buyer's history is read when opened
    await waitFor(() => expect(lanRow().textContent).toContain('2 đơn ở mọi phiên'));
    const other = within(panel)
      .getAllByTestId('customer')
      .find((row) => row.dataset.id === 'youtube:name:Lan (Zalo)')!;
    await act(async () => {
      fireEvent.click(within(other).getByTestId('merge-button'));
    });
    await waitFor(async () => expect((await db.customers.get('youtube:name:Lan (Zalo)'))?.mergedInto).toBe('youtube:name:Lan'));
    await chat([chatRow('m4', 'lấy 2kg', { authorName: 'Lan (Zalo)' })]);
    await waitFor(async () => expect((await db.orders.get('youtube:m4'))?.buyerUnpaid).toBe(true));
  });
});
