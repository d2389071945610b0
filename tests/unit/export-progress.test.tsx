// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExportControls } from '../../components/export-controls';
import { I18nProvider } from '../../components/i18n';
import { ingestChat } from '../../utils/store/ingest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';
import type { WorkbookReply } from '../../utils/export/workbook-off-thread';
import type { Language } from '../../utils/store/records';
import { chatRow, freshDatabase } from './test-db';

/** Stands in for the workbook worker: the test says what it replies, and when. */
class FakeWorker {
  static last: FakeWorker | undefined;
  onmessage: ((event: { data: WorkbookReply }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  request: unknown;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: unknown) {
    this.request = request;
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: WorkbookReply) {
    act(() => this.onmessage!({ data }));
  }
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  FakeWorker.last = undefined;
});

async function controls(language: Language) {
  const db = freshDatabase();
  await ingestChat(db, { platform: 'youtube', key: 'progress01' }, [chatRow('m1', 'chốt 2kg'), chatRow('m2', 'lấy 3kg')], indexCatalog(EMPTY_CATALOG));
  const blobs: Blob[] = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return 'blob:chot-test';
  };
  URL.revokeObjectURL = () => undefined;
  // A download link does not take the page away in a browser; in happy-dom it would (and the next worker URL would fail).
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.stubGlobal('Worker', FakeWorker);
  render(
    <I18nProvider language={language}>
      <ExportControls db={db} streamIds={['youtube:progress01']} />
    </I18nProvider>,
  );
  fireEvent.click(screen.getByTestId('export-confirmed-only'));
  fireEvent.click(screen.getByTestId('export-xlsx'));
  await waitFor(() => expect(FakeWorker.last?.request).toBeDefined());
  return { worker: FakeWorker.last!, blobs };
}

describe('Excel export progress', () => {
  it('shows the rows the worker has written, then downloads its file', async () => {
    const { worker, blobs } = await controls('vi');
    expect((worker.request as { lines: unknown[] }).lines).toHaveLength(2);
    worker.reply({ kind: 'progress', written: 5000, total: 12_000 });
    expect(screen.getByTestId('export-progress').textContent).toBe('Đang tạo tệp Excel… 5.000 / 12.000 dòng');
    worker.reply({ kind: 'progress', written: 10_000, total: 12_000 });
    expect(screen.getByTestId('export-progress').textContent).toBe('Đang tạo tệp Excel… 10.000 / 12.000 dòng');
    worker.reply({ kind: 'done', blob: new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }) });
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0]!.text()).toBe('PK');
    expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await waitFor(() => expect(screen.queryByTestId('export-progress')).toBeNull());
    expect(worker.terminated).toBe(true);
  });

  it('says it in English too, and what went wrong when the worker fails', async () => {
    const { worker, blobs } = await controls('en');
    worker.reply({ kind: 'progress', written: 5000, total: 300_000 });
    expect(screen.getByTestId('export-progress').textContent).toBe('Making the Excel file… 5,000 / 300,000 rows');
    worker.reply({ kind: 'failed', error: 'out of memory' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('out of memory'));
    expect(screen.queryByTestId('export-progress')).toBeNull();
    expect(blobs).toHaveLength(0);
  });
});
