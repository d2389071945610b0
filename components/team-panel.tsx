import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { OrderRecord } from '../utils/store/records';
import type { TeamCommand, TeamReply } from '../utils/team/team-commands';
import { originPatternOf } from '../utils/team/team-commands';
import { teamKeySchema, teamUrlSchema } from '../utils/team/team-records';
import { tiktokDoubleReaders, type TeamStatus } from '../utils/team/team-status';
import { useI18n } from './i18n';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

export interface TeamPanelDeps {
  connect: () => import('./use-team-status').TeamPortLike;
  /** browser.permissions.request for the server's address; must run in the click itself. */
  requestPermission: (pattern: string) => Promise<boolean>;
  send: (command: TeamCommand) => Promise<TeamReply>;
}

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return url ?? '';
  }
};

/** The key as a QR code (an SVG image made here, from the key only: nothing is fetched). */
function KeyCode({ value }: { value: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    );
    return () => {
      live = false;
    };
  }, [value]);
  return src ? <img className="team-qr" src={src} width={160} height={160} alt="" data-testid="team-qr" /> : null;
}

function TeamForm({ deps }: { deps: TeamPanelDeps }) {
  const { t } = useI18n();
  const [role, setRole] = useState<'host' | 'assistant'>('assistant');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<FailureText | null>(null);
  const describe = useDescribeFailure();
  const turnOn = () => {
    const address = teamUrlSchema.safeParse(url);
    if (!address.success) return setProblem({ sentence: t('teamBadAddress') });
    if (role === 'assistant' && !teamKeySchema.safeParse(key.trim()).success) return setProblem({ sentence: t('teamBadKey') });
    if (name.trim() === '') return;
    // Asked for in the click itself (the browser requires it), before any message to the background.
    void deps.requestPermission(originPatternOf(address.data)).then(async (granted) => {
      const denied = { sentence: t('teamPermissionDenied', { host: hostOf(address.data) }) };
      if (!granted) return setProblem(denied);
      const reply = await deps.send(
        role === 'host'
          ? { type: 'team-enable', role, url: address.data, name: name.trim() }
          : { type: 'team-enable', role, url: address.data, name: name.trim(), key: key.trim() },
      );
      setProblem(reply.ok ? null : reply.error === 'no-permission' ? denied : describe('failTeamOn', reply.error));
    });
  };
  return (
    <form className="team-form" onSubmit={(event) => (event.preventDefault(), turnOn())}>
      <p>{t('teamIntro')}</p>
      <label>
        <input type="radio" name="team-role" checked={role === 'host'} onChange={() => setRole('host')} /> {t('teamRoleHost')}
      </label>
      <label>
        <input type="radio" name="team-role" checked={role === 'assistant'} onChange={() => setRole('assistant')} /> {t('teamRoleAssistant')}
      </label>
      <label>
        {t('teamServer')} <input name="team-url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="wss://team.example.vn" />
      </label>
      <label>
        {t('teamName')} <input name="team-name" value={name} maxLength={60} required onChange={(event) => setName(event.target.value)} />
      </label>
      {role === 'assistant' && (
        <label>
          {t('teamKey')} <input name="team-key" value={key} onChange={(event) => setKey(event.target.value)} autoComplete="off" spellCheck={false} />
        </label>
      )}
      <button type="submit">{t('teamTurnOn')}</button>
      {problem && <FailureNotice failure={problem} />}
    </form>
  );
}

/**
 * The host's button to compact the shown broadcast's shared document once it has ended, with what it
 * is doing and what came of it (the size before and after).
 */
function CompactBroadcast({ broadcastId, deps }: { broadcastId: string; deps: TeamPanelDeps }) {
  const { t, formatNumber } = useI18n();
  const [shown, setShown] = useState<{ text: string; problem: boolean } | null>(null);
  const [working, setWorking] = useState(false);
  const size = (bytes: number) => (bytes < 1_048_576 ? `${formatNumber(bytes / 1024, 0)} KB` : `${formatNumber(bytes / 1_048_576, 1)} MB`);
  const problems: Record<string, string> = {
    'not-ended': t('teamCompactNotEnded'),
    'changes-waiting': t('teamCompactWaiting'),
    offline: t('teamCompactOffline'),
  };
  const compact = async () => {
    setWorking(true);
    setShown({ text: t('teamCompacting'), problem: false });
    const reply = await deps.send({ type: 'team-compact', broadcastId });
    setWorking(false);
    if (reply.ok && reply.compacted)
      setShown({
        text: t('teamCompacted', { before: size(reply.compacted.before), after: size(reply.compacted.after), generation: reply.compacted.generation }),
        problem: false,
      });
    else
      setShown({
        text: reply.ok ? t('teamCompactFailed', { error: '?' }) : (problems[reply.error] ?? t('teamCompactFailed', { error: reply.error })),
        problem: true,
      });
  };
  return (
    <div className="team-compact">
      <p>{t('teamCompactHelp')}</p>
      <button type="button" disabled={working} onClick={() => void compact()} data-testid="team-compact">
        {t('teamCompact')}
      </button>
      {shown && (
        <p role={shown.problem ? 'alert' : 'status'} className={shown.problem ? 'error' : undefined} data-testid="team-compact-result">
          {shown.text}
        </p>
      )}
    </div>
  );
}

