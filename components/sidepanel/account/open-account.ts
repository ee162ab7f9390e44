// Opening an account inside the side panel from anywhere in it (the person view's company line):
// a window event the panel's shell listens to, so person components need no callback threaded down.
const EVENT = 'jalur:open-account';

export function openAccount(companyId: string): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: companyId }));
}

export function onOpenAccount(cb: (companyId: string) => void): () => void {
  const listener = (e: Event) => {
    const id = (e as CustomEvent<unknown>).detail;
    if (typeof id === 'string' && id.length <= 100) cb(id);
  };
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

/** `?account=<company id>` opens the panel on that account. */
export function requestedAccount(search: string): string | null {
  const id = new URLSearchParams(search).get('account');
  return id && id.length <= 100 ? id : null;
}
