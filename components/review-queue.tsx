import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveRead } from './use-live-read';
import type { ChotDatabase } from '../utils/store/db';
import type { ActionRecord, OrderRecord, OrderStatus } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { countOrdersBefore, readOrdersByStatus } from '../utils/store/broadcast-reads';
import { touchesRange, touchesRecords } from '../utils/store/live-read';
import { Dexie } from 'dexie';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { useI18n } from './i18n';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';
import { OrderEditor } from './order-editor';
import { ORDER_STATUS_LABEL, describeItems } from './order-text';

export interface ReviewQueueProps {
  db: ChotDatabase;
  /** The broadcast's streams. */
  streamIds: readonly string[];
  /** Every order of the broadcast by status, from the kept figures. */
  counts: Partial<Record<OrderStatus, number>>;
  run: (command: PanelCommand) => Promise<CommandReply>;
  /** Team mode: orders another assistant has open now (skipped here), and where to say which one is open here. */
  heldElsewhere?: ReadonlySet<string>;
  onLooking?: (orderId: string | null) => void;
}

/** Waiting orders read on each side of the one being looked at: enough for quick key presses. */
const WINDOW = 25;

/**
 * Waiting orders one at a time, in chat order, for an assistant working from the keyboard: move, confirm,
 * reject, edit, undo. After a decision the next waiting order comes up by itself. Only a window of waiting
 * orders around the current one is read, through the status index.
 */
