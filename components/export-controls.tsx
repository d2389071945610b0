import { memo, useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import { dateInputValue, dayRange, loadExportLines, type ExportRequest } from '../utils/export/export-request';
import { orderLinesCsv } from '../utils/export/csv';
import { orderWorkbookOffThread } from '../utils/export/workbook-off-thread';
import { XLSX_TYPE } from '../utils/export/xlsx-package';
import { printUrl, type PrintLayout } from '../utils/export/print-request';
import { useI18n } from './i18n';
import { downloadFile } from './order-text';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

/**
 * Exports for the people who pack and ship: this stream or a date range, confirmed orders or all, phones
 * masked on request; as an Excel workbook, CSV, or printed sheets (A4 slips or 80 mm receipts).
 */
export const ExportControls = memo(function ExportControls({ db, streamIds }: { db: ChotDatabase; streamIds: readonly string[] }) {
  const { t, language, formatNumber } = useI18n();
  const [scopeKind, setScopeKind] = useState<'streams' | 'range'>('streams');
  const [from, setFrom] = useState(() => dateInputValue(new Date()));
  const [to, setTo] = useState(() => dateInputValue(new Date()));
  const [confirmedOnly, setConfirmedOnly] = useState(true);
  const [maskPhones, setMaskPhones] = useState(false);
  const [busy, setBusy] = useState(false);
  // Rows of the workbook written so far, while one is being made: a large export takes seconds.
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);
  // "no orders in this range" is said the same way as a failure: nothing was exported
  const [notice, setNotice] = useState<FailureText | null>(null);
  const describe = useDescribeFailure();

  const request = (): ExportRequest | null => {
    const scope = scopeKind === 'streams' ? (streamIds.length > 0 ? { kind: 'streams' as const, streamIds: [...streamIds] } : null) : dayRange(from, to);
    return scope ? { scope, confirmedOnly, maskPhones } : null;
  };
  const fileName = (extension: string) => `chot-don-hang-${scopeKind === 'range' ? `${from}_${to}` : dateInputValue(new Date())}.${extension}`;

  const badRange = () => setNotice({ sentence: `${t('failExport')} ${t('failRange')}` });
  const exportFile = async (kind: 'csv' | 'xlsx') => {
    const wanted = request();
    if (!wanted) return badRange();
    setBusy(true);
    setNotice(null);
    try {
      const lines = await loadExportLines(db, wanted);
      if (lines.length === 0) return setNotice({ sentence: t('exportEmpty') });
      if (kind === 'csv') downloadFile(fileName('csv'), orderLinesCsv(lines), 'text/csv;charset=utf-8');
      else downloadFile(fileName('xlsx'), await orderWorkbookOffThread(lines, language, (written, total) => setProgress({ written, total })), XLSX_TYPE);
    } catch (error) {
      setNotice(describe('failExport', error));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const print = (layout: PrintLayout) => {
    const wanted = request();
    if (!wanted) return badRange();
    window.open(printUrl(wanted, layout), '_blank', 'noopener');
  };

  return (
    <section className="export-controls" data-testid="export-controls" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportOrders')}</h2>
      <div className="table-tools" role="radiogroup" aria-label={t('exportOrders')}>
        <label>
          <input type="radio" name="export-scope" checked={scopeKind === 'streams'} onChange={() => setScopeKind('streams')} /> {t('scopeStream')}
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scopeKind === 'range'} onChange={() => setScopeKind('range')} data-testid="scope-range" />{' '}
          {t('scopeRange')}
        </label>
        {scopeKind === 'range' && (
          <>
            <label>
              {t('rangeFrom')} <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} data-testid="range-from" />
            </label>
            <label>
              {t('rangeTo')} <input type="date" value={to} onChange={(event) => setTo(event.target.value)} data-testid="range-to" />
            </label>
          </>
        )}
      </div>
      <div className="table-tools">
        <label>
          <input type="checkbox" checked={confirmedOnly} onChange={(event) => setConfirmedOnly(event.target.checked)} data-testid="export-confirmed-only" />{' '}
          {t('confirmedOnly')}
        </label>
        <label>
          <input type="checkbox" checked={maskPhones} onChange={(event) => setMaskPhones(event.target.checked)} data-testid="export-mask-phones" />{' '}
          {t('maskPhones')}
        </label>
      </div>
      <div className="table-tools">
        <button type="button" data-testid="export-xlsx" disabled={busy} onClick={() => void exportFile('xlsx')}>
          {t('exportXlsx')}
        </button>
        <button type="button" data-testid="export-csv" disabled={busy} onClick={() => void exportFile('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" data-testid="print-a4" onClick={() => print('a4')}>
          {t('printSlips')}
        </button>
        <button type="button" data-testid="print-receipt" onClick={() => print('receipt')}>
          {t('printReceipts')}
        </button>
        {busy && (
          <span role="status" data-testid="export-progress">
            {progress ? t('exportingRows', { written: formatNumber(progress.written, 0), total: formatNumber(progress.total, 0) }) : t('exporting')}
          </span>
        )}
        {notice && <FailureNotice failure={notice} inline />}
      </div>
    </section>
  );
});
