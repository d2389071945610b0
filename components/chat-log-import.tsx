import { useRef, useState, type ChangeEvent } from 'react';
import { Dexie } from 'dexie';
import type { ChotDatabase } from '../utils/store/db';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../utils/platforms/platform';
import { MAX_CHAT_LOG_BYTES, ReadCancelled } from '../utils/import/chat-log';
import type { Refusal, RefusalReason } from '../utils/import/import-entry';
import type { MessageKey } from '../utils/i18n/messages';
import { importedStreamClaim, readChatLog } from '../utils/import/read-chat-log';
import { sendChatLog } from '../utils/import/send-chat-log';
import { streamIdOf } from '../utils/store/ingest';
import { dateInputValue, localDay } from '../utils/export/export-request';
import { useI18n } from './i18n';
import { FailureNotice } from './failure-notice';

type Progress = { phase: 'reading' | 'sending'; done: number; total: number };
type Notice = { text: string; error: boolean; detail?: string };

const todayInput = () => dateInputValue(new Date());

const REFUSAL_KEYS: Record<RefusalReason, MessageKey> = {
  time: 'refusalTime',
  id: 'refusalId',
  text: 'refusalText',
  author: 'refusalAuthor',
  quote: 'refusalQuote',
  columns: 'refusalColumns',
  notChat: 'refusalNotChat',
  entry: 'refusalEntry',
};

/**
 * Imports a past stream's chat log: read and checked in the page first (nothing written if the file is bad),
 * then handed to the background in batches like live chat, with progress and a cancel button.
 */
export function ChatLogImport({ db, run }: { db: ChotDatabase; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t, formatNumber } = useI18n();
  const [platform, setPlatform] = useState<Platform>('youtube');
  const [day, setDay] = useState(todayInput);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const controller = useRef<AbortController | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const fail = (error: string, refusal?: Refusal) =>
      setNotices([
        {
          ...(refusal
            ? { text: t('importRefused', { line: formatNumber(refusal.line), reason: t(REFUSAL_KEYS[refusal.reason]), detail: refusal.detail }) }
            : { text: t('importLogFailed'), detail: error }),
          error: true,
        },
      ]);
    if (file.size > MAX_CHAT_LOG_BYTES) return fail(`${formatNumber(file.size / 1024 / 1024, 0)} MB > ${MAX_CHAT_LOG_BYTES / 1024 / 1024} MB`);
    const abort = new AbortController();
    controller.current = abort;
    setNotices([]);
    try {
      setProgress({ phase: 'reading', done: 0, total: 1 });
      const read = await readChatLog(await file.text(), {
        platform,
        day: localDay(day) ?? localDay(todayInput())!,
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ phase: 'reading', done, total }),
      });
      if (!read.ok) return fail(read.error, read.refusal);
      const stream = importedStreamClaim(read.log, file.name, read.key);
      const total = read.log.messages.length;
      setProgress({ phase: 'sending', done: 0, total });
      const sent = await sendChatLog(read.log, stream, run, {
        signal: abort.signal,
        progressOf: (id) => db.imports.get(id),
        onProgress: (done) => setProgress({ phase: 'sending', done, total }),
      });
      const counts = { done: formatNumber(sent.done), total: formatNumber(total) };
      const resumed = sent.resumedFrom > 0 ? [{ text: t('importResumed', { done: formatNumber(sent.resumedFrom), total: counts.total }), error: false }] : [];
      // Say exactly what is stored: nothing, or the steps before the stop (the same file finishes it).
      if (sent.error)
        return setNotices(
          sent.done > 0
            ? [{ text: t('importInterrupted', counts), error: true, detail: sent.error }]
            : [{ text: t('importLogFailed'), error: true, detail: sent.error }],
        );
      const streamId = streamIdOf(stream);
      if (sent.sent > 0) await run({ type: 'update-stream', streamId, ended: true });
      const orders = await db.orders.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).count();
      const skipped = Object.values(read.log.skipped).reduce((sum, n) => sum + n, 0);
      setNotices([
        sent.cancelled
          ? { text: t('importCancelled', { sent: counts.done, total: counts.total }), error: false }
          : {
              text: t('importDone', {
                title: stream.title ?? stream.key,
                messages: formatNumber(total),
                stored: formatNumber(sent.stored + sent.resumedFrom),
                duplicates: formatNumber(sent.duplicates),
                orders: formatNumber(orders),
              }),
              error: false,
            },
        ...resumed,
        ...(skipped > 0 ? [{ text: t('importSkipped', { count: formatNumber(skipped) }), error: false }] : []),
      ]);
    } catch (error) {
      if (error instanceof ReadCancelled) setNotices([{ text: t('importCancelled', { sent: 0, total: '?' }), error: false }]);
      else fail(String(error));
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <section className="chat-log-import" data-testid="chat-log-import" aria-labelledby="chat-log-import-title">
      <h2 id="chat-log-import-title">{t('importChatLog')}</h2>
      <p className="hint">{t('importHint')}</p>
      <div className="table-tools">
        <label>
          {t('importPlatform')}{' '}
          <select value={platform} disabled={busy} onChange={(event) => setPlatform(event.target.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('importDay')} <input type="date" value={day} disabled={busy} onChange={(event) => setDay(event.target.value || todayInput())} />
        </label>
        <label className="file-button">
          <span>{t('chooseLogFile')}</span>
          <input
            type="file"
            accept=".json,.jsonl,.csv,.txt,.log,application/json,text/csv,text/plain"
            data-testid="import-chat-log"
            disabled={busy}
            onChange={(event) => void importFile(event)}
          />
        </label>
      </div>
      {progress && (
        <div className="import-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('importChatLog')} />
          <span data-testid="import-progress">
            {t(progress.phase === 'reading' ? 'importReading' : 'importSending', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
          </span>
          <button type="button" data-testid="cancel-import" onClick={() => controller.current?.abort()}>
            {t('cancel')}
          </button>
        </div>
      )}
      {notices.map((notice) =>
        notice.error ? (
          <FailureNotice key={notice.text} testId="import-result" failure={{ sentence: notice.text, ...(notice.detail ? { detail: notice.detail } : {}) }} />
        ) : (
          <p key={notice.text} role="status" className="status" data-testid="import-result">
            {notice.text}
          </p>
        ),
      )}
    </section>
  );
}
