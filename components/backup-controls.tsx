import { useState, type ChangeEvent } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { createBackup, MAX_BACKUP_BYTES } from '../utils/export/backup';
import { useI18n } from './i18n';
import { downloadFile } from './order-text';

/** Saves everything to a JSON file, and restores one (all or nothing, through the background). */
export function BackupControls({ db, run }: { db: ChotDatabase; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const save = async () => {
    downloadFile(`chot-backup-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(await createBackup(db)), 'application/json');
  };
  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) return setNotice({ text: t('restoreFailed', { error: `${Math.round(file.size / 1024 / 1024)} MB > 50 MB` }), error: true });
    const reply = await run({ type: 'restore-backup', json: await file.text() });
    setNotice(reply.ok ? { text: t('restored'), error: false } : { text: t('restoreFailed', { error: reply.error }), error: true });
  };
  return (
    <div className="table-tools" data-testid="backup">
      <button type="button" data-testid="save-backup" onClick={() => void save()}>{t('saveBackup')}</button>
      <label className="file-button">
        <span>{t('restoreBackup')}</span>
        <input type="file" accept=".json,application/json" data-testid="restore-backup" onChange={(event) => void restore(event)} />
      </label>
      {notice && <span role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'status'}>{notice.text}</span>}
    </div>
  );
}
