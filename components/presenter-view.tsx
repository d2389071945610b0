import { useEffect } from 'react';
import { z } from 'zod';
import type { ChotDatabase } from '../utils/store/db';
import { languageSchema, PRESENTER_BACKGROUNDS } from '../utils/store/records';
import { loadSettings } from '../utils/store/settings';
import { goalOf, groupBroadcasts } from '../utils/store/broadcasts';
import { isCounting } from '../utils/store/tally';
import { readBroadcastTally, readNewestOrders } from '../utils/store/broadcast-reads';
import { browserLanguage } from '../utils/i18n/messages';
import { onAirName } from '../utils/on-air/on-air-name';
import { describeItems, describeWeight } from '../utils/i18n/describe-items';
import { I18nProvider, useI18n } from './i18n';
import { useStreamsQuery } from './use-streams-query';
import { readOnAirQuestion } from '../utils/store/questions';
import { withoutPhones } from './question-text';
import { useLiveRead } from './use-live-read';

/** The address may choose the broadcast, background and language (one scene per setting in OBS). */
const querySchema = z.object({
  broadcast: z.string().min(1).max(300).optional(),
  background: z.enum(PRESENTER_BACKGROUNDS).optional(),
  lang: languageSchema.optional(),
});

const FEED_LENGTH = 6;

/** A page for streaming software to capture: big tonnage, the goal, the latest buyers by first name. */
export function PresenterApp({ db, search, browserLanguages }: { db: ChotDatabase; search: string; browserLanguages: readonly string[] }) {
  const settings = useLiveRead(db, [db.settings], () => loadSettings(db), []);
  const parsed = querySchema.safeParse(Object.fromEntries(new URLSearchParams(search)));
  const query = parsed.success ? parsed.data : {};
  const background = query.background ?? settings?.onAir.presenterBackground ?? 'dark';
  useEffect(() => {
    document.documentElement.dataset.background = background;
  }, [background]);
  if (!settings) return null;
  const language = query.lang ?? settings.onAir.presenterLanguage ?? settings.language ?? browserLanguage(browserLanguages);
  return (
    <I18nProvider language={language}>
      <Presenter db={db} broadcastId={query.broadcast} fullNames={settings.onAir.fullNames} />
    </I18nProvider>
  );
}

function Presenter({ db, broadcastId, fullNames }: { db: ChotDatabase; broadcastId: string | undefined; fullNames: boolean }) {
  const { t, formatNumber } = useI18n();
  const streams = useLiveRead(db, [db.streams], () => db.streams.toArray(), []);
  const broadcasts = streams ? groupBroadcasts(streams) : undefined;
  const broadcast = broadcasts?.find((candidate) => candidate.id === broadcastId) ?? broadcasts?.[0];
  const streamIds = broadcast?.streams.map((stream) => stream.id) ?? [];
  const tally = useStreamsQuery(db, [db.tallies, db.products], streamIds, (ids) => readBroadcastTally(db, ids));
  const latest = useStreamsQuery(db, [db.orders], streamIds, (ids) => readNewestOrders(db, ids, FEED_LENGTH, isCounting));
  // the question the host is answering, chosen in the side panel (null: none); its own small query
  const asked = useStreamsQuery(db, [db.questions], streamIds, async (ids) => (await readOnAirQuestion(db, ids)) ?? null);
  if (broadcasts && broadcasts.length === 0)
    return (
      <main className="presenter">
        <p className="presenter-empty">{t('presenterNoStream')}</p>
      </main>
    );
  if (!broadcast || !tally || !latest) return null;
  const goalKg = goalOf(broadcast);
  const totalKg = tally.totalTonnes * 1000;
  const weight = (kg: number) => describeWeight(kg, formatNumber, t('tonnes'));
  const percent = goalKg ? Math.min(100, Math.round((totalKg / goalKg) * 100)) : null;
  return (
    <main className="presenter" data-testid="presenter" data-total-kg={totalKg}>
      <p className="presenter-label">{t('presenterTitle')}</p>
      <p className="presenter-total" data-testid="presenter-total">
        {weight(totalKg)}
      </p>
      <p className="presenter-split">
        <span className="presenter-confirmed">
          {t('tickerConfirmed')} {weight(tally.confirmedKg)}
        </span>
        <span>
          {t('tickerWaiting')} {weight(tally.pendingKg)}
        </span>
        <span>{t('tickerOrders', { count: formatNumber(tally.orders) })}</span>
      </p>
      {goalKg && percent !== null && (
        <div className="presenter-goal">
          <div className="presenter-bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
            <div style={{ width: `${percent}%` }} />
          </div>
          <p>{t('goalProgress', { percent, goal: weight(goalKg) })}</p>
        </div>
      )}
      {asked && (
        <p className="presenter-question" data-testid="presenter-question">
          <span className="presenter-question-label">{t('presenterQuestion')}</span> <strong>{onAirName(asked.authorName, fullNames)}</strong>:{' '}
          {withoutPhones(asked.text)}
        </p>
      )}
      <ol className="presenter-feed" aria-label={t('latestOrders')} data-testid="presenter-feed">
        {latest.map((order) => (
          <li key={order.id}>
            <strong>{onAirName(order.authorName, fullNames)}</strong> {describeItems(order, (n) => formatNumber(n))}
          </li>
        ))}
      </ol>
    </main>
  );
}
