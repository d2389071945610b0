import { useState } from 'react';
import type { OrderRecord, StreamRecord } from '../utils/store/records';
import type { Product } from '../utils/parser/catalog';
import { orderLines } from '../utils/export/order-lines';
import { orderLinesCsv } from '../utils/export/csv';
import { useI18n } from './i18n';
import { downloadFile } from './order-text';

/** Order lines as a CSV file for the people who pack and ship; phones masked on request. */
export function CsvExport({ orders, streams, products }: { orders: OrderRecord[]; streams: StreamRecord[]; products: Product[] }) {
  const { t } = useI18n();
  const [maskPhones, setMaskPhones] = useState(false);
  const [confirmedOnly, setConfirmedOnly] = useState(true);
  const download = () => {
    const csv = orderLinesCsv(orderLines(orders, streams, products, { maskPhones, confirmedOnly }));
    downloadFile(`chot-don-hang-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
  };
  return (
    <div className="table-tools" data-testid="csv-export">
      <label><input type="checkbox" checked={confirmedOnly} onChange={(event) => setConfirmedOnly(event.target.checked)} /> {t('confirmedOnly')}</label>
      <label><input type="checkbox" checked={maskPhones} onChange={(event) => setMaskPhones(event.target.checked)} /> {t('maskPhones')}</label>
      <button type="button" data-testid="export-csv" onClick={download}>{t('exportCsv')}</button>
    </div>
  );
}
