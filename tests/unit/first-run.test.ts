import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall, WELCOME_PAGE_PATH, type FirstRunApi } from '../../utils/first-run';

function fakeApi() {
  const listeners: ((details: { reason: string }) => void)[] = [];
  const create = vi.fn(async (_: { url: string }) => undefined);
  const api: FirstRunApi = {
    runtime: { getURL: (path) => `chrome-extension://chot${path}`, onInstalled: { addListener: (listener) => listeners.push(listener) } },
    tabs: { create },
  };
  return { api, create, install: (reason: string) => listeners.forEach((listener) => listener({ reason })) };
}

describe('first run', () => {
  it('opens the welcome page in a tab when the extension is installed', () => {
    const { api, create, install } = fakeApi();
    openWelcomeOnInstall(api);
    install('install');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://chot${WELCOME_PAGE_PATH}` });
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing on %s', (reason) => {
    const { api, create, install } = fakeApi();
    openWelcomeOnInstall(api);
    install(reason);
    expect(create).not.toHaveBeenCalled();
  });

  it('a tab that cannot be opened is not an error of the background', async () => {
    const { api, install } = fakeApi();
    api.tabs.create = vi.fn(async () => {
      throw new Error('no window');
    });
    openWelcomeOnInstall(api);
    expect(() => install('install')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0)); // no unhandled rejection
  });
});
