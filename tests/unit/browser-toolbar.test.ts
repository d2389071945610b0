import { describe, expect, it, vi } from 'vitest';
import { openDeskFromToolbar, showOnToolbar, toolbarOf, type BrowserPanelApi, type ToolbarButton } from '../../utils/browser-toolbar';
import { HealthRegistry, HEALTH_STALE_MS } from '../../utils/messaging/health-registry';
import { iconPaths } from '../../utils/icons';
import { readerHealth } from './reader-health';

function fakeButton() {
  const clicks: (() => void)[] = [];
  const button: ToolbarButton & { clicks: (() => void)[] } = {
    clicks,
    setIcon: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    onClicked: { addListener: (listener) => clicks.push(listener) },
  };
  return button;
}

describe('the toolbar in Chrome/Edge and in Firefox', () => {
  it('Chrome and Edge: the button opens the side panel by itself', () => {
    const setPanelBehavior = vi.fn(async () => undefined);
    const action = fakeButton();
    expect(openDeskFromToolbar({ action, sidePanel: { setPanelBehavior } })).toBe('side-panel');
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(action.clicks).toHaveLength(0);
  });

  it('Firefox: no side panel API; a click on the browser action toggles the sidebar from the click itself', () => {
    const toggle = vi.fn(async () => undefined);
    const browserAction = fakeButton();
    const api: BrowserPanelApi = { browserAction, sidebarAction: { toggle } };
    expect(toolbarOf(api)).toBe(browserAction);
    expect(openDeskFromToolbar(api)).toBe('sidebar');
    expect(toggle).not.toHaveBeenCalled();
    browserAction.clicks[0]!();
    expect(toggle).toHaveBeenCalledTimes(1);
  });

  it('a browser with neither opens nothing and says so', () => {
    expect(openDeskFromToolbar({})).toBe('none');
  });

  it('a tab that closed before its icon was set is not an error', async () => {
    const action = fakeButton();
    action.setIcon = vi.fn(async () => Promise.reject(new Error('No tab with id: 7')));
    showOnToolbar({ action }, 7, iconPaths('active'), 'Chốt');
    await Promise.resolve();
    expect(action.setTitle).toHaveBeenCalledWith({ tabId: 7, title: 'Chốt' });
  });
});

describe('which tabs are being read, for the toolbar icon', () => {
  const health = readerHealth({ streamKey: 'abc' });

  it('a tab starts being read at its first report, and stops when it closes or its reports go stale', () => {
    const changes: [number, boolean][] = [];
    const registry = new HealthRegistry((tabId, reading) => changes.push([tabId, reading]));
    registry.report(1, 0, 'https://www.youtube.com/live_chat?v=abc', health, 1000);
    registry.report(1, 3, 'https://www.youtube.com/live_chat?v=abc', health, 1500);
    registry.report(2, 0, 'https://www.tiktok.com/@shop/live', health, 2000);
    expect(changes).toEqual([
      [1, true],
      [2, true],
    ]);
    registry.forgetTab(1);
    expect(changes.at(-1)).toEqual([1, false]);
    // tab 2 stops reporting (its reader went away): the next report from anyone sweeps it
    registry.report(3, 0, 'https://www.facebook.com/shop/videos/1', health, 2000 + HEALTH_STALE_MS + 1);
    expect(changes.slice(-2)).toEqual([
      [3, true],
      [2, false],
    ]);
    expect(registry.list(2000 + HEALTH_STALE_MS + 1).map((tab) => tab.tabId)).toEqual([3]);
  });
});
