import type { Tally } from '../utils/store/tally';
import { useI18n } from './i18n';
import { PLATFORMS, PLATFORM_LABELS } from '../utils/platforms/platform';

/** The numbers the host watches. data-* attributes carry plain numbers for tests and other tools. */
export function TallyView({ tally }: { tally: Tally }) {
  const { t, formatNumber } = useI18n();
  return (
    <section
      className="tally"
      data-testid="tally"
      data-pending-kg={tally.pendingKg}
      data-confirmed-kg={tally.confirmedKg}
      data-orders={tally.orders}
      aria-live="polite"
    >
      <div className="tally-cell">
        <span className="tally-label">{t('pendingKg')}</span>
        <span className="tally-value">{formatNumber(tally.pendingKg)} kg</span>
      </div>
      <div className="tally-cell">
        <span className="tally-label">{t('confirmedKg')}</span>
        <span className="tally-value">{formatNumber(tally.confirmedKg)} kg</span>
      </div>
      <div className="tally-cell">
        <span className="tally-label">{t('totalTonnes')}</span>
        <span className="tally-value">{formatNumber(tally.totalTonnes, 3)} t</span>
      </div>
      <div className="tally-cell">
        <span className="tally-label">{t('orderCount')}</span>
        <span className="tally-value">{formatNumber(tally.orders, 0)}</span>
      </div>
      {tally.unknownWeight > 0 && <p className="tally-note">{t('unknownWeight', { count: tally.unknownWeight })}</p>}
      {Object.keys(tally.byPlatform).length > 1 && (
        <ul className="tally-platforms">
          {PLATFORMS.filter((platform) => tally.byPlatform[platform]).map((platform) => (
            <li key={platform} data-testid="platform-tally" data-platform={platform} data-kg={tally.byPlatform[platform]!.kg} data-orders={tally.byPlatform[platform]!.orders}>
              {PLATFORM_LABELS[platform]}: {formatNumber(tally.byPlatform[platform]!.kg)} kg · {t('ordersCount', { count: tally.byPlatform[platform]!.orders })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
