import { browser } from 'wxt/browser';
import type { Dexie } from 'dexie';
import { DECISION_COMMANDS, type CommandReply, type PanelCommand } from './commands';
import { holdReadsFor } from '../store/live-read';

/**
 * How an extension page sends its commands to the background: an assistant's decision goes ahead of the
 * page's own live reads over `db` (holdReadsFor), the rest as they come.
 */
export function pageCommandSender(db: Dexie): (command: PanelCommand) => Promise<CommandReply> {
  const send = async (command: PanelCommand) => (await browser.runtime.sendMessage(command)) as CommandReply;
  return (command) => (DECISION_COMMANDS.has(command.type) ? holdReadsFor(db, () => send(command)) : send(command));
}
