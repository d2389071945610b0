import type { Language } from '../utils/store/records';
import { useI18n } from './i18n';

export function LanguageSwitch({ chosen, onChange }: { chosen: Language | null; onChange: (language: Language | null) => void }) {
  const { t } = useI18n();
  return (
    <label className="language-switch">
      <span>{t('language')}</span>
      <select
        data-testid="language"
        value={chosen ?? 'auto'}
        onChange={(event) => onChange(event.target.value === 'auto' ? null : (event.target.value as Language))}
      >
        <option value="auto">{t('languageAuto')}</option>
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
