import { useState } from 'react';
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChotDatabase } from '../utils/store/db';
import type { Language, OrderRecord } from '../utils/store/records';
import type { Decision } from '../utils/store/orders';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { loadSettings } from '../utils/store/settings';
import { computeTally } from '../utils/store/tally';
import { browserLanguage } from '../utils/i18n/messages';
import { I18nProvider, useI18n } from './i18n';
import { TallyView } from './tally-view';
import { OrderRow } from './order-row';
import { StreamPicker } from './stream-picker';
import { LanguageSwitch } from './language-switch';

export interface SidePanelProps {
  db: ChotDatabase;
  /** Writes go to the background, the single writer. */
  sendCommand: (command: PanelCommand) => Promise<CommandReply>;
  browserLanguages: readonly string[];
}

export function SidePanelApp(props: SidePanelProps) {
  const settings = useLiveQuery(() => loadSettings(props.db), [props.db]);
  const language = settings?.language ?? browserLanguage(props.browserLanguages);
  return (
    <I18nProvider language={language}>
      <SidePanel {...props} chosenLanguage={settings?.language ?? null} />
    </I18nProvider>
  );
}

/** The stream's orders in chat order; undefined while loading (useLiveQuery keeps the previous stream's result until then). */
function useStreamOrders(db: ChotDatabase, streamId: string | undefined): OrderRecord[] | undefined {
  const loaded = useLiveQuery(async () => ({
    streamId,
    orders: streamId ? await db.orders.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).toArray() : [],
  }), [db, streamId]);
  return loaded && loaded.streamId === streamId ? loaded.orders : undefined;
}

function SidePanel({ db, sendCommand, chosenLanguage }: SidePanelProps & { chosenLanguage: Language | null }) {
  const { t } = useI18n();
  const streams = useLiveQuery(() => db.streams.orderBy('lastMessageAt').reverse().toArray(), [db]);
  const [chosenStream, setChosenStream] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const streamId = streams?.some((s) => s.id === chosenStream) ? chosenStream! : streams?.[0]?.id;
  const orders = useStreamOrders(db, streamId);

  const run = async (command: PanelCommand) => {
    try {
      const reply = await sendCommand(command);
      setError(reply.ok ? null : t('actionFailed', { error: reply.error }));
    } catch (failure) {
      setError(t('actionFailed', { error: failure instanceof Error ? failure.message : String(failure) }));
    }
  };
  const decide = (order: OrderRecord, status: Decision) => run({ type: 'decide-order', orderId: order.id, status });

  return (
    <main className="side-panel">
      <header className="panel-header">
        <h1>{t('appTitle')}</h1>
        <LanguageSwitch chosen={chosenLanguage} onChange={(language) => run({ type: 'set-language', language })} />
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      {streams && streams.length === 0 && <p className="empty">{t('noStreams')}</p>}
      {streamId && streams && (
        <>
          <StreamPicker streams={streams} selectedId={streamId} onSelect={setChosenStream} />
          {/* no tally until the orders are loaded: a zero that is not true would mislead the host */}
          {orders && <TallyView tally={computeTally(orders)} />}
          <h2>{t('orders')}</h2>
          {orders && orders.length === 0 && <p className="empty">{t('noOrders')}</p>}
          <ol className="orders" data-testid="orders" reversed>
            {[...(orders ?? [])].reverse().map((order) => (
              <OrderRow key={order.id} order={order} onDecide={decide} />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
