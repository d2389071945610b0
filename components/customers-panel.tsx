import { memo, useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { CustomerRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { useI18n } from './i18n';
import { ORDER_STATUS_LABEL } from './order-text';
import { useLiveRead } from './use-live-read';
import { touchesRecords } from '../utils/store/live-read';
import { readKeptBuyers } from '../utils/store/kept-buyers';

/** The broadcast's buyers: phones, the unpaid mark, and merging one person's records across platforms. */
export interface CustomersPanelProps {
  db: ChotDatabase;
  /** The broadcast's streams: its buyers are those with an order that counts in one of them. */
  streamIds: readonly string[];
  run: (command: PanelCommand) => Promise<CommandReply>;
}

/** A buyer's orders in every stream, read when their history is opened. */
function BuyerHistory({ db, customer }: { db: ChotDatabase; customer: CustomerRecord }) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useLiveRead(
    db,
    [db.orders],
    open
      ? () =>
          db.orders
            .where('authorKey')
            .equals(customer.authorKey)
            .filter((order) => order.platform === customer.platform)
            .sortBy('observedAt')
      : null,
    [open, customer.id],
    (parts, shown) =>
      touchesRecords(parts, db.name, { table: 'orders', index: 'authorKey', keys: [customer.authorKey], shown: (shown ?? []).map((order) => order.id) }),
  );
  return (
    <details className="customer-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{history ? t('ordersEverywhere', { count: history.length }) : t('buyerHistory')}</summary>
      <ul>
        {(history ?? []).slice(-20).map((order) => (
          <li key={order.id}>
            {new Date(order.observedAt).toLocaleDateString()} · {order.text} · {order.totalKg === null ? t('unknown') : `${formatNumber(order.totalKg)} kg`} ·{' '}
            {t(ORDER_STATUS_LABEL[order.status])}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Read only while open: a six-hour stream has thousands of buyers. */
export const CustomersPanel = memo(function CustomersPanel({ db, streamIds, run }: CustomersPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [mergeChoice, setMergeChoice] = useState<Record<string, string>>({});
  // Every buyer could be merged into every other: only the list being chosen from lists them all.
  const [choosing, setChoosing] = useState<string | null>(null);
  const streamsKey = streamIds.join('\n');
  const customers =
    useLiveRead(
      db,
      [db.keptBuyers, db.customers],
      open
        ? async () => {
            const buyers = (await Promise.all(streamIds.map((id) => readKeptBuyers(db, id)))).flat();
            const ids = [...new Set(buyers.map((buyer) => `${buyer.streamId.split(':')[0]}:${buyer.authorKey}`))];
            return (await db.customers.bulkGet(ids)).filter((customer) => customer !== undefined);
          }
        : null,
      [streamsKey, open],
    ) ?? [];
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  return (
    <details className="contracts" data-testid="customers" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{open ? t('customers', { count: customers.length }) : t('customersClosed')}</summary>
      <ul className="contract-list">
        {customers.map((customer) => {
          const others = customers.filter((other) => other.id !== customer.id && !other.mergedInto);
          const choice = mergeChoice[customer.id] ?? others[0]?.id ?? '';
          return (
            <li key={customer.id} data-testid="customer" data-id={customer.id} data-merged-into={customer.mergedInto ?? ''} data-unpaid={customer.unpaid}>
              <span className={`order-platform platform-${customer.platform}`}>{PLATFORM_LABELS[customer.platform]}</span>
              <strong>{customer.name}</strong>
              {customer.phones.length > 0 && <> · {customer.phones.join(', ')}</>}
              {(customer.addresses ?? []).length > 0 && <> · {customer.addresses.at(-1)}</>}
              <BuyerHistory db={db} customer={customer} />
              <input
                className="customer-notes"
                aria-label={t('customerNotes')}
                placeholder={t('customerNotes')}
                defaultValue={customer.notes}
                maxLength={2000}
                onBlur={(event) => event.target.value !== customer.notes && void run({ type: 'update-customer', id: customer.id, notes: event.target.value })}
              />
              <label>
                <input
                  type="checkbox"
                  checked={customer.unpaid}
                  onChange={(event) => void run({ type: 'update-customer', id: customer.id, unpaid: event.target.checked })}
                />
                {t('markUnpaid')}
              </label>
              {customer.mergedInto ? (
                <>
                  <span>{t('mergedWith', { name: byId.get(customer.mergedInto)?.name ?? customer.mergedInto })}</span>
                  <button type="button" onClick={() => void run({ type: 'unmerge-customer', id: customer.id })}>
                    {t('unmerge')}
                  </button>
                </>
              ) : (
                others.length > 0 && (
                  <>
                    <select
                      aria-label={t('mergeInto', { name: customer.name })}
                      value={choice}
                      onFocus={() => setChoosing(customer.id)}
                      onPointerDown={() => setChoosing(customer.id)}
                      onChange={(event) => setMergeChoice({ ...mergeChoice, [customer.id]: event.target.value })}
                    >
                      {(choosing === customer.id ? others : others.filter((other) => other.id === choice)).map((other) => (
                        <option key={other.id} value={other.id}>{`${PLATFORM_LABELS[other.platform]} · ${other.name}`}</option>
                      ))}
                    </select>
                    <button type="button" data-testid="merge-button" onClick={() => void run({ type: 'merge-customers', into: choice, from: customer.id })}>
                      {t('merge')}
                    </button>
                  </>
                )
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
});
