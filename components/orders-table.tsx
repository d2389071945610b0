import { useMemo, useRef, useState } from 'react';
import { createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OrderRecord, OrderStatus } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { ORDER_STATUSES } from '../utils/store/records';
import { useI18n } from './i18n';
import { OrderEditor } from './order-editor';
import { ORDER_STATUS_LABEL } from './order-text';
import { searchRows, type SearchAnswer } from './row-search';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

type GroupBy = 'none' | 'buyer' | 'product';
type Line<R> = { kind: 'group'; key: string; count: number; kg: number } | { kind: 'row'; row: R };

/** The table's rows with a header line before each buyer's or product's group, groups in first-seen order. */
function groupLines<R extends { original: OrderRecord }>(rows: readonly R[], groupBy: Exclude<GroupBy, 'none'>): Line<R>[] {
  const keyOf = (order: OrderRecord) =>
    groupBy === 'buyer'
      ? order.authorName
      : order.items
          .map((item) => item.product ?? '')
          .filter(Boolean)
          .join(' + ');
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(keyOf(row.original), [...(groups.get(keyOf(row.original)) ?? []), row]);
  return [...groups].flatMap(([key, members]): Line<R>[] => [
    { kind: 'group', key, count: members.length, kg: Math.round(members.reduce((sum, row) => sum + (row.original.totalKg ?? 0), 0) * 1000) / 1000 },
    ...members.map((row) => ({ kind: 'row' as const, row })),
  ]);
}

const ROW_HEIGHT = 32;

const whatOf = (order: OrderRecord) => order.items.map((item) => `${item.quantity} ${item.unit ?? ''} ${item.product ?? ''}`.trim()).join(', ');

export interface OrdersTableProps {
  orders: OrderRecord[];
  /** For the bulk decisions: the page shows their failures. */
  run: (command: PanelCommand) => Promise<CommandReply>;
  /** For the row editor, which shows its failures at its fields (`run` when the page shows none). */
  send?: (command: PanelCommand) => Promise<CommandReply>;
  /** For tests, where the page has no layout: the size of the scrolling area. */
  initialRect?: { width: number; height: number };
}

