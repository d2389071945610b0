import type { StreamRecord } from '../utils/store/records';
import type { Broadcast } from '../utils/store/broadcasts';
import { PLATFORM_LABELS } from '../utils/platforms/platform';
import { useI18n } from './i18n';

export function useStreamLabel(): (stream: StreamRecord) => string {
  const { t } = useI18n();
  return (stream) => `${PLATFORM_LABELS[stream.platform]} · ${stream.title ?? stream.host ?? t('untitledStream', { key: stream.streamKey })}`;
}

/** Picks the broadcast being tallied: one stream, or streams of several platforms joined together. */
export function StreamPicker({ broadcasts, selectedId, onSelect }: { broadcasts: Broadcast[]; selectedId: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const label = useStreamLabel();
  return (
    <label className="stream-picker">
      <span>{t('stream')}</span>
      <select data-testid="stream-picker" value={selectedId} onChange={(event) => onSelect(event.target.value)}>
        {broadcasts.map((broadcast) => (
          <option key={broadcast.id} value={broadcast.id}>
            {broadcast.streams.map(label).join(' + ')}
          </option>
        ))}
      </select>
    </label>
  );
}
