import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDatabase } from '../utils/store/db';
import { createBackgroundRouter, failureReply } from '../utils/messaging/background-router';
import { HealthRegistry } from '../utils/messaging/health-registry';
import { CatalogCache } from '../utils/store/catalog-cache';
import { publishOnAir } from '../utils/on-air/on-air-publisher';
import { ON_AIR_PORT } from '../utils/messaging/on-air-messages';
import { OnAirWatchers } from '../utils/on-air/on-air-watchers';
import { iconPaths } from '../utils/icons';
import { openDeskFromToolbar, showOnToolbar, type BrowserPanelApi } from '../utils/browser-toolbar';
import { TeamService } from '../utils/team/team-service';
import { TEAM_PORT } from '../utils/team/team-status';
import { openWelcomeOnInstall, type FirstRunApi } from '../utils/first-run';

export default defineBackground(() => {
  const db = openDatabase();
  const panelApi = browser as unknown as BrowserPanelApi;
  // The toolbar button of a tab whose chat is read turns from grey to red, with its own title.
  const health = new HealthRegistry((tabId, reading) =>
    showOnToolbar(panelApi, tabId, iconPaths(reading ? 'active' : 'idle'), browser.i18n.getMessage(reading ? 'actionTitleReading' : 'actionTitle')),
  );
  const catalog = new CatalogCache(db);
  const watchers = new OnAirWatchers();
  // Team mode: nothing leaves the browser until the panel turns it on and the user grants the server's address.
  const team = new TeamService(db, { health, catalog, hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }) });
  void team.start();
  const route = createBackgroundRouter({
    db,
    health,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    catalog,
    watchers,
    captureSample: (tabId, frameId) => browser.tabs.sendMessage(tabId, { type: 'capture-sample' }, { frameId }),
    team,
  });

  openDeskFromToolbar(panelApi);
  openWelcomeOnInstall(browser as unknown as FirstRunApi);
  browser.tabs.onRemoved.addListener((tabId) => health.forgetTab(tabId));

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === ON_AIR_PORT) publishOnAir(db, port, browser.runtime.id, watchers);
    if (port.name === TEAM_PORT && port.sender?.id === browser.runtime.id && port.sender.url?.startsWith(browser.runtime.getURL('/'))) team.connectPort(port);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse, (error: unknown) => sendResponse(failureReply(error)));
    return true; // the reply is sent asynchronously
  });
});
