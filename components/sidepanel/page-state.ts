// What the panel keeps for its own lifetime (the board's filters, work-through mode), in the page's
// history entry instead of sessionStorage. Both survive a reload of the panel and end with it, but the
// first read of sessionStorage in a page is a synchronous round trip to the browser process, which
// the panel's first frame waited for (tens of milliseconds on a busy machine); history.state is the
// page's own.

type State = Record<string, string>;

function current(): State {
  const s = (typeof history === 'undefined' ? null : history.state) as unknown;
  return s && typeof s === 'object' ? (s as State) : {};
}

/** The value kept under `key` for this panel, or null. */
export function readPageState(key: string): string | null {
  const v = current()[key];
  return typeof v === 'string' ? v : null;
}

/** Keeps `value` under `key` for this panel (its reloads included). */
export function writePageState(key: string, value: string): void {
  try {
    history.replaceState({ ...current(), [key]: value }, '');
  } catch {
    // A page that may not touch its history keeps the value for this load only.
  }
}
