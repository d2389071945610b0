// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ingestChat } from '../../utils/store/ingest';
import { promoteOrder } from '../../utils/store/contracts';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import { buildOnAirSnapshot } from '../../utils/on-air/snapshot';
import { startPageOverlay, type OverlayPort } from '../../utils/on-air/page-overlay';
import { youtubeAdapter } from '../../utils/platforms/youtube';
import { SidePanelApp } from '../../components/side-panel-app';
import { PresenterApp } from '../../components/presenter-view';
import { freshDatabase, chatRow } from './test-db';
import { startedWithRoot } from './overlay-root';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  cleanup();
  document.body.replaceChildren();
});

/** The ticker on a chat page, fed one snapshot as the background would push it. */
function tickerShowing(snapshot: unknown): HTMLElement {
  let push: (message: unknown) => void = () => undefined;
  const port: OverlayPort = {
    postMessage: () => undefined,
    onMessage: {
      addListener: (listener) => {
        push = listener;
      },
    },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  const { started: overlay, root } = startedWithRoot(() =>
    startPageOverlay({
      adapter: youtubeAdapter,
      document,
      streamId: () => 'youtube:truth01',
      connect: () => port,
      send: async () => ({ ok: true }),
      browserLanguage: 'vi',
    }),
  );
  push(snapshot);
  stops.push(() => overlay.stop());
  return root.querySelector<HTMLElement>('[data-testid="chot-ticker"]')!;
}

describe('one truth in every view', () => {
  it('the ticker, the side panel and the presenter show the same total after a chat order becomes a contract', async () => {
    const db = freshDatabase();
    await ingestChat(
      db,
      { platform: 'youtube', key: 'truth01' },
      [chatRow('m1', 'công ty em đặt 2 tấn', { authorName: 'HTX Lục Ngạn' }), chatRow('m2', 'chốt 346kg', { authorName: 'Minh' })],
      indexCatalog(EMPTY_CATALOG),
    );
    expect(await promoteOrder(db, 'youtube:m1')).toMatchObject({ ok: true });

    const snapshot = await buildOnAirSnapshot(db, 'youtube:truth01');
    expect(snapshot).toMatchObject({ pendingKg: 346, contractedKg: 2000, totalTonnes: 2.346 });
    const ticker = tickerShowing(snapshot);
    expect(ticker.dataset.totalKg).toBe('2346');
    const tickerTotal = ticker.querySelector('[data-testid="chot-ticker-total"]')!.textContent;

    render(<SidePanelApp db={db} sendCommand={async () => ({ ok: true, tabs: [] })} browserLanguages={['vi']} healthEveryMs={60_000} />);
    const tally = await screen.findByTestId('tally');
    expect(tally.dataset).toMatchObject({ pendingKg: '346', contractedKg: '2000' });
    const panelTotal = [...tally.querySelectorAll('.tally-cell')]
      .find((cell) => cell.textContent?.startsWith('Tổng'))!
      .querySelector('.tally-value')!.textContent;
    cleanup();

    render(<PresenterApp db={db} search="" browserLanguages={['vi']} />);
    const presenterTotal = await screen.findByTestId('presenter-total');
    await waitFor(() => expect(screen.getByTestId('presenter').dataset.totalKg).toBe('2346'));
    expect([tickerTotal, panelTotal, presenterTotal.textContent]).toEqual(['2,346 tấn', '2,346 tấn', '2,346 tấn']);
  });
});

describe('value', () => {
  it('in all counts contracts at their own prices, in every view that reads the tally', async () => {
    const { saveContract } = await import('../../utils/store/contracts');
    const { readBroadcastTally } = await import('../../utils/store/broadcast-reads');
    const db = freshDatabase();
    await ingestChat(db, { platform: 'youtube', key: 'value01' }, [chatRow('m1', 'chốt 5kg')], indexCatalog(EMPTY_CATALOG));
    expect(await saveContract(db, 'youtube:value01', { buyer: 'HTX', kg: 1000, pricePerKg: 40_000, status: 'signed' })).toMatchObject({ ok: true });
    expect(await saveContract(db, 'youtube:value01', { buyer: 'Bếp ăn', kg: 300, pricePerKg: 50_000, status: 'cancelled' })).toMatchObject({ ok: true });
    expect(await readBroadcastTally(db, ['youtube:value01'])).toMatchObject({ totalVnd: 40_000_000, contractedKg: 1000, contracts: 1 });
    render(<SidePanelApp db={db} sendCommand={async () => ({ ok: true, tabs: [] })} browserLanguages={['vi']} healthEveryMs={60_000} />);
    await waitFor(() => expect(screen.getByTestId('tally-more').dataset.totalVnd).toBe('40000000'));
  });
});

describe('a chat order made a contract', () => {
  it('leaves the review queue and its counts, and is counted once, as the contract', async () => {
    const { readBroadcastTally, readOrdersByStatus } = await import('../../utils/store/broadcast-reads');
    const db = freshDatabase();
    await ingestChat(
      db,
      { platform: 'youtube', key: 'queue002' },
      [chatRow('m1', 'công ty em đặt 2 tấn', { authorName: 'HTX' }), chatRow('m2', 'chốt 3kg', { authorName: 'Minh' })],
      indexCatalog(EMPTY_CATALOG),
    );
    expect(await promoteOrder(db, 'youtube:m1')).toMatchObject({ ok: true });
    expect((await readOrdersByStatus(db, ['youtube:queue002'], 'pending', 0, 10)).map((order) => order.id)).toEqual(['youtube:m2']);
    expect(await readBroadcastTally(db, ['youtube:queue002'])).toMatchObject({
      orders: 1,
      byStatus: { pending: 1 },
      contractOrders: 1,
      contracts: 1,
      pendingKg: 3,
      contractedKg: 2000,
    });
    render(<SidePanelApp db={db} sendCommand={async () => ({ ok: true, tabs: [] })} browserLanguages={['vi']} healthEveryMs={60_000} />);
    await waitFor(() => expect(screen.getByTestId('queue-counts').textContent).toBe('Chờ 1 · Đã xác nhận 0 · Từ chối 0'));
    await waitFor(() => expect(screen.getByTestId('queue-current').dataset.orderId).toBe('youtube:m2'));
  });
});

describe('a buyer changing a confirmed order', () => {
  it('brings it back to the queue with what it was', async () => {
    const { decideOrder } = await import('../../utils/store/orders');
    const db = freshDatabase();
    await ingestChat(db, { platform: 'youtube', key: 'change01' }, [chatRow('m1', 'lấy 1 yến')], indexCatalog(EMPTY_CATALOG));
    await decideOrder(db, 'youtube:m1', 'confirmed');
    await ingestChat(db, { platform: 'youtube', key: 'change01' }, [chatRow('m2', 'sửa thành 3kg')], indexCatalog(EMPTY_CATALOG));
    render(<SidePanelApp db={db} sendCommand={async () => ({ ok: true, tabs: [] })} browserLanguages={['vi']} healthEveryMs={60_000} />);
    await waitFor(() => expect(screen.getByTestId('queue-current').dataset.orderId).toBe('youtube:m1'));
    await waitFor(() => expect(screen.getByTestId('changed-after-confirm').textContent).toContain('trước đó: 1 yến'));
  });
});
