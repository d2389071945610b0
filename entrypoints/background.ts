import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDatabase } from '../utils/store/db';
import { createBackgroundRouter } from '../utils/messaging/background-router';
import { HealthRegistry } from '../utils/messaging/health-registry';
import { CatalogCache } from '../utils/store/catalog-cache';
import { publishOnAir } from '../utils/on-air/on-air-publisher';
import { ON_AIR_PORT } from '../utils/messaging/on-air-messages';

export default defineBackground(() => {
  const db = openDatabase();
  const health = new HealthRegistry();
  const catalog = new CatalogCache(db);
  const route = createBackgroundRouter({
    db,
    health,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    catalog,
    captureSample: (tabId, frameId) => browser.tabs.sendMessage(tabId, { type: 'capture-sample' }, { frameId }),
  });

  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  browser.tabs.onRemoved.addListener((tabId) => health.forgetTab(tabId));

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === ON_AIR_PORT) publishOnAir(db, port, browser.runtime.id);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true; // the reply is sent asynchronously
  });
});
