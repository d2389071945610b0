import { useState, type FormEvent } from 'react';
import type { Settings } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { settingsSchema } from '../utils/store/records';
import { useI18n } from './i18n';

const editable = settingsSchema.pick({ repeatWindowSeconds: true, contractThresholdKg: true });

/** The settings an assistant may change during a stream, checked before they are sent. */
export function SettingsPanel({ settings, run }: { settings: Settings; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t } = useI18n();
  const [repeat, setRepeat] = useState(String(settings.repeatWindowSeconds));
  const [threshold, setThreshold] = useState(String(settings.contractThresholdKg));
  const [errors, setErrors] = useState<{ repeat?: string; threshold?: string }>({});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = editable.safeParse({ repeatWindowSeconds: Number(repeat), contractThresholdKg: Number(threshold.replace(',', '.')) });
    if (!changes.success) {
      const paths = new Set(changes.error.issues.map((issue) => issue.path[0]));
      return setErrors({
        ...(paths.has('repeatWindowSeconds') ? { repeat: t('errSetting') } : {}),
        ...(paths.has('contractThresholdKg') ? { threshold: t('errSetting') } : {}),
      });
    }
    setErrors({});
    await run({ type: 'save-settings', changes: changes.data });
  };

  return (
    <details className="contracts" data-testid="settings">
      <summary>{t('settings')}</summary>
      <form className="product-form" onSubmit={save}>
        <label>
          <span>{t('repeatWindow')}</span>
          <input
            data-testid="setting-repeat"
            inputMode="numeric"
            value={repeat}
            aria-invalid={Boolean(errors.repeat)}
            onChange={(event) => setRepeat(event.target.value)}
          />
          {errors.repeat && (
            <span role="alert" className="field-error">
              {errors.repeat}
            </span>
          )}
        </label>
        <label>
          <span>{t('contractThreshold')}</span>
          <input
            data-testid="setting-threshold"
            inputMode="decimal"
            value={threshold}
            aria-invalid={Boolean(errors.threshold)}
            onChange={(event) => setThreshold(event.target.value)}
          />
          {errors.threshold && (
            <span role="alert" className="field-error">
              {errors.threshold}
            </span>
          )}
        </label>
        <div className="editor-buttons">
          <button type="submit" className="confirm">
            {t('save')}
          </button>
        </div>
      </form>
    </details>
  );
}
