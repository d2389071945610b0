import { useState, type FormEvent } from 'react';
import type { Settings } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { settingsSchema } from '../utils/store/records';
import { useI18n } from './i18n';
import { TextField } from './form-parts';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

const editable = settingsSchema.pick({ repeatWindowSeconds: true, contractThresholdKg: true });

/** The settings an assistant may change during a stream, checked before they are sent. */
export function SettingsPanel({ settings, run }: { settings: Settings; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t } = useI18n();
  const describe = useDescribeFailure();
  const [repeat, setRepeat] = useState(String(settings.repeatWindowSeconds));
  const [threshold, setThreshold] = useState(String(settings.contractThresholdKg));
  const [errors, setErrors] = useState<{ repeat?: FailureText; threshold?: FailureText }>({});
  const [failure, setFailure] = useState<FailureText | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = editable.safeParse({ repeatWindowSeconds: Number(repeat), contractThresholdKg: Number(threshold.replace(',', '.')) });
    if (!changes.success) {
      const paths = new Set(changes.error.issues.map((issue) => issue.path[0]));
      const invalid = { sentence: t('errSetting') };
      return setErrors({
        ...(paths.has('repeatWindowSeconds') ? { repeat: invalid } : {}),
        ...(paths.has('contractThresholdKg') ? { threshold: invalid } : {}),
      });
    }
    setErrors({});
    const reply = await run({ type: 'save-settings', changes: changes.data });
    setFailure(reply.ok ? null : describe('failSave', reply.error));
  };

  return (
    <details className="contracts" data-testid="settings">
      <summary>{t('settings')}</summary>
      <form className="product-form" onSubmit={save}>
        <TextField label="repeatWindow" testId="setting-repeat" inputMode="numeric" value={repeat} error={errors.repeat} onChange={setRepeat} />
        <TextField
          label="contractThreshold"
          testId="setting-threshold"
          inputMode="decimal"
          value={threshold}
          error={errors.threshold}
          onChange={setThreshold}
        />
        {failure && <FailureNotice failure={failure} />}
        <div className="editor-buttons">
          <button type="submit" className="confirm">
            {t('save')}
          </button>
        </div>
      </form>
    </details>
  );
}
