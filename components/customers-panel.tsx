import { useState } from 'react';
import type { CustomerRecord, OrderRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { useI18n } from './i18n';
import { ORDER_STATUS_LABEL } from './order-text';

/** The broadcast's buyers: phones, the unpaid mark, and merging one person's records across platforms. */
export interface CustomersPanelProps {
  customers: CustomerRecord[];
  /** Each customer's orders (by customer id) in all streams, oldest first: their history. */
  history: Map<string, OrderRecord[]>;
  run: (command: PanelCommand) => Promise<CommandReply>;
}

export function CustomersPanel({ customers, history, run }: CustomersPanelProps) {
  const { t, formatNumber } = useI18n();
  const [mergeChoice, setMergeChoice] = useState<Record<string, string>>({});
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  return (
    <details className="contracts" data-testid="customers">
      <summary>{t('customers', { count: customers.length })}</summary>
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
              <details className="customer-history">
                <summary>{t('ordersEverywhere', { count: history.get(customer.id)?.length ?? 0 })}</summary>
                <ul>
                  {(history.get(customer.id) ?? []).slice(-20).map((order) => (
                    <li key={order.id}>{new Date(order.observedAt).toLocaleDateString()} · {order.text} · {order.totalKg === null ? t('unknown') : `${formatNumber(order.totalKg)} kg`} · {t(ORDER_STATUS_LABEL[order.status])}</li>
                  ))}
                </ul>
              </details>
              <input
                className="customer-notes" aria-label={t('customerNotes')} placeholder={t('customerNotes')} defaultValue={customer.notes} maxLength={2000}
                onBlur={(event) => event.target.value !== customer.notes && void run({ type: 'update-customer', id: customer.id, notes: event.target.value })}
              />
              <label>
                <input type="checkbox" checked={customer.unpaid} onChange={(event) => void run({ type: 'update-customer', id: customer.id, unpaid: event.target.checked })} />
                {t('markUnpaid')}
              </label>
              {customer.mergedInto ? (
                <>
                  <span>{t('mergedWith', { name: byId.get(customer.mergedInto)?.name ?? customer.mergedInto })}</span>
                  <button type="button" onClick={() => void run({ type: 'unmerge-customer', id: customer.id })}>{t('unmerge')}</button>
                </>
              ) : others.length > 0 && (
                <>
                  <select aria-label={t('mergeInto', { name: customer.name })} value={choice} onChange={(event) => setMergeChoice({ ...mergeChoice, [customer.id]: event.target.value })}>
                    {others.map((other) => <option key={other.id} value={other.id}>{`${PLATFORM_LABELS[other.platform]} · ${other.name}`}</option>)}
                  </select>
                  <button type="button" data-testid="merge-button" onClick={() => void run({ type: 'merge-customers', into: choice, from: customer.id })}>{t('merge')}</button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
