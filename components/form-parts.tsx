import type { HTMLAttributes } from 'react';
import type { MessageKey } from '../utils/i18n/messages';
import type { FailureText } from '../utils/i18n/failure-text';
import { FailureNotice } from './failure-notice';
import { useI18n } from './i18n';

/** A labelled text input with its field's failure beside it, as every editor form shows one. */
export function TextField({
  label,
  testId,
  value,
  error,
  onChange,
  type = 'text',
  inputMode,
}: {
  label: MessageKey;
  testId: string;
  value: string;
  error: FailureText | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const { t } = useI18n();
  return (
    <label>
      <span>{t(label)}</span>
      <input
        data-testid={testId}
        type={type}
        inputMode={inputMode}
        value={value}
        aria-invalid={Boolean(error)}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && <FailureNotice failure={error} className="field-error" inline />}
    </label>
  );
}

/** Save (the form's submit) and Cancel, the last row of every editor form. */
export function SaveCancelButtons({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="editor-buttons">
      <button type="submit" className="confirm">
        {t('save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
