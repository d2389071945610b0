import type { Tally } from '../utils/store/tally';
import { useI18n } from './i18n';

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
    </section>
  );
}
