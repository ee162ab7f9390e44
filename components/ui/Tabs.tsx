import type { RefObject } from 'preact';
import { rovingIndex } from './roving';

export interface TabItem<K extends string> {
  id: K;
  label: string;
  /** e.g. "Alt+2": announced and shown on hover. */
  shortcut?: string;
}

export function tabDomId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

/**
 * A row of tabs (ARIA tabs with manual activation): one Tab stop, arrows/Home/End move along it,
 * Enter or Space (or a click) selects. A caller that renders the panel gives it `role="tabpanel"`,
 * id `panelId` and aria-labelledby `tabDomId(prefix, selected)`.
 */
export function Tabs<K extends string>({
  label,
  items,
  selected,
  onSelect,
  prefix,
  panelId,
  listRef,
}: {
  label: string;
  items: ReadonlyArray<TabItem<K>>;
  /** The selected tab; null when none is (the Tab stop then sits on the first). */
  selected: K | null;
  onSelect: (id: K) => void;
  prefix: string;
  /** The tabpanel's id, when the caller renders one. */
  panelId?: string;
  listRef?: RefObject<HTMLDivElement | null>;
}) {
  const stop = selected ?? items[0]?.id;
  const onKey = (e: KeyboardEvent) => {
    const tabs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]')];
    const to = rovingIndex(e.key, tabs.indexOf(document.activeElement as HTMLElement), tabs.length);
    if (to < 0) return;
    e.preventDefault();
    tabs[to]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKey}>
      {items.map((it) => (
        <button
          key={it.id}
          type="button"
          role="tab"
          id={tabDomId(prefix, it.id)}
          data-tab={it.id}
          aria-selected={selected === it.id}
          aria-controls={panelId}
          tabIndex={it.id === stop ? 0 : -1}
          aria-keyshortcuts={it.shortcut}
          title={it.shortcut ? `${it.label} (${it.shortcut})` : undefined}
          onClick={() => onSelect(it.id)}
        >
          {it.label}
        </button>
      ))}
    </div>
  );
}
