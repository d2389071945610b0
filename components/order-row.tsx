import { memo } from 'react';
import type { OrderRecord } from '../utils/store/records';
import type { Decision } from '../utils/store/orders';
import { useI18n } from './i18n';
import { ORDER_STATUS_LABEL, describeItems } from './order-text';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { REVIEW_BELOW } from '../utils/parser/review';

export interface OrderRowProps {
  order: OrderRecord;
  onDecide: (order: OrderRecord, status: Decision) => void;
  /** Beyond the stock left: waits for more. */
  waitlisted?: boolean;
  /** Large enough to be offered as a contract. */
  onPromote?: (order: OrderRecord) => void;
}

/** One order; chat text and names are rendered as React text, never as HTML. */
function OrderRowView({ order, onDecide, waitlisted = false, onPromote }: OrderRowProps) {
  const { t, formatNumber } = useI18n();
  const what = describeItems(order, formatNumber);
  return (
    <li
      className={`order order-${order.status}`}
      data-testid="order"
      data-order-id={order.id}
      data-status={order.status}
      data-kg={order.totalKg ?? ''}
      data-waitlisted={waitlisted || undefined}
    >
      <div className="order-head">
        <span className={`order-platform platform-${order.platform}`}>{PLATFORM_LABELS[order.platform]}</span>
        <span className="order-buyer">{order.authorName}</span>
        <span className="order-what">{what}</span>
        {order.buyerUnpaid && order.status === 'pending' && (
          <span className="order-review" data-testid="unpaid-buyer">
            {t('unpaidBuyer')}
          </span>
        )}
        {order.changedAfterConfirm && order.status === 'pending' && <span className="order-review">{t('changedByBuyer')}</span>}
        {waitlisted && (
          <span className="order-review" data-testid="waitlisted">
            {t('waitlisted')}
          </span>
        )}
        {order.possibleRepeatOf && order.status === 'pending' && (
          <span className="order-review" data-testid="possible-repeat">
            {t('possibleRepeat')}
          </span>
        )}
        {order.status === 'pending' && order.confidence < REVIEW_BELOW && (
          <span className="order-review" title={order.reasons.join(' · ')}>
            {t('needsReview')}
          </span>
        )}
        <span className="order-kg">{order.totalKg === null ? t('unknown') : `${formatNumber(order.totalKg)} kg`}</span>
      </div>
      <div className="order-comment" title={order.reasons.join(' · ')}>
        {order.text}
      </div>
      <div className="order-foot">
        {order.phone && (
          <span className="order-phone">
            {t('phone')}: {order.phone}
          </span>
        )}
        <span className="order-status">{order.contractId ? t('inContract') : t(ORDER_STATUS_LABEL[order.status])}</span>
        {onPromote && !order.contractId && (order.status === 'pending' || order.status === 'confirmed') && (
          <button type="button" data-testid="promote" onClick={() => onPromote(order)} aria-label={t('promoteOrderOf', { name: order.authorName })}>
            {t('promote')}
          </button>
        )}
        {order.status === 'pending' && !order.contractId && (
          <>
            <button type="button" className="confirm" onClick={() => onDecide(order, 'confirmed')} aria-label={t('confirmOrderOf', { name: order.authorName })}>
              {t('confirm')}
            </button>
            <button type="button" className="reject" onClick={() => onDecide(order, 'rejected')} aria-label={t('rejectOrderOf', { name: order.authorName })}>
              {t('reject')}
            </button>
          </>
        )}
        {/* A withdrawn order (deleted in the chat by a moderator) is put back the same way. */}
        {(order.status === 'confirmed' || order.status === 'rejected' || order.status === 'withdrawn') && (
          <button type="button" className="reopen" onClick={() => onDecide(order, 'pending')} aria-label={t('reopenOrderOf', { name: order.authorName })}>
            {t('reopen')}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Drawn again only when its order changed: each new chat order re-reads the newest orders, and the other
 * ninety-nine rows stay as they were. The handlers only pass the order on, so a newer copy of them adds nothing.
 */
export const OrderRow = memo(
  OrderRowView,
  (before, after) =>
    before.order.id === after.order.id &&
    before.order.updatedAt === after.order.updatedAt &&
    before.order.status === after.order.status &&
    before.waitlisted === after.waitlisted &&
    Boolean(before.onPromote) === Boolean(after.onPromote),
);
