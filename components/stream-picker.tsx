import type { StreamRecord } from '../utils/store/records';
import { useI18n } from './i18n';

export function streamLabel(stream: StreamRecord, untitled: string): string {
  return stream.title ?? untitled;
}

export function StreamPicker({ streams, selectedId, onSelect }: { streams: StreamRecord[]; selectedId: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="stream-picker">
      <span>{t('stream')}</span>
      <select data-testid="stream-picker" value={selectedId} onChange={(event) => onSelect(event.target.value)}>
        {streams.map((stream) => (
          <option key={stream.id} value={stream.id}>
            {streamLabel(stream, t('untitledStream', { videoId: stream.videoId }))}
          </option>
        ))}
      </select>
    </label>
  );
}
