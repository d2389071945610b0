import { useEffect, useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { OrderLine } from '../utils/export/order-lines';
import type { OrderStatus } from '../utils/store/records';
import { loadSettings } from '../utils/store/settings';
import { browserLanguage, numberLocale } from '../utils/i18n/messages';
import { loadExportLines } from '../utils/export/export-request';
import { packingSlips, type PackingSlip } from '../utils/export/packing-slips';
import { readPrintQuery, type PrintLayout } from '../utils/export/print-request';
import { I18nProvider, useI18n } from './i18n';
import { ORDER_STATUS_LABEL } from './order-text';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import { useLiveRead } from './use-live-read';

/** The printable sheets: a summary page, then one packing slip per buyer (A4, or 80 mm receipt paper). */
export function PrintApp({ db, search, browserLanguages }: { db: ChotDatabase; search: string; browserLanguages: readonly string[] }) {
  const settings = useLiveRead(db, [db.settings], () => loadSettings(db), []);
  return (
    <I18nProvider language={settings?.language ?? browserLanguage(browserLanguages)}>
      <PrintSheets db={db} search={search} />
    </I18nProvider>
  );
}

function PrintSheets({ db, search }: { db: ChotDatabase; search: string }) {
  const { t } = useI18n();
  const query = readPrintQuery(search);
  const [lines, setLines] = useState<OrderLine[] | null>(null);
  const [error, setError] = useState<unknown>(query.ok ? null : query.error);
  const describe = useDescribeFailure();
  useEffect(() => {
    const asked = readPrintQuery(search);
    if (!asked.ok) return;
    // Read once: a printed sheet is a snapshot, not a live view.
    loadExportLines(db, asked.request).then(setLines, (failure: unknown) => setError(failure));
  }, [db, search]);
  const layout: PrintLayout = query.ok ? query.layout : 'a4';
  if (error) return <FailureNotice failure={describe('failPrint', error)} />;
  if (!lines) return <p role="status">{t('printLoading')}</p>;
  if (lines.length === 0) return <p role="status">{t('exportEmpty')}</p>;
  const { slips, products, kg, amount } = packingSlips(lines);
  return (
    <main className={`print-sheets ${layout}`} data-testid="print-sheets" data-ready="true">
      {/* Receipt printers take 80 mm paper; each slip starts a new length of it. */}
      {layout === 'receipt' && <style>{'@page { size: 80mm 200mm; margin: 3mm; }'}</style>}
      <div className="print-toolbar">
        <button type="button" onClick={() => window.print()} autoFocus>
          {t('printNow')}
        </button>
      </div>
      <Summary products={products} kg={kg} amount={amount} buyers={slips.length} lines={lines} />
      {slips.map((slip) => (
        <Slip key={slip.buyer} slip={slip} />
      ))}
    </main>
  );
}

function Summary({
  products,
  kg,
  amount,
  buyers,
  lines,
}: {
  products: ReturnType<typeof packingSlips>['products'];
  kg: number;
  amount: number;
  buyers: number;
  lines: OrderLine[];
}) {
  const { t, formatNumber, language } = useI18n();
  const streams = [...new Set(lines.map((line) => line.stream))];
  return (
    <section className="sheet summary" data-testid="print-summary">
      <h1>{t('summaryPage')}</h1>
      <p>{streams.join(' · ')}</p>
      <p>
        {t('printedAt', { time: new Date().toLocaleString(numberLocale(language)) })} · {t('buyersCount', { count: formatNumber(buyers) })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('colProduct')}</th>
            <th className="number">{t('colLines')}</th>
            <th className="number">{t('colKg')}</th>
            <th className="number">{t('colAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.product}>
              <td>{product.product || t('noProduct')}</td>
              <td className="number">{formatNumber(product.lines)}</td>
              <td className="number">{formatNumber(product.kg)}</td>
              <td className="number">{formatNumber(product.amount, 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('total')}</th>
            <th className="number">{formatNumber(lines.length)}</th>
            <th className="number">{formatNumber(kg)}</th>
            <th className="number">{formatNumber(amount, 0)}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Slip({ slip }: { slip: PackingSlip }) {
  const { t, formatNumber } = useI18n();
  return (
    <section className="sheet slip" data-testid="packing-slip">
      <h2>{t('packingSlip')}</h2>
      <p className="slip-buyer">{slip.buyer}</p>
      {slip.phone && (
        <p>
          {t('phone')}: {slip.phone}
        </p>
      )}
      {slip.address && (
        <p>
          {t('colAddress')}: {slip.address}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('colProduct')}</th>
            <th className="number">{t('colQuantity')}</th>
            <th className="number">{t('colKg')}</th>
            <th className="number">{t('colAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line, i) => (
            <tr key={`${line.orderId}-${i}`}>
              <td>
                {line.product || t('noProduct')}
                <span className="line-status"> · {t(ORDER_STATUS_LABEL[line.status as OrderStatus] ?? 'unknown')}</span>
              </td>
              <td className="number">
                {formatNumber(line.quantity)} {line.unit}
              </td>
              <td className="number">{line.kg === null ? '?' : formatNumber(line.kg)}</td>
              <td className="number">{line.amount === null ? '' : formatNumber(line.amount, 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('total')}</th>
            <th />
            <th className="number">
              {formatNumber(slip.kg)}
              {slip.unknownKg > 0 ? ' + ?' : ''}
            </th>
            <th className="number">{formatNumber(slip.amount, 0)}</th>
          </tr>
        </tfoot>
      </table>
      <p className="signature">{t('receivedBy')}: ____________________</p>
    </section>
  );
}
