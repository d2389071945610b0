import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import type { ChotDatabase } from '../../utils/store/db';

export const TEST_EXTENSION_ID = 'chotextensionid';
export const TEST_EXTENSION_ORIGIN = `chrome-extension://${TEST_EXTENSION_ID}/`;

/** The background's router over a test database, sending commands as the orders page does. */
export function dashboardCommands(db: ChotDatabase): (command: PanelCommand) => Promise<CommandReply> {
  return pageCommands(db, 'dashboard.html');
}

/** The same, sending commands as the side panel does. */
export function sidePanelCommands(db: ChotDatabase): (command: PanelCommand) => Promise<CommandReply> {
  return pageCommands(db, 'sidepanel.html');
}

function pageCommands(db: ChotDatabase, page: string): (command: PanelCommand) => Promise<CommandReply> {
  const router = createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: TEST_EXTENSION_ID,
    extensionOrigin: TEST_EXTENSION_ORIGIN,
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  });
  return (command) => router(command, { id: TEST_EXTENSION_ID, url: `${TEST_EXTENSION_ORIGIN}${page}` }) as Promise<CommandReply>;
}
