// Opening the workspace beside the page: Chrome's side panel (sidePanel.open, for a tab or a window)
// or Firefox's sidebar (sidebarAction.open, which has no target and shows the same page, following
// the active tab). Both browsers open it only within the user's gesture, so the call is made at once,
// before anything is awaited; a browser with neither rejects, and the caller opens a tab instead.
import { browser } from 'wxt/browser';

interface Sidebar {
  open(): Promise<void>;
}

export function openSidePanel(where: { tabId: number } | { windowId: number }): Promise<void> {
  try {
    const sidePanel = (browser as unknown as { sidePanel?: { open(w: typeof where): Promise<void> } }).sidePanel;
    if (sidePanel) return sidePanel.open(where);
    const sidebar = (browser as unknown as { sidebarAction?: Sidebar }).sidebarAction;
    if (sidebar) return sidebar.open();
    return Promise.reject(new Error('This browser has no side panel'));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