function stateLine(status: TeamStatus, t: ReturnType<typeof useI18n>['t']): string {
  const host = hostOf(status.url);
  switch (status.state) {
    case 'online':
      return t('teamStateOnline', { host });
    case 'offline':
      return t('teamStateOffline', { count: status.waiting });
    case 'unreachable':
      return t('teamStateUnreachable', { host });
    case 'refused':
      return t('teamStateRefused', { host });
    case 'no-permission':
      return t('teamStateNoPermission', { host });
    default:
      return t('teamStateConnecting', { host });
  }
}

/** Team mode in the side panel: turning it on, the host's key, who works on what, and what is waiting. */
export function TeamPanel({
  status,
  deps,
  orderOf,
  broadcast,
}: {
  status: TeamStatus;
  deps: TeamPanelDeps;
  orderOf: (id: string) => OrderRecord | undefined;
  /** The broadcast the panel shows: once it has ended, the host may compact its shared document. */
  broadcast?: { id: string; ended: boolean } | null;
}) {
  const { t, formatNumber } = useI18n();
  const on = status.state !== 'off';
  const problem = status.state === 'refused' || status.state === 'unreachable' || status.state === 'no-permission' || status.state === 'offline';
  const members = [...status.members.filter((m) => m.desk === status.desk), ...status.members.filter((m) => m.desk !== status.desk)];
  const decided = Object.entries(status.decided)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${formatNumber(count, 0)}`)
    .join(' · ');
  return (
    <details className="team-panel" open={on} data-testid="team-panel">
      <summary>{t('teamTitle')}</summary>
      {!on && <TeamForm deps={deps} />}
      {on && (
        <>
          <p className={problem ? 'error' : 'team-state'} role={problem ? 'alert' : 'status'} data-testid="team-state">
            {stateLine(status, t)}
          </p>
          {status.key && (
            <div className="team-key">
              <p>{t('teamKeyHelp')}</p>
              <input readOnly value={status.key} data-testid="team-key" onFocus={(event) => event.target.select()} />
              <button type="button" onClick={() => void navigator.clipboard?.writeText(status.key!)}>
                {t('teamCopyKey')}
              </button>
              <KeyCode value={status.key} />
            </div>
          )}
          {status.members.length > 0 && (
            <>
              <h3>{t('teamMembers')}</h3>
              <ul className="team-members" data-testid="team-members">
                {members.map((member) => {
                  const looking = member.orderId ? orderOf(member.orderId) : undefined;
                  const parts = [member.desk === status.desk ? t('teamYou', { name: member.name }) : member.name];
                  if (looking) parts.push(t('teamLooking', { buyer: looking.authorName }));
                  if (member.reading.length > 0) parts.push(t('teamReading', { streams: member.reading.map((read) => read.streamId).join(', ') }));
                  return <li key={member.desk}>{parts.join(' — ')}</li>;
                })}
              </ul>
            </>
          )}
          {tiktokDoubleReaders(status.members).map((twice) => (
            <p key={twice.streamId} role="alert" className="error">
              {t('teamTiktokTwice', { names: twice.names.join(', '), stream: twice.streamId })}
            </p>
          ))}
          {decided && <p data-testid="team-decided">{t('teamDecided', { counts: decided })}</p>}
          {status.role === 'host' && broadcast?.ended && <CompactBroadcast key={broadcast.id} broadcastId={broadcast.id} deps={deps} />}
          <button type="button" onClick={() => void deps.send({ type: 'team-disable' })}>
            {t('teamTurnOff')}
          </button>
        </>
      )}
    </details>
  );
}
