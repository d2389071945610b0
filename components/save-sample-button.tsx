import { useState } from 'react';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { sampleReplySchema } from '../utils/messaging/commands';
import { sampleFile, sampleFileName } from '../utils/samples/page-sample';
import { downloadFile } from './order-text';
import { useI18n } from './i18n';

/** Asks the reading frame for a page sample (names and texts already replaced there) and saves it as a file. */
export function SaveSampleButton({ sendCommand, tabId, frameId }: { sendCommand: (command: PanelCommand) => Promise<CommandReply>; tabId: number; frameId: number }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const reply = await sendCommand({ type: 'save-sample', tabId, frameId });
      const parsed = sampleReplySchema.safeParse(reply);
      if (!parsed.success) {
        setStatus({ ok: false, text: t('sampleFailed', { error: !reply.ok ? reply.error : 'malformed reply' }) });
        return;
      }
      const { sample } = parsed.data;
      const file = sampleFileName(sample);
      downloadFile(file, sampleFile(sample), 'text/html;charset=utf-8');
      setStatus({ ok: true, text: t('sampleSaved', { file, rows: sample.rows.total }) });
    } catch (failure) {
      setStatus({ ok: false, text: t('sampleFailed', { error: failure instanceof Error ? failure.message : String(failure) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="health-sample">
      <button type="button" data-testid="save-sample" title={t('saveSampleHelp')} disabled={busy} onClick={() => void save()}>
        {t('saveSample')}
      </button>
      {status && <span role={status.ok ? 'status' : 'alert'} data-testid="sample-status"> {status.text}</span>}
    </p>
  );
}
