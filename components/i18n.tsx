import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../utils/store/records';
import { numberLocale, translate, type MessageKey } from '../utils/i18n/messages';

export interface I18n {
  language: Language;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  formatNumber: (value: number, maximumFractionDigits?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const locale = numberLocale(language);
    // A formatter is costly to make and every row formats numbers: one per precision, made once.
    const formats = new Map<number, Intl.NumberFormat>();
    const formatOf = (digits: number) =>
      formats.get(digits) ?? formats.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).get(digits)!;
    return {
      language,
      t: (key, params) => translate(language, key, params),
      formatNumber: (value, maximumFractionDigits = 2) => formatOf(maximumFractionDigits).format(value),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
