// First run: the welcome page opens once, when Chốt is installed; never on an update or a browser update.

export const WELCOME_PAGE_PATH = '/welcome.html';

/** The slice of the extension API the first run needs (the same in Chrome, Edge and Firefox). */
export interface FirstRunApi {
  runtime: {
    getURL(path: `/${string}`): string;
    onInstalled: { addListener(listener: (details: { reason: string }) => void): void };
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

export function openWelcomeOnInstall(api: FirstRunApi): void {
  api.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    // No window to open it in (a profile starting headless) is no fault of the install.
    api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE_PATH) }).catch(() => undefined);
  });
}
