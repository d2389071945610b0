import { useState } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { loadSettings } from '../utils/store/settings';
import { groupBroadcasts } from '../utils/store/broadcasts';
import { readBroadcastTally } from '../utils/store/broadcast-reads';
import { browserLanguage } from '../utils/i18n/messages';
import { I18nProvider, useI18n } from './i18n';
import { StreamPicker } from './stream-picker';
import { TallyView } from './tally-view';
import { OrdersTable } from './orders-table';
import { useBroadcastOrders } from './use-broadcast-orders';
import { useStreamsQuery } from './use-streams-query';
import { FiguresCheck } from './figures-check';
import { StreamsList } from './streams-list';
import { ExportControls } from './export-controls';
import { ChatLogImport } from './chat-log-import';
import { BackupControls } from './backup-controls';
import { FailureNotice } from './failure-notice';
import { useCommands } from './use-commands';
import { useLiveRead } from './use-live-read';

export interface DashboardProps {
  db: ChotDatabase;
  sendCommand: (command: PanelCommand) => Promise<CommandReply>;
  browserLanguages: readonly string[];
  initialRect?: { width: number; height: number };
}

/** The full-page view of the same data, for cleaning up the order list after the stream. */
export function DashboardApp(props: DashboardProps) {
  const settings = useLiveRead(props.db, [props.db.settings], () => loadSettings(props.db), []);
  return (
    <I18nProvider language={settings?.language ?? browserLanguage(props.browserLanguages)}>
      <Dashboard {...props} />
    </I18nProvider>
  );
}

function Dashboard({ db, sendCommand, initialRect }: DashboardProps) {
  const { t } = useI18n();
  const streams = useLiveRead(db, [db.streams], () => db.streams.toArray(), []);
  // every order of each stream, whatever its status, from the kept figures
  const orderCounts = useLiveRead(
    db,
    [db.tallies],
    async () =>
      new Map(
        (await db.tallies.toArray()).map(
          (tally) => [tally.streamId, Object.values(tally.byStatus).reduce((sum, count) => sum + count, tally.contractOrders)] as const,
        ),
      ),
    [],
  );
  const broadcasts = streams ? groupBroadcasts(streams) : undefined;
  const [chosen, setChosen] = useState<string | null>(null);
  const broadcast = broadcasts?.find((b) => b.id === chosen) ?? broadcasts?.[0];
  const orders = useBroadcastOrders(db, broadcast);
  const tally = useStreamsQuery(db, [db.tallies, db.products], broadcast?.streams.map((stream) => stream.id) ?? [], (ids) => readBroadcastTally(db, ids));
  // Backups, imports, the figures check and the order editor say how they went themselves: they send
  // quietly; the streams list and the bulk decisions show nothing, so their failures go to the top.
  const { send, run, failure } = useCommands(sendCommand);
  return (
    <main className="dashboard">
      <h1>
        {t('appTitle')} · {t('dashboard')}
      </h1>
      {failure && <FailureNotice failure={failure} testId="page-failure" />}
      {broadcasts && broadcasts.length === 0 && <p className="empty">{t('noStreams')}</p>}
      <BackupControls db={db} run={send} />
      <ChatLogImport db={db} run={send} />
      {streams && orderCounts && streams.length > 0 && (
        <StreamsList streams={[...streams].sort((a, b) => b.lastMessageAt - a.lastMessageAt)} orderCounts={orderCounts} run={run} />
      )}
      {streams && streams.length > 0 && <FiguresCheck streams={streams} run={send} />}
      {broadcast && broadcasts && (
        <>
          <StreamPicker broadcasts={broadcasts} selectedId={broadcast.id} onSelect={setChosen} />
          {tally && <TallyView tally={tally} />}
          <ExportControls db={db} streamIds={broadcast.streams.map((stream) => stream.id)} />
          {orders && <OrdersTable orders={orders} run={run} send={send} initialRect={initialRect} />}
        </>
      )}
    </main>
  );
}
