import { useState } from 'react';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { sampleReplySchema } from '../utils/messaging/commands';
import { sampleFile, sampleFileName } from '../utils/samples/page-sample';
import { downloadFile } from './order-text';
import { useI18n } from './i18n';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

/** Asks the reading frame for a page sample (names and texts already replaced there) and saves it as a file. */
export function SaveSampleButton({
  sendCommand,
  tabId,
  frameId,
}: {
  sendCommand: (command: PanelCommand) => Promise<CommandReply>;
  tabId: number;
  frameId: number;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ saved: string } | { failure: FailureText } | null>(null);
  const describe = useDescribeFailure();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const reply = await sendCommand({ type: 'save-sample', tabId, frameId });
      const parsed = sampleReplySchema.safeParse(reply);
      if (!parsed.success) {
        setStatus({ failure: describe('failSample', !reply.ok ? reply.error : 'malformed reply') });
        return;
      }
      const { sample } = parsed.data;
      const file = sampleFileName(sample);
      downloadFile(file, sampleFile(sample), 'text/html;charset=utf-8');
      setStatus({ saved: t('sampleSaved', { file, rows: sample.rows.total }) });
    } catch (failure) {
      setStatus({ failure: describe('failSample', failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="health-sample">
      <button type="button" data-testid="save-sample" title={t('saveSampleHelp')} disabled={busy} onClick={() => void save()}>
        {t('saveSample')}
      </button>
      {status &&
        ('saved' in status ? (
          <span role="status" data-testid="sample-status">
            {' '}
            {status.saved}
          </span>
        ) : (
          <FailureNotice failure={status.failure} testId="sample-status" inline />
        ))}
    </p>
  );
}