/** Every order of a broadcast, sortable and searchable, drawn only where it is on screen (tens of thousands stay smooth). */
export function OrdersTable({ orders, run, send, initialRect }: OrdersTableProps) {
  const { t, formatNumber, language } = useI18n();
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId ? orders.find((order) => order.id === editingId) : undefined;
  const time = useMemo(
    () => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    [language],
  );
  // Each order's searchable words are built once per change of the orders, not on every key press:
  // a search then is one substring test per order.
  const haystacks = useMemo(() => {
    const statusWords = Object.fromEntries(ORDER_STATUSES.map((each) => [each, t(ORDER_STATUS_LABEL[each])]));
    return orders.map((order) =>
      `${PLATFORM_LABELS[order.platform]}\u0000${order.authorName}\u0000${whatOf(order)}\u0000${order.phone ?? ''}\u0000${statusWords[order.status]}\u0000${order.text}`.toLowerCase(),
    );
  }, [orders, t]);
  const needle = search.trim().toLowerCase();
  const columns = useMemo<ColumnDef<typeof features, OrderRecord>[]>(
    () => [
      { id: 'time', header: t('time'), accessorFn: (order) => order.observedAt, cell: (info) => time.format(info.getValue<number>()), sortFn: 'basic' },
      { id: 'platform', header: t('platform'), accessorFn: (order) => PLATFORM_LABELS[order.platform], sortFn: 'alphanumeric' },
      { id: 'buyer', header: t('buyer'), accessorFn: (order) => order.authorName, sortFn: 'alphanumeric' },
      { id: 'what', header: t('what'), accessorFn: whatOf, sortFn: 'alphanumeric' },
      {
        id: 'kg',
        header: 'kg',
        accessorFn: (order) => order.totalKg ?? -1,
        cell: (info) => (info.getValue<number>() < 0 ? t('unknown') : formatNumber(info.getValue<number>())),
        sortFn: 'basic',
      },
      { id: 'phone', header: t('phone'), accessorFn: (order) => order.phone ?? '', sortFn: 'alphanumeric' },
      { id: 'status', header: t('status'), accessorFn: (order) => t(ORDER_STATUS_LABEL[order.status]), sortFn: 'alphanumeric' },
      { id: 'comment', header: t('comment'), accessorFn: (order) => order.text, sortFn: 'alphanumeric' },
    ],
    [t, time, formatNumber],
  );

  // The table's rows are built and sorted once per change of the orders or of the sort; a search or a
  // status only picks from them (row.index is the order's place in `orders`, where its haystack is), so a
  // key press, or clearing the search, never rebuilds fifty thousand rows.
  const table = useTable({ features, columns, data: orders, getRowId: (order) => order.id });
  const sortedRows = table.getRowModel().rows;
  // The searched words and statuses in the table's order, once per sort: a key press then tests plain
  // strings, and typing on narrows the last answer instead of reading every order again.
  const sortedTexts = useMemo(() => sortedRows.map((row) => haystacks[row.index]!), [sortedRows, haystacks]);
  const sortedStatuses = useMemo(() => sortedRows.map((row) => row.original.status), [sortedRows]);
  const lastSearch = useRef<SearchAnswer | undefined>(undefined);
  const rows = useMemo(() => {
    if (status === 'all' && needle === '') return sortedRows;
    lastSearch.current = searchRows(sortedTexts, sortedStatuses, needle, status, lastSearch.current);
    return lastSearch.current.picked.map((position) => sortedRows[position]!);
  }, [sortedRows, sortedTexts, sortedStatuses, status, needle]);
  // Without grouping the rows are the lines: nothing is built per row on a key press, only per row drawn.
  const lines = useMemo(() => (groupBy === 'none' ? null : groupLines(rows, groupBy)), [rows, groupBy]);
  const lineCount = lines ? lines.length : rows.length;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lineCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    ...(initialRect ? { initialRect } : {}),
  });
  const bulk = (decision: 'confirmed' | 'rejected') =>
    rows.length > 0 && void run({ type: 'decide-orders', orderIds: rows.map((row) => row.original.id), status: decision });

  return (
    <section className="orders-table" data-testid="orders-table">
      <div className="table-tools">
        <input
          data-testid="table-search"
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select data-testid="table-status" aria-label={t('status')} value={status} onChange={(event) => setStatus(event.target.value as OrderStatus | 'all')}>
          <option value="all">{t('allStatuses')}</option>
          {ORDER_STATUSES.map((each) => (
            <option key={each} value={each}>
              {t(ORDER_STATUS_LABEL[each])}
            </option>
          ))}
        </select>
        <select data-testid="table-group" aria-label={t('groupBy')} value={groupBy} onChange={(event) => setGroupBy(event.target.value as GroupBy)}>
          <option value="none">{t('noGrouping')}</option>
          <option value="buyer">{t('groupByBuyer')}</option>
          <option value="product">{t('groupByProduct')}</option>
        </select>
        <span data-testid="table-count" data-shown={rows.length}>
          {t('shownOf', { shown: formatNumber(rows.length, 0), total: formatNumber(orders.length, 0) })}
        </span>
        <button type="button" className="confirm" data-testid="bulk-confirm" onClick={() => bulk('confirmed')}>
          {t('confirmShown', { count: rows.length })}
        </button>
        <button type="button" className="reject" data-testid="bulk-reject" onClick={() => bulk('rejected')}>
          {t('rejectShown', { count: rows.length })}
        </button>
      </div>
      {editing && editing.status !== 'cancelled' && (
        <div className="table-editor" data-testid="table-editor">
          <strong>{editing.authorName}</strong> · {editing.text}
          <OrderEditor key={editing.id} order={editing} run={send ?? run} onDone={() => setEditingId(null)} />
        </div>
      )}
      <div className="table-grid table-head" role="row">
        {table.getHeaderGroups()[0]!.headers.map((header) => (
          <button
            key={header.id}
            type="button"
            role="columnheader"
            data-testid={`sort-${header.id}`}
            aria-sort={header.column.getIsSorted() === 'asc' ? 'ascending' : header.column.getIsSorted() === 'desc' ? 'descending' : 'none'}
            aria-label={t('sortBy', { column: String(header.column.columnDef.header) })}
            onClick={header.column.getToggleSortingHandler()}
          >
            {String(header.column.columnDef.header)}
            {header.column.getIsSorted() === 'asc' ? ' ▲' : header.column.getIsSorted() === 'desc' ? ' ▼' : ''}
          </button>
        ))}
      </div>
      {/* the height is part of the virtualisation, so it is set here rather than left to a stylesheet */}
      <div ref={scroller} className="table-scroll" role="table" aria-rowcount={rows.length} style={{ height: '60vh', overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line: Line<(typeof rows)[number]> = lines ? lines[item.index]! : { kind: 'row', row: rows[item.index]! };
            if (line.kind === 'group') {
              return (
                <div
                  key={`group:${line.key}`}
                  role="row"
                  data-testid="table-group-row"
                  data-group={line.key}
                  data-kg={line.kg}
                  data-orders={line.count}
                  className="table-group-row"
                  style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                >
                  <strong>{line.key || t('unknown')}</strong> · {t('ordersCount', { count: line.count })} · {formatNumber(line.kg)} kg
                </div>
              );
            }
            const row = line.row;
            return (
              <div
                key={row.id}
                role="row"
                tabIndex={0}
                data-testid="table-row"
                data-order-id={row.id}
                aria-selected={row.id === editingId}
                title={t('edit')}
                onClick={() => setEditingId(row.id)}
                onKeyDown={(event) => event.key === 'Enter' && setEditingId(row.id)}
                className={`table-grid order-${row.original.status}`}
                style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%', cursor: 'pointer' }}
              >
                {row.getAllCells().map((cell) => {
                  const render = cell.column.columnDef.cell;
                  return (
                    <span key={cell.id} role="cell">
                      {typeof render === 'function' ? (render(cell.getContext()) as string) : String(cell.getValue() ?? '')}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
