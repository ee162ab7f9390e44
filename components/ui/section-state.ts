/**
 * Whether a collapsible section is open, remembered per section across visits (localStorage, one
 * key per section). Storage is passed in so the rule is testable and a page without storage (or
 * with it full or blocked) still works: it falls back to the section's default.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'jalur.section.';

export function sectionKey(id: string): string {
  return PREFIX + id;
}

export function readOpen(store: KeyValueStore | null, id: string, fallback: boolean): boolean {
  try {
    const v = store?.getItem(sectionKey(id));
    return v === '1' ? true : v === '0' ? false : fallback;
  } catch {
    return fallback;
  }
}

export function writeOpen(store: KeyValueStore | null, id: string, open: boolean): void {
  try {
    store?.setItem(sectionKey(id), open ? '1' : '0');
  } catch {
    // Full or blocked storage: the section still toggles, it just will not be remembered.
  }
}

/** The page's localStorage, or null where reading it throws (e.g. storage disabled). */
export function pageStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
