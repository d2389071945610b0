import { useState } from 'react';
import type { Language } from '../utils/store/records';
import { browserLanguage } from '../utils/i18n/messages';

/** A page's language: the browser's, until the reader picks one with the switch (null: the browser's again). */
export function usePageLanguage(browserLanguages: readonly string[]) {
  const [chosen, setChosen] = useState<Language | null>(null);
  return { language: chosen ?? browserLanguage(browserLanguages), chosen, choose: setChosen };
}
