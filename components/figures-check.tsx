import { useState } from 'react';
import type { StreamRecord } from '../utils/store/records';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { useI18n } from './i18n';
import { FailureNotice, useDescribeFailure } from './failure-notice';

type CheckState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; streams: number; orders: number; corrected: number }
  | { kind: 'failed'; error: string };

/**
 * Counts every stream's figures afresh from its orders, in the background one stream at a time (the page
 * stays responsive and shows progress), and says whether the kept figures agreed.
 */
export function FiguresCheck({ streams, run }: { streams: readonly StreamRecord[]; run: (command: PanelCommand) => Promise<CommandReply> }) {
  const { t, formatNumber } = useI18n();
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const describe = useDescribeFailure();
  const check = async () => {
    let orders = 0;
    let corrected = 0;
    for (const [index, stream] of streams.entries()) {
      setState({ kind: 'running', done: index, total: streams.length });
      const reply = await run({ type: 'recount-stream', streamId: stream.id });
      if (!reply.ok) return setState({ kind: 'failed', error: reply.error });
      orders += 'orders' in reply ? (reply.orders ?? 0) : 0;
      if ('agreed' in reply && reply.agreed === false) corrected += 1;
    }
    setState({ kind: 'done', streams: streams.length, orders, corrected });
  };
  return (
    <div className="table-tools" data-testid="figures-check">
      <button type="button" data-testid="check-figures" disabled={state.kind === 'running'} onClick={() => void check()}>
        {t('checkFigures')}
      </button>
      {state.kind === 'running' && (
        <>
          <progress max={state.total} value={state.done} aria-label={t('checkFigures')} />
          <span role="status">{t('checkingFigures', { done: state.done, total: state.total })}</span>
        </>
      )}
      {state.kind === 'done' && (
        <span role="status" data-testid="figures-result" data-corrected={state.corrected}>
          {state.corrected === 0
            ? t('figuresAgree', { orders: formatNumber(state.orders, 0), streams: state.streams })
            : t('figuresCorrected', { corrected: state.corrected, streams: state.streams })}
        </span>
      )}
      {state.kind === 'failed' && <FailureNotice failure={describe('failCheckFigures', state.error)} inline />}
    </div>
  );
}
