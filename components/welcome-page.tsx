import { useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { usePageLanguage } from './use-page-language';
import type { Language } from '../utils/store/records';
import type { MessageKey } from '../utils/i18n/messages';

const SITES: MessageKey[] = ['welcomeSiteYoutube', 'welcomeSiteTiktok', 'welcomeSiteFacebook'];
const FILTERS: MessageKey[] = ['welcomeFilterYoutube', 'welcomeFilterFacebook', 'welcomeFilterTiktok'];

/** Shown once, when Chốt is installed: what it does, where, how to open it, what to set, and the demo. */
export function WelcomePage({ browserLanguages }: { browserLanguages: readonly string[] }) {
  const { language, chosen, choose } = usePageLanguage(browserLanguages);
  return (
    <I18nProvider language={language}>
      <Welcome chosen={chosen} onLanguage={choose} />
    </I18nProvider>
  );
}

function Welcome({ chosen, onLanguage }: { chosen: Language | null; onLanguage: (language: Language | null) => void }) {
  const { t, language } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('welcomeTitle');
  }, [language, t]);
  return (
    <main className="welcome" data-testid="welcome" data-language={language}>
      <header className="welcome-header">
        <h1>{t('welcomeTitle')}</h1>
        <LanguageSwitch chosen={chosen} onChange={onLanguage} />
      </header>
      <p className="welcome-lead">{t('welcomeWhat')}</p>
      <section>
        <h2>{t('welcomeSites')}</h2>
        <ul>
          {SITES.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('welcomePanelTitle')}</h2>
        <p>{t('welcomePanel')}</p>
      </section>
      <section>
        <h2>{t('welcomeFiltersTitle')}</h2>
        <ul>
          {FILTERS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p className="welcome-note">{t('welcomeFiltersWarn')}</p>
      </section>
      <section className="welcome-demo">
        <h2>{t('welcomeDemoTitle')}</h2>
        <p>{t('welcomeDemo')}</p>
        <a className="welcome-demo-link" data-testid="open-demo" href="demo.html" target="_blank" rel="noreferrer">
          {t('welcomeDemoLink')}
        </a>
      </section>
    </main>
  );
}
