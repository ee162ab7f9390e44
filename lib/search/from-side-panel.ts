/**
 * Is a request from the side panel (in Chrome's panel, or its page opened as a tab)? That is where
 * search lives, so the background builds the search index ahead when the panel asks anything
 * (entrypoints/background/search-warm.ts). `extensionOrigin` is `runtime.getURL('/')`.
 */
export function fromSidePanel(senderUrl: string | undefined, extensionOrigin: string): boolean {
  if (!senderUrl || !extensionOrigin.endsWith('/')) return false;
  if (!senderUrl.startsWith(extensionOrigin)) return false;
  const path = senderUrl.slice(extensionOrigin.length).split(/[?#]/)[0];
  return path === 'sidepanel.html';
}
