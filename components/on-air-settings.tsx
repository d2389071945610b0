import { memo, useEffect, useState } from 'react';
import type { OnAirSettings } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PRESENTER_BACKGROUNDS } from '../utils/store/records';
import { PLATFORM_LABELS, PLATFORMS } from '../utils/platforms/platform';
import { useI18n } from './i18n';

const BACKGROUND_LABEL = { transparent: 'bgTransparent', dark: 'bgDark', green: 'bgGreen' } as const;

/** What shows on the stream pages and in the presenter view; each change is saved at once. */
export const OnAirSettingsPanel = memo(function OnAirSettingsPanel({
  onAir: stored,
  broadcastId,
  run,
}: {
  onAir: OnAirSettings;
  broadcastId: string | null;
  run: (command: PanelCommand) => Promise<CommandReply>;
}) {
  const { t } = useI18n();
  // Shown as chosen at once, and each change builds on the previous one even before the store answers.
  const [onAir, setOnAir] = useState(stored);
  useEffect(() => setOnAir(stored), [stored]);
  const save = (changes: Partial<OnAirSettings>) => {
    const next = { ...onAir, ...changes };
    setOnAir(next);
    void run({ type: 'save-settings', changes: { onAir: next } });
  };
  return (
    <details className="contracts" data-testid="on-air-settings">
      <summary>{t('onAirSettings')}</summary>
      <div className="product-form">
        {PLATFORMS.map((platform) => (
          <label key={platform} className="check">
            <input
              type="checkbox"
              checked={onAir.sites[platform]}
              data-testid={`on-air-site-${platform}`}
              onChange={(event) => save({ sites: { ...onAir.sites, [platform]: event.target.checked } })}
            />
            <span>{t('onAirSite', { site: PLATFORM_LABELS[platform] })}</span>
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={onAir.badges} data-testid="on-air-badges" onChange={(event) => save({ badges: event.target.checked })} />
          <span>{t('onAirBadges')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={onAir.fullNames} data-testid="on-air-full-names" onChange={(event) => save({ fullNames: event.target.checked })} />
          <span>{t('onAirFullNames')}</span>
        </label>
        <label>
          <span>{t('presenterBackground')}</span>
          <select
            value={onAir.presenterBackground}
            data-testid="presenter-background"
            onChange={(event) => save({ presenterBackground: event.target.value as OnAirSettings['presenterBackground'] })}
          >
            {PRESENTER_BACKGROUNDS.map((background) => (
              <option key={background} value={background}>
                {t(BACKGROUND_LABEL[background])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('presenterLanguage')}</span>
          <select
            value={onAir.presenterLanguage ?? ''}
            data-testid="presenter-language"
            onChange={(event) => save({ presenterLanguage: event.target.value === 'vi' || event.target.value === 'en' ? event.target.value : null })}
          >
            <option value="">{t('sameAsPanel')}</option>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        {broadcastId && (
          <a href={`presenter.html?broadcast=${encodeURIComponent(broadcastId)}`} target="_blank" rel="noreferrer" data-testid="open-presenter">
            {t('openPresenter')}
          </a>
        )}
      </div>
    </details>
  );
});