export function ReviewQueue({ db, streamIds, counts, run, heldElsewhere, onLooking }: ReviewQueueProps) {
  const { t, formatNumber, language } = useI18n();
  const [cursor, setCursor] = useState(0); // chat time of the order being looked at
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<FailureText | null>(null);
  const describe = useDescribeFailure();
  // Decided here but not yet seen decided in the database: kept out of the queue so that quick key
  // presses each act on the next order.
  const [deciding, setDeciding] = useState<ReadonlySet<string>>(new Set());
  const streamsKey = streamIds.join('\n');
  // read through liveRead: a window still being read when the next chat batch lands is shown, not restarted
  const around = useLiveRead(
    db,
    [db.orders],
    async () => {
      const [ahead, behind] = await Promise.all([
        readOrdersByStatus(db, streamIds, 'pending', cursor, WINDOW),
        readOrdersByStatus(db, streamIds, 'pending', cursor, WINDOW, 'back'),
      ]);
      return { key: `${streamsKey}|${cursor}`, ahead, behind, before: await countOrdersBefore(db, streamIds, 'pending', cursor) };
    },
    [streamsKey, cursor],
    // Read again only when a waiting order up to the window's far end comes, goes or changes: with the
    // window full, orders arriving after it (most of a busy chat) change neither it nor the position.
    (parts, shown) => {
      const upTo = shown.ahead.length >= WINDOW ? shown.ahead.at(-1)!.observedAt : Dexie.maxKey;
      const index = '[streamId+status+observedAt]';
      return (
        streamIds.some((id) => touchesRange(parts, db.name, 'orders', index, [id, 'pending', Dexie.minKey], [id, 'pending', upTo])) ||
        touchesRecords(parts, db.name, { table: 'orders', index: '', keys: [], shown: [...shown.ahead, ...shown.behind].map((order) => order.id) })
      );
    },
  );
  useEffect(() => {
    if (!around) return;
    // decided here and no longer waiting in the database: nothing left to keep out of the queue
    const waitingIds = new Set([...around.behind, ...around.ahead].map((order) => order.id));
    const settled = [...deciding].filter((id) => !waitingIds.has(id));
    if (settled.length > 0) setDeciding((ids) => new Set([...ids].filter((id) => !settled.includes(id))));
  }, [around, deciding]);
  const forget = (id: string) => setDeciding((ids) => new Set([...ids].filter((each) => each !== id)));
  const open = (order: OrderRecord) => !deciding.has(order.id) && !heldElsewhere?.has(order.id);
  // The window last read, in chat order; a move within it shows at once, the next read follows.
  const waiting = [...(around?.behind ?? []).slice().reverse(), ...(around?.ahead ?? [])].filter(open);
  const current = waiting.find((order) => order.observedAt >= cursor) ?? waiting[waiting.length - 1];
  const ahead = waiting.filter((order) => order.observedAt >= cursor);
  const total = Math.max(0, (counts.pending ?? 0) - deciding.size);
  const position = current ? Math.min(total, Math.max(1, (around?.before ?? 0) + (ahead[0] ? 1 : 0))) : 0;
  useEffect(() => onLooking?.(current?.id ?? null), [onLooking, current?.id]);
  // Read again only for a change to this order's history or this buyer's orders, not at every chat batch.
  const history =
    useLiveRead(db, [db.actions], current ? () => db.actions.where('orderId').equals(current.id).toArray() : null, [current?.id], (parts, shown) =>
      touchesRecords(parts, db.name, {
        table: 'actions',
        index: 'orderId',
        keys: [current!.id],
        shown: shown.flatMap((action) => (action.seq === undefined ? [] : [action.seq])),
      }),
    ) ?? [];
  // the buyer's earlier orders in this stream, read for the order being looked at only
  const earlier =
    useLiveRead(
      db,
      [db.orders],
      current
        ? () =>
            db.orders
              .where('[streamId+authorKey]')
              .equals([current.streamId, current.authorKey])
              .filter((order) => order.observedAt < current.observedAt)
              .sortBy('observedAt')
        : null,
      [current?.id],
      (parts, shown) =>
        touchesRecords(parts, db.name, {
          table: 'orders',
          index: '[streamId+authorKey]',
          keys: [[current!.streamId, current!.authorKey]],
          shown: shown.map((order) => order.id),
        }),
    ) ?? [];
  const count = (status: OrderStatus) => counts[status] ?? 0;
  const what = (order: Pick<OrderRecord, 'items'>) => describeItems(order, formatNumber);
  // made once per language: a formatter costs far more to make than to use, and the queue redraws with every chat batch
  const time = useMemo(
    () => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    [language],
  );

  const move = (step: number) => {
    if (!current) return;
    const next = waiting[Math.max(0, Math.min(waiting.length - 1, waiting.indexOf(current) + step))]!;
    setCursor(next.observedAt);
  };
  const act = async (command: PanelCommand) => {
    const reply = await run(command);
    setNotice(reply.ok ? null : describe(command.type === 'undo' ? 'failUndo' : 'failSave', reply.error));
    return reply;
  };
  const decide = (status: 'confirmed' | 'rejected') => {
    if (!current) return;
    const decided = current;
    setDeciding((ids) => new Set([...ids, decided.id]));
    void act({ type: 'decide-order', orderId: decided.id, status }).then((reply) => {
      if (!reply.ok) forget(decided.id);
    });
  };
  const undo = async () => {
    const reply = await act({ type: 'undo' });
    // actions on orders the buyer has cancelled since cannot be undone: passed over, and said so
    if ('skipped' in reply && reply.skipped)
      setNotice({ sentence: t('undoSkipped', { count: reply.skipped }) + (reply.ok ? '' : ` ${t('errNothingToUndo')}`) });
    const undone = reply.ok && 'orderId' in reply && reply.orderId ? await db.orders.get(reply.orderId) : undefined;
    if (undone) {
      forget(undone.id);
      setCursor(undone.observedAt); // back to the order the undo changed
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (editing || event.altKey) return;
    const key = event.key.toLowerCase();
    const handled =
      key === 'j' || key === 'arrowdown'
        ? (move(1), true)
        : key === 'k' || key === 'arrowup'
          ? (move(-1), true)
          : (key === 'c' || key === 'enter') && !event.ctrlKey
            ? (decide('confirmed'), true)
            : key === 'x' || key === 'delete'
              ? (decide('rejected'), true)
              : key === 'e' && current
                ? (setEditing(true), true)
                : key === 'u' || (key === 'z' && (event.ctrlKey || event.metaKey))
                  ? (void undo(), true)
                  : false;
    if (handled) event.preventDefault();
  };

  const describeChange = (action: ActionRecord): string => {
    const side = (change: ActionRecord['before']) =>
      change.status ? t(ORDER_STATUS_LABEL[change.status]) : change.items ? what({ items: change.items }) : (change.phone ?? '—');
    const at = time.format(action.at);
    if (action.by) return t('historyBy', { text: describeChange({ ...action, by: undefined }), name: action.by });
    if (action.kind === 'undo') return t('historyUndo', { time: at });
    const change = t(action.kind === 'edit' ? 'historyEdit' : 'historyDecide', { time: '', from: side(action.before), to: side(action.after) }).replace(
      /^:\s*/,
      '',
    );
    if (action.source === 'buyer') return t('historyBuyer', { time: at, change });
    return action.source === 'chat' ? t('historyChat', { time: at, change }) : `${at}: ${change}`;
  };

  return (
    <section className="queue" data-testid="queue" tabIndex={0} onKeyDown={onKeyDown} aria-label={t('queue')} aria-describedby="queue-keys">
      <header className="queue-header">
        <h2>{t('queue')}</h2>
        <span data-testid="queue-counts">{t('queueCounts', { waiting: count('pending'), confirmed: count('confirmed'), rejected: count('rejected') })}</span>
      </header>
      <p id="queue-keys" className="queue-keys">
        {t('keyboardHelp')}
      </p>
      {notice && <FailureNotice failure={notice} />}
      {!current && <p className="empty">{t('queueEmpty')}</p>}
      {current && (
        <article className="queue-current" data-testid="queue-current" data-order-id={current.id} aria-live="polite">
          <p className="queue-position">{t('queuePosition', { index: position, total })}</p>
          <p className="queue-head">
            <span className={`order-platform platform-${current.platform}`}>{PLATFORM_LABELS[current.platform]}</span>
            <strong>{current.authorName}</strong> · {what(current)} · {current.totalKg === null ? t('unknown') : `${formatNumber(current.totalKg)} kg`}
            {current.phone && (
              <>
                {' '}
                · {t('phone')}: {current.phone}
              </>
            )}
          </p>
          <blockquote className="queue-comment">{current.text}</blockquote>
          {current.possibleRepeatOf && <p className="order-review">{t('possibleRepeat')}</p>}
          {current.buyerUnpaid && <p className="order-review">{t('unpaidBuyer')}</p>}
          {current.changedAfterConfirm && (
            <p className="order-review" data-testid="changed-after-confirm">
              {t('changedAfterConfirm', {
                before: what({ items: history?.filter((action) => action.source === 'buyer' && action.kind === 'edit').at(-1)?.before.items ?? [] }) || '—',
              })}
            </p>
          )}
          <p className="queue-why">{t('why', { reasons: current.reasons.join(' · '), confidence: Math.round(current.confidence * 100) })}</p>
          {editing ? (
            <OrderEditor order={current} run={run} onDone={() => setEditing(false)} />
          ) : (
            <div className="queue-buttons">
              <button type="button" onClick={() => move(-1)} aria-label={t('previous')}>
                ↑
              </button>
              <button type="button" onClick={() => move(1)} aria-label={t('next')}>
                ↓
              </button>
              <button type="button" className="confirm" onClick={() => decide('confirmed')}>
                {t('confirm')}
              </button>
              <button type="button" className="reject" onClick={() => decide('rejected')}>
                {t('reject')}
              </button>
              <button type="button" onClick={() => setEditing(true)}>
                {t('edit')}
              </button>
              <button type="button" onClick={() => void undo()}>
                {t('undo')}
              </button>
            </div>
          )}
          {earlier.length > 0 && (
            <details className="queue-earlier" open>
              <summary>{t('buyerEarlier', { name: current.authorName })}</summary>
              <ul>
                {earlier.map((order) => (
                  <li key={order.id}>
                    {what(order)} · {t(ORDER_STATUS_LABEL[order.status])}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {history && history.length > 0 && (
            <details className="queue-history">
              <summary>{t('history')}</summary>
              <ul>
                {history.map((action) => (
                  <li key={action.seq}>{describeChange(action)}</li>
                ))}
              </ul>
            </details>
          )}
        </article>
      )}
    </section>
  );
}
