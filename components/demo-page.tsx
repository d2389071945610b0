import { useEffect, useRef, useState } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { usePageLanguage } from './use-page-language';
import type { Language } from '../utils/store/records';
import type { ChatReader } from '../utils/chat-reader/chat-reader';
import { DEMO_ROWS, clearDemoChat, type ChatFixture } from '../utils/demo/demo-chat';
import { DEMO_SPEEDS, playDemoChat } from '../utils/demo/demo-player';
import { DEMO_STREAM } from '../utils/demo/demo-stream';

export interface DemoPageProps {
  browserLanguages: readonly string[];
  /** The element holding the YouTube-shaped chat, and its row builder. */
  chat: HTMLElement;
  fixture: ChatFixture;
  startReader: () => ChatReader;
}

export function DemoPage(props: DemoPageProps) {
  const { language, chosen, choose } = usePageLanguage(props.browserLanguages);
  return (
    <I18nProvider language={language}>
      <Demo {...props} chosen={chosen} onLanguage={choose} />
    </I18nProvider>
  );
}

function Demo({
  chat,
  fixture,
  startReader,
  chosen,
  onLanguage,
}: DemoPageProps & { chosen: Language | null; onLanguage: (language: Language | null) => void }) {
  const { t, language } = useI18n();
  const [speed, setSpeed] = useState<number>(1);
  const [shown, setShown] = useState<number | null>(null);
  const reader = useRef<ChatReader | null>(null);
  const stopPlaying = useRef<(() => void) | null>(null);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(
    () => () => {
      stopPlaying.current?.();
      reader.current?.stop();
    },
    [],
  );

  const play = () => {
    // Each play is a fresh chat and a fresh reader, as when a chat page is opened again.
    stopPlaying.current?.();
    reader.current?.stop();
    clearDemoChat(chat);
    reader.current = startReader();
    setShown(0);
    stopPlaying.current = playDemoChat({
      rows: DEMO_ROWS,
      speed,
      add: (row) => {
        fixture.add(row);
        chat.scrollTop = chat.scrollHeight; // the newest comment in view, as YouTube's chat keeps it
      },
      onProgress: setShown,
    });
  };
  const total = DEMO_ROWS.length;
  const playing = shown !== null && shown < total;

  return (
    <main className="welcome demo" data-testid="demo" data-language={language}>
      <header className="welcome-header">
        <p className="demo-badge" data-testid="demo-badge">
          {t('demoBadge')}
        </p>
        <LanguageSwitch chosen={chosen} onChange={onLanguage} />
      </header>
      <h1>{DEMO_STREAM.title}</h1>
      <ol className="demo-steps">
        <li>{t('demoStepPanel')}</li>
        <li>{t('demoStepPlay')}</li>
        <li>{t('demoStepDecide')}</li>
      </ol>
      <div className="demo-controls">
        <label>
          <span>{t('demoSpeed')}</span>
          <select data-testid="demo-speed" value={speed} disabled={playing} onChange={(event) => setSpeed(Number(event.target.value))}>
            {DEMO_SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="demo-play" disabled={playing} onClick={play}>
          {shown !== null && !playing ? t('demoPlayAgain') : t('demoPlay')}
        </button>
        <span role="status" data-testid="demo-progress" data-shown={shown ?? 0} data-total={total}>
          {shown === null ? '' : playing ? t('demoPlaying', { shown, total }) : t('demoDone', { total })}
        </span>
      </div>
      {shown !== null && !playing && <p className="welcome-note">{t('demoAgainNote')}</p>}
    </main>
  );
}
