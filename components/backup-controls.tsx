import { useState, type ChangeEvent } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { backupParts, MAX_BACKUP_BYTES, readBackup } from '../utils/export/backup';
import { sendBackup } from '../utils/export/backup-transfer';
import { yieldToPage } from '../utils/import/chat-log';
import { useI18n } from './i18n';
import { FailureNotice } from './failure-notice';
import { failureDetail } from '../utils/i18n/failure-text';
import { downloadFile } from './order-text';

type Progress = { phase: 'saving' | 'checking' | 'sending' | 'writing'; done: number; total: number };

const PROGRESS_KEYS = { saving: 'backupSaving', checking: 'restoreChecking', sending: 'restoreSending', writing: 'restoreWriting' } as const;

/**
 * Saves everything to a JSON file (built in pieces, never one giant string), and restores one: checked
 * whole in the page, sent to the background in chunks of a few MiB, written all or nothing.
 */
export function BackupControls({ db, run }: { db: ChotDatabase; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t, formatNumber } = useI18n();
  const [notice, setNotice] = useState<{ text: string; error: boolean; detail?: string } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const save = async () => {
    setNotice(null);
    try {
      const parts = await backupParts(db, { onProgress: (done, total) => setProgress({ phase: 'saving', done, total }) });
      downloadFile(`chot-backup-${new Date().toISOString().slice(0, 10)}.json`, parts, 'application/json');
    } catch (error) {
      setNotice({ text: t('backupFailed'), error: true, detail: failureDetail(error) });
    } finally {
      setProgress(null);
    }
  };
  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const fail = (error: string) => setNotice({ text: t('restoreFailed'), error: true, detail: error });
    if (file.size > MAX_BACKUP_BYTES) return fail(`${Math.round(file.size / 1024 / 1024)} MB > ${MAX_BACKUP_BYTES / 1024 / 1024} MB`);
    setNotice(null);
    try {
      setProgress({ phase: 'checking', done: 0, total: 1 });
      const text = await file.text();
      await yieldToPage();
      const read = readBackup(text);
      if (!read.ok) return fail(read.error);
      const reply = await sendBackup(read.backup, run, { onProgress: (step) => setProgress(step) });
      if (reply.ok) setNotice({ text: t('restored'), error: false });
      else fail(reply.error);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="table-tools" data-testid="backup">
      <button type="button" data-testid="save-backup" disabled={progress !== null} onClick={() => void save()}>
        {t('saveBackup')}
      </button>
      <label className="file-button">
        <span>{t('restoreBackup')}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="restore-backup"
          disabled={progress !== null}
          onChange={(event) => void restore(event)}
        />
      </label>
      {progress && (
        <span className="import-progress" role="status" data-testid="backup-progress">
          <progress max={progress.total} value={progress.done} />
          {t(PROGRESS_KEYS[progress.phase], { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
        </span>
      )}
      {notice &&
        (notice.error ? (
          <FailureNotice inline failure={{ sentence: notice.text, ...(notice.detail ? { detail: notice.detail } : {}) }} />
        ) : (
          <span role="status" className="status">
            {notice.text}
          </span>
        ))}
    </div>
  );
}
