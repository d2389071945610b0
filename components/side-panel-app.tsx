import { useMemo, useRef, useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { Language, OnAirSettings, OrderRecord } from '../utils/store/records';
import type { Decision } from '../utils/store/orders';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { loadSettings } from '../utils/store/settings';
import { readBroadcastTally, readNewestOrdersSince } from '../utils/store/broadcast-reads';
import { readBroadcastStock, type BroadcastStock } from '../utils/store/broadcast-stock';
import type { Tally } from '../utils/store/tally';
import { goalOf, groupBroadcasts } from '../utils/store/broadcasts';
import { browserLanguage } from '../utils/i18n/messages';
import { I18nProvider, useI18n } from './i18n';
import { TallyView } from './tally-view';
import { OrderRow } from './order-row';
import { StreamPicker } from './stream-picker';
import { BroadcastStreams } from './broadcast-streams';
import { LanguageSwitch } from './language-switch';
import { HealthView } from './health-view';
import { ReviewQueue } from './review-queue';
import { useStreamsQuery } from './use-streams-query';
import { ProductsPanel } from './products-panel';
import { ContractsPanel } from './contracts-panel';
import { CustomersPanel } from './customers-panel';
import { SettingsPanel } from './settings-panel';
import { ExportControls } from './export-controls';
import { OnAirSettingsPanel } from './on-air-settings';
import { FailureNotice } from './failure-notice';
import { useCommands } from './use-commands';
import { QuestionsLane, useWaitingQuestions } from './questions-lane';
import { TeamPanel, type TeamPanelDeps } from './team-panel';
import { useTeamStatus } from './use-team-status';
import { useLiveRead } from './use-live-read';
import { touchesRecords } from '../utils/store/live-read';

export interface SidePanelProps {
  db: ChotDatabase;
  /** Writes go to the background, the single writer. */
  sendCommand: (command: PanelCommand) => Promise<CommandReply>;
  browserLanguages: readonly string[];
  healthEveryMs?: number;
  /** Team mode (the extension passes it; without it the panel has no team section). */
  team?: TeamPanelDeps;
}

export function SidePanelApp(props: SidePanelProps) {
  const settings = useLiveRead(props.db, [props.db.settings], () => loadSettings(props.db), []);
  const language = settings?.language ?? browserLanguage(props.browserLanguages);
  return (
    <I18nProvider language={language}>
      <SidePanel
        {...props}
        onAir={settings?.onAir}
        chosenLanguage={settings?.language ?? null}
        pinnedProduct={settings?.pinnedProduct ?? null}
        contractThresholdKg={settings?.contractThresholdKg ?? 1000}
      />
      {settings && <SettingsPanel key={`${settings.repeatWindowSeconds}:${settings.contractThresholdKg}`} settings={settings} run={props.sendCommand} />}
    </I18nProvider>
  );
}

/** The panel lists this many of the newest orders; the orders table has them all. */
export const PANEL_ORDERS = 100;

function SidePanel({
  db,
  sendCommand,
  chosenLanguage,
  pinnedProduct,
  contractThresholdKg,
  healthEveryMs,
  onAir,
  team,
}: SidePanelProps & { chosenLanguage: Language | null; pinnedProduct: string | null; contractThresholdKg: number; onAir: OnAirSettings | undefined }) {
  const { t, formatNumber } = useI18n();
  const streams = useLiveRead(db, [db.streams], () => db.streams.toArray(), []);
  const broadcasts = streams ? groupBroadcasts(streams) : undefined;
  const [chosenBroadcast, setChosenBroadcast] = useState<string | null>(null);
  const broadcast = broadcasts?.find((b) => b.id === chosenBroadcast) ?? broadcasts?.[0];
  const streamIdsKey =
    broadcast?.streams
      .map((stream) => stream.id)
      .sort()
      .join('\n') ?? '';
  const streamIds = useMemo(() => streamIdsKey.split('\n').filter(Boolean), [streamIdsKey]);
  // Each read below is of what is shown: kept figures, the newest orders, the stock since it ran out.
  const products = useLiveRead(db, [db.products], () => db.products.orderBy('code').toArray(), []);
  // One read for the figures, the newest orders and the stock, so they always agree on screen.
  const desk = useStreamsQuery<{ tally: Tally; orders: OrderRecord[]; stock: BroadcastStock }>(
    db,
    [db.products, db.tallies, db.orders],
    streamIds,
    async (ids, since) => {
      // one round of reads; the newest orders built on the last answer (a chat batch's few, not a hundred again)
      const [catalog, kept, orders] = await Promise.all([
        db.products.orderBy('code').toArray(),
        db.tallies.bulkGet(ids),
        readNewestOrdersSince(db, ids, PANEL_ORDERS, since && { last: since.last.orders, changes: since.changes }),
      ]);
      const [tally, stock] = await Promise.all([readBroadcastTally(db, ids, catalog, kept), readBroadcastStock(db, ids, catalog, kept)]);
      return { tally, orders, stock };
    },
  );
  const { tally, orders } = desk ?? {};
  // The catalog stays on screen (open, mid-edit) while another broadcast's figures load: its stock lags a read.
  const lastStock = useRef(desk?.stock);
  if (desk) lastStock.current = desk.stock;
  const stock = lastStock.current;
  const contracts = useStreamsQuery(db, [db.contracts], streamIds, (ids) => db.contracts.where('streamId').anyOf(ids).toArray());
  // the questions lane is its own small query: the order figures are not read for it
  const questions = useWaitingQuestions(db, streamIds);
  // Team mode: who looks at which order; the queue passes over those open on another desk.
  const [lookingAt, setLookingAt] = useState<string | null>(null);
  const teamStatus = useTeamStatus(team?.connect, broadcast?.id ?? null, lookingAt);
  // Two desks on one order at once: the one with the smaller desk id keeps it, the other moves on.
  const heldIds = teamStatus.members
    .filter((member) => member.desk !== teamStatus.desk && (member.orderId !== lookingAt || member.desk < (teamStatus.desk ?? '')))
    .flatMap((member) => (member.orderId ? [member.orderId] : []));
  const heldKey = heldIds.join('\n');
  const held = useMemo(() => new Set(heldKey.split('\n').filter(Boolean)), [heldKey]);
  const lookedAtIds = teamStatus.members.flatMap((member) => (member.orderId ? [member.orderId] : []));
  const lookedAt = useLiveRead(db, [db.orders], lookedAtIds.length > 0 ? () => db.orders.bulkGet(lookedAtIds) : null, [lookedAtIds.join('\n')], (parts) =>
    touchesRecords(parts, db.name, { table: 'orders', index: '', keys: lookedAtIds, shown: lookedAtIds }),
  );
  const listed = tally ? Object.values(tally.byStatus).reduce((sum, count) => sum + count, tally.contractOrders) : 0;

  // Parts that show their own results (queue, catalog, contracts) send quietly; for the rest, a failure is
  // shown at the top. Either way once.
  const { send, run, failure } = useCommands(sendCommand);
  const decide = (order: OrderRecord, status: Decision) => run({ type: 'decide-order', orderId: order.id, status });

  return (
    <main className="side-panel">
      <header className="panel-header">
        <h1>{t('appTitle')}</h1>
        <LanguageSwitch chosen={chosenLanguage} onChange={(language) => run({ type: 'set-language', language })} />
        <a className="open-dashboard" href="dashboard.html" target="_blank" rel="noreferrer">
          {t('openDashboard')}
        </a>
      </header>
      {failure && <FailureNotice failure={failure} testId="page-failure" />}
      <HealthView sendCommand={sendCommand} everyMs={healthEveryMs} />
      {team && (
        <TeamPanel
          status={teamStatus}
          deps={team}
          orderOf={(id) => lookedAt?.find((order) => order?.id === id)}
          broadcast={broadcast ? { id: broadcast.id, ended: broadcast.streams.every((stream) => stream.endedAt) } : null}
        />
      )}
      {broadcasts && broadcasts.length === 0 && <p className="empty">{t('noStreams')}</p>}
      {products && stock && <ProductsPanel products={products} pinned={pinnedProduct} stock={stock.byProduct} run={send} />}
      {broadcast && broadcasts && (
        <>
          <StreamPicker broadcasts={broadcasts} selectedId={broadcast.id} onSelect={setChosenBroadcast} />
          <BroadcastStreams broadcast={broadcast} others={broadcasts.filter((b) => b.id !== broadcast.id)} run={(command) => void run(command)} />
          {/* no tally until it is read: a zero that is not true would mislead the host */}
          {tally && orders && (
            <TallyView
              tally={tally}
              goalKg={goalOf(broadcast)}
              questionsWaiting={questions?.total}
              onGoal={(goalKg) => void run({ type: 'set-goal', broadcastId: broadcast.id, goalKg })}
            />
          )}
          {tally && orders && <ReviewQueue db={db} streamIds={streamIds} counts={tally.byStatus} run={send} heldElsewhere={held} onLooking={setLookingAt} />}
          <QuestionsLane lane={questions} broadcastId={broadcast.id} run={send} />
          {contracts && <ContractsPanel contracts={contracts} streamId={broadcast.id} run={send} />}
          <CustomersPanel db={db} streamIds={streamIds} run={run} />
          <ExportControls db={db} streamIds={streamIds} />
          <h2>{t('orders')}</h2>
          {orders && orders.length === 0 && <p className="empty">{t('noOrders')}</p>}
          {listed > PANEL_ORDERS && (
            <p className="orders-more" data-testid="orders-more">
              {t('newestOrdersShown', { shown: formatNumber(PANEL_ORDERS, 0), total: formatNumber(listed, 0) })}{' '}
              <a href="dashboard.html" target="_blank" rel="noreferrer">
                {t('openDashboard')}
              </a>
            </p>
          )}
          <ol className="orders" data-testid="orders" reversed>
            {(orders ?? []).map((order) => (
              <OrderRow
                key={order.id}
                order={order}
                onDecide={decide}
                waitlisted={stock?.waitlisted.has(order.id) ?? false}
                onPromote={(order.totalKg ?? 0) >= contractThresholdKg ? (large) => void run({ type: 'promote-order', orderId: large.id }) : undefined}
              />
            ))}
          </ol>
        </>
      )}
      {onAir && <OnAirSettingsPanel onAir={onAir} broadcastId={broadcast?.id ?? null} run={run} />}
    </main>
  );
}
