import { memo, useEffect, useMemo, useState } from 'react';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import type { ReaderWarning, TabHealth } from '../utils/messaging/reader-health';
import type { MessageKey } from '../utils/i18n/messages';
import { healthReplySchema } from '../utils/messaging/commands';
import { PLATFORM_LABELS, type Platform } from '../utils/platforms/platform';
import { useI18n } from './i18n';
import { SaveSampleButton } from './save-sample-button';

/** What to say, and for the warnings whose remedy depends on the site, what to do there. */
const WARNING_TEXT: Record<ReaderWarning['kind'], MessageKey | Record<Platform, MessageKey>> = {
  'no-chat-list': 'warningNoChatList',
  'rows-not-read': 'warningRowsNotRead',
  'empty-fields': 'warningEmptyFields',
  'filtered-chat': 'warningFilteredChat',
  'quiet-chat': { youtube: 'warningQuietYoutube', facebook: 'warningQuietFacebook', tiktok: 'warningQuietTiktok' },
  'chat-closed': { youtube: 'warningChatClosedYoutube', tiktok: 'warningChatClosedTiktok', facebook: 'warningChatClosed' },
  'login-needed': { youtube: 'warningLogin', tiktok: 'warningLoginTiktok', facebook: 'warningLoginFacebook' },
};

const textKey = (kind: ReaderWarning['kind'], platform: Platform): MessageKey => {
  const entry = WARNING_TEXT[kind];
  return typeof entry === 'string' ? entry : entry[platform];
};

/** Asks the background what each reading tab reports, every few seconds while the panel is open. */
function useTabHealth(sendCommand: (command: PanelCommand) => Promise<CommandReply>, everyMs: number): TabHealth[] | undefined {
  const [tabs, setTabs] = useState<TabHealth[]>();
  useEffect(() => {
    let active = true;
    const poll = async () => {
      try {
        const reply = healthReplySchema.safeParse(await sendCommand({ type: 'get-health' }));
        if (active && reply.success) setTabs(reply.data.tabs);
      } catch {
        // the background is restarting; the next poll will tell
      }
    };
    void poll();
    const timer = setInterval(poll, everyMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [sendCommand, everyMs]);
  return tabs;
}

/**
 * Per tab: what is read, how much, and in plain words what stopped working. Drawn again only when its
 * poll answers or its props change, not on every new order the panel shows.
 */
export const HealthView = memo(function HealthView({
  sendCommand,
  everyMs = 2000,
}: {
  sendCommand: (command: PanelCommand) => Promise<CommandReply>;
  everyMs?: number;
}) {
  const { t, formatNumber, language } = useI18n();
  const tabs = useTabHealth(sendCommand, everyMs);
  const time = useMemo(
    () => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    [language],
  );
  /** A quiet chat's detail is its silence in seconds. */
  const duration = (detail: string) => {
    const seconds = Number.parseInt(detail, 10) || 0;
    return seconds < 60 ? t('durationSeconds', { seconds }) : t('durationMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  };
  if (!tabs) return null;
  return (
    <section className="health" data-testid="health" aria-label={t('readingTabs')}>
      <h2>{t('readingTabs')}</h2>
      {tabs.length === 0 && <p className="empty">{t('noReadingTabs')}</p>}
      {tabs.map((tab) => {
        const platform = PLATFORM_LABELS[tab.platform];
        const skipped = Object.entries(tab.skipped)
          .filter(([, count]) => count > 0)
          .map(([reason, count]) => `${reason} ${count}`)
          .join(', ');
        return (
          <article
            key={`${tab.tabId}:${tab.frameId}`}
            className="health-tab"
            data-testid="health-tab"
            data-platform={tab.platform}
            data-rows={tab.rowsSeen}
            data-warnings={tab.warnings.map((w) => w.kind).join(' ')}
          >
            <p className="health-line">
              <strong>{platform}</strong> · {tab.title ?? tab.host ?? tab.streamKey ?? '—'}: {t('rowsRead', { count: formatNumber(tab.rowsSeen, 0) })}
              {tab.lastRowAt !== null && <> · {t('lastRowAt', { time: time.format(tab.lastRowAt) })}</>}
              {skipped && <> · {t('skippedRows', { list: skipped })}</>}
            </p>
            {tab.warnings.map((warning) => (
              <p key={warning.kind} role="alert" className="health-warning" data-kind={warning.kind}>
                {t(textKey(warning.kind, tab.platform), {
                  platform,
                  detail: warning.detail,
                  ...(warning.kind === 'quiet-chat' ? { duration: duration(warning.detail) } : {}),
                })}
              </p>
            ))}
            <SaveSampleButton sendCommand={sendCommand} tabId={tab.tabId} frameId={tab.frameId} />
          </article>
        );
      })}
    </section>
  );
});
