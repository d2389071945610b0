import { useEffect, useRef, useState } from 'react';
import { TEAM_OFF, teamStatusSchema, type TeamPortMessage, type TeamStatus } from '../utils/team/team-status';

/** The panel's end of the team port (browser.runtime.connect in the extension, a fake in tests). */
export interface TeamPortLike {
  postMessage(message: TeamPortMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  disconnect(): void;
}

/**
 * Team mode's status from the background, and this panel's side of presence: the broadcast it shows
 * and the order its assistant has open. Reconnects if the service worker was stopped.
 */
export function useTeamStatus(connect: (() => TeamPortLike) | undefined, broadcastId: string | null, orderId: string | null): TeamStatus {
  const [status, setStatus] = useState<TeamStatus>(TEAM_OFF);
  const port = useRef<TeamPortLike | null>(null);
  const said = useRef<TeamPortMessage>({ broadcastId, orderId });
  said.current = { broadcastId, orderId };
  useEffect(() => {
    if (!connect) return;
    let closed = false;
    const open = () => {
      const next = connect();
      port.current = next;
      next.onMessage.addListener((message) => {
        const parsed = teamStatusSchema.safeParse(message);
        if (parsed.success && !closed) setStatus(parsed.data);
      });
      const onGone = (next as { onDisconnect?: { addListener(listener: () => void): void } }).onDisconnect;
      onGone?.addListener(() => {
        if (!closed) setTimeout(open, 1000);
      });
      next.postMessage(said.current);
    };
    open();
    return () => {
      closed = true;
      port.current?.disconnect();
    };
  }, [connect]);
  useEffect(() => {
    try {
      port.current?.postMessage({ broadcastId, orderId });
    } catch {
      // the port is being reopened; the new one is told on opening
    }
  }, [broadcastId, orderId]);
  return status;
}
