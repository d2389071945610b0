import { useState } from 'react';
import type { StreamRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { useI18n } from './i18n';

/** Every stream: rename, end, reopen, and delete after a confirmation that says what goes with it. */
export function StreamsList({
  streams,
  orderCounts,
  run,
}: {
  streams: StreamRecord[];
  orderCounts: Map<string, number>;
  run: (command: PanelCommand) => Promise<CommandReply>;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <details className="contracts" data-testid="streams">
      <summary>{t('streams')}</summary>
      <ul className="contract-list">
        {streams.map((stream) => (
          <li key={stream.id} data-testid="stream" data-id={stream.id} data-ended={Boolean(stream.endedAt)}>
            <span className={`order-platform platform-${stream.platform}`}>{PLATFORM_LABELS[stream.platform]}</span>
            <input
              aria-label={t('streamTitle')}
              defaultValue={stream.title ?? ''}
              placeholder={stream.streamKey}
              maxLength={300}
              onBlur={(event) =>
                event.target.value !== (stream.title ?? '') && void run({ type: 'update-stream', streamId: stream.id, title: event.target.value })
              }
              onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
            />
            {stream.endedAt && <span>{t('ended')}</span>}
            <button type="button" onClick={() => void run({ type: 'update-stream', streamId: stream.id, ended: !stream.endedAt })}>
              {stream.endedAt ? t('reopenStream') : t('endStream')}
            </button>
            {confirming === stream.id ? (
              <span role="alertdialog" aria-label={t('confirmDelete', { count: orderCounts.get(stream.id) ?? 0 })}>
                {t('confirmDelete', { count: orderCounts.get(stream.id) ?? 0 })}
                <button
                  type="button"
                  className="reject"
                  data-testid="confirm-delete"
                  onClick={() => {
                    setConfirming(null);
                    void run({ type: 'delete-stream', streamId: stream.id });
                  }}
                >
                  {t('yesDelete')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('cancel')}
                </button>
              </span>
            ) : (
              <button type="button" className="reject" data-testid="delete-stream" onClick={() => setConfirming(stream.id)}>
                {t('deleteStream')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
