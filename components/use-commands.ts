import { useCallback, useState } from 'react';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { failureDetail, type FailureText } from '../utils/i18n/failure-text';
import { useDescribeFailure } from './failure-notice';

export interface Commands {
  /** For a part that shows its own result: every failure comes back to it, and is shown nowhere else. */
  send: (command: PanelCommand) => Promise<CommandReply>;
  /** For a part that shows nothing itself: a failure is shown once, at the top of the page (`failure`). */
  run: (command: PanelCommand) => Promise<CommandReply>;
  failure: FailureText | null;
}

/**
 * How a page sends its commands so that each failure is shown exactly once: by the part that asked when
 * it shows results (`send`), else at the top of the page (`run`), never both.
 */
export function useCommands(sendCommand: (command: PanelCommand) => Promise<CommandReply>): Commands {
  const describe = useDescribeFailure();
  const [failure, setFailure] = useState<FailureText | null>(null);
  const send = useCallback(
    async (command: PanelCommand): Promise<CommandReply> => {
      try {
        return await sendCommand(command);
      } catch (error) {
        return { ok: false, error: failureDetail(error) }; // the background could not be reached
      }
    },
    [sendCommand],
  );
  // stable, like send: the parts it is handed are memoised and skip the redraws a busy chat brings
  const run = useCallback(
    async (command: PanelCommand) => {
      const reply = await send(command);
      setFailure(reply.ok ? null : describe('failSave', reply.error));
      return reply;
    },
    [send, describe],
  );
  return { send, run, failure };
}
