import { useState } from 'react';
import type { Broadcast } from '../utils/store/broadcasts';
import type { PanelCommand } from '../utils/messaging/commands';
import { useI18n } from './i18n';
import { useStreamLabel } from './stream-picker';

export interface BroadcastStreamsProps {
  broadcast: Broadcast;
  others: Broadcast[];
  run: (command: PanelCommand) => void;
}

/** The streams counted together, with joining another platform's stream in and taking one out. */
export function BroadcastStreams({ broadcast, others, run }: BroadcastStreamsProps) {
  const { t } = useI18n();
  const label = useStreamLabel();
  const [joining, setJoining] = useState('');
  const chosen = others.find((other) => other.id === joining) ?? others[0];
  return (
    <section className="broadcast" aria-label={t('streamsCounted')}>
      {broadcast.streams.length > 1 && (
        <ul className="broadcast-streams" data-testid="broadcast-streams">
          {broadcast.streams.map((stream) => (
            <li key={stream.id}>
              <span>{label(stream)}</span>
              <button
                type="button"
                onClick={() => run({ type: 'split-stream', streamId: stream.id })}
                aria-label={t('separateStream', { name: label(stream) })}
              >
                {t('separate')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <div className="join">
          <select data-testid="join-choice" aria-label={t('joinChoice')} value={chosen.id} onChange={(event) => setJoining(event.target.value)}>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.streams.map(label).join(' + ')}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="join-button"
            onClick={() => run({ type: 'join-stream', broadcastId: broadcast.id, streamId: chosen.streams[0]!.id })}
          >
            {t('joinStream')}
          </button>
        </div>
      )}
    </section>
  );
}
