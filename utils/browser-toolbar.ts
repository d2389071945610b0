// The parts that differ between Chrome/Edge (MV3: action, sidePanel) and Firefox (MV2: browserAction,
// sidebarAction). Everything else in Chốt is the same WebExtensions API on both.

type IconPaths = Record<number, string>;

export interface ToolbarButton {
  setIcon(details: { tabId: number; path: IconPaths }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  onClicked?: { addListener(listener: () => void): void };
}

/** The slice of the browser's extension API this module reads; missing parts mean another browser. */
export interface BrowserPanelApi {
  action?: ToolbarButton;
  browserAction?: ToolbarButton;
  sidePanel?: { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { toggle(): Promise<void> };
}

/** The toolbar button: `action` in MV3 browsers, `browserAction` in Firefox's MV2. */
export function toolbarOf(api: BrowserPanelApi): ToolbarButton | undefined {
  return api.action ?? api.browserAction;
}

/**
 * Makes the toolbar button open the order desk: Chrome and Edge's side panel, or Firefox's sidebar (toggled
 * from the click itself, which Firefox requires for opening it). Says which it did.
 */
export function openDeskFromToolbar(api: BrowserPanelApi): 'side-panel' | 'sidebar' | 'none' {
  if (api.sidePanel) {
    void api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return 'side-panel';
  }
  const button = toolbarOf(api);
  if (api.sidebarAction && button?.onClicked) {
    const sidebar = api.sidebarAction;
    button.onClicked.addListener(() => void sidebar.toggle());
    return 'sidebar';
  }
  return 'none';
}

/** Sets a tab's toolbar icon and title (whether its chat is being read); a tab that closed meanwhile is ignored. */
export function showOnToolbar(api: BrowserPanelApi, tabId: number, icons: IconPaths, title: string): void {
  const button = toolbarOf(api);
  if (!button) return;
  void button.setIcon({ tabId, path: icons }).catch(() => undefined);
  void button.setTitle({ tabId, title }).catch(() => undefined);
}
