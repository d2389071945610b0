import type { OrderStatus } from '../store/records';
import type { MessageKey } from './messages';

/** The label of each order status, for every view and export that shows one. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, MessageKey> = {
  pending: 'statusPending',
  confirmed: 'statusConfirmed',
  rejected: 'statusRejected',
  cancelled: 'statusCancelled',
  withdrawn: 'statusWithdrawn',
};
