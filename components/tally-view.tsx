import { useState, type FormEvent } from 'react';
import type { Tally } from '../utils/store/tally';
import { useI18n } from './i18n';
import { describeWeight } from '../utils/i18n/describe-items';
import { PLATFORMS, PLATFORM_LABELS } from '../utils/platforms/platform';

/** The numbers the host watches. data-* attributes carry plain numbers for tests and other tools. */
function TallyCell({ label, value }: { label: string; value: string }) {
  return (
    <div className="tally-cell">
      <span className="tally-label">{label}</span>
      <span className="tally-value">{value}</span>
    </div>
  );
}

export interface TallyViewProps {
  tally: Tally;
  /** The broadcast's goal in kg. */
  goalKg?: number;
  /** Sets the goal (kg) or clears it (null); absent: no goal editing. */
  onGoal?: (goalKg: number | null) => void;
  /** Buyers' questions waiting for an answer (read on their own, not from the tally); absent: not shown. */
  questionsWaiting?: number;
}

export function TallyView({ tally, goalKg, onGoal, questionsWaiting }: TallyViewProps) {
  const { t, formatNumber } = useI18n();
  const [goalText, setGoalText] = useState('');
  const [goalError, setGoalError] = useState<string | null>(null);
  const soldKg = tally.pendingKg + tally.confirmedKg + tally.contractedKg;
  const progress = goalKg ? Math.min(100, Math.round((soldKg / goalKg) * 100)) : 0;
  const saveGoal = (event: FormEvent) => {
    event.preventDefault();
    if (goalText.trim() === '') return onGoal?.(null);
    const tonnes = Number(goalText.replace(',', '.'));
    if (!(tonnes > 0 && tonnes <= 1e6)) return setGoalError(t('errGoal'));
    setGoalError(null);
    setGoalText('');
    onGoal?.(Math.round(tonnes * 1000 * 1000) / 1000);
  };
  return (
    <section
      className="tally"
      data-testid="tally"
      data-pending-kg={tally.pendingKg}
      data-confirmed-kg={tally.confirmedKg}
      data-orders={tally.orders}
      data-contracted-kg={tally.contractedKg}
      aria-live="polite"
    >
      <TallyCell label={t('pendingKg')} value={`${formatNumber(tally.pendingKg)} kg`} />
      <TallyCell label={t('confirmedKg')} value={`${formatNumber(tally.confirmedKg)} kg`} />
      {tally.contracts > 0 && <TallyCell label={t('contractedKg')} value={`${formatNumber(tally.contractedKg)} kg`} />}
      <TallyCell label={t('totalTonnes')} value={describeWeight(tally.totalTonnes * 1000, formatNumber, t('tonnes'))} />
      <TallyCell label={t('orderCount')} value={formatNumber(tally.orders, 0)} />
      {questionsWaiting !== undefined && (
        <div className="tally-cell" data-testid="questions-waiting" data-count={questionsWaiting}>
          <span className="tally-label">{t('questionsWaiting')}</span>
          <span className="tally-value">{formatNumber(questionsWaiting, 0)}</span>
        </div>
      )}
      {tally.unknownWeight > 0 && <p className="tally-note">{t('unknownWeight', { count: tally.unknownWeight })}</p>}
      <p className="tally-more" data-testid="tally-more" data-buyers={tally.buyers} data-confirmed-vnd={tally.confirmedVnd} data-total-vnd={tally.totalVnd}>
        {t('buyersAndValue', { buyers: formatNumber(tally.buyers, 0), confirmed: formatNumber(tally.confirmedVnd, 0), total: formatNumber(tally.totalVnd, 0) })}
        {Object.keys(tally.byProduct).length > 0 && (
          <>
            {' '}
            ·{' '}
            {Object.entries(tally.byProduct)
              .map(([code, kg]) => `${code} ${formatNumber(kg)} kg`)
              .join(' · ')}
          </>
        )}
      </p>
      {goalKg !== undefined && (
        <div className="goal" data-testid="goal" data-goal-kg={goalKg} data-progress={progress}>
          <span>{t('goalLine', { sold: formatNumber(soldKg / 1000, 3), goal: formatNumber(goalKg / 1000, 3), percent: progress })}</span>
          <div className="goal-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} aria-label={t('goal')}>
            <div style={{ width: `${progress}%` }} />
          </div>
        </div>
      )}
      {onGoal && (
        <form className="goal-form" onSubmit={saveGoal}>
          <label>
            <span>{t('goalTonnes')}</span>
            <input
              data-testid="goal-input"
              inputMode="decimal"
              value={goalText}
              placeholder={goalKg ? formatNumber(goalKg / 1000, 3) : ''}
              aria-invalid={Boolean(goalError)}
              onChange={(event) => setGoalText(event.target.value)}
            />
          </label>
          <button type="submit">{t('setGoal')}</button>
          {goalError && (
            <span role="alert" className="field-error">
              {goalError}
            </span>
          )}
        </form>
      )}
      {Object.keys(tally.byPlatform).length > 1 && (
        <ul className="tally-platforms">
          {PLATFORMS.filter((platform) => tally.byPlatform[platform]).map((platform) => (
            <li
              key={platform}
              data-testid="platform-tally"
              data-platform={platform}
              data-kg={tally.byPlatform[platform]!.kg}
              data-orders={tally.byPlatform[platform]!.orders}
            >
              {PLATFORM_LABELS[platform]}: {formatNumber(tally.byPlatform[platform]!.kg)} kg · {t('ordersCount', { count: tally.byPlatform[platform]!.orders })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
