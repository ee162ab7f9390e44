import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { rovingIndex } from './roving';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A button that opens a list of actions (ARIA menu button): Enter, Space or ↓ opens on the first
 * item, ↑ on the last; arrows, Home and End move; Esc or Tab closes (Esc returns focus to the
 * button); a click outside closes.
 */
export function Menu({ label, items, buttonLabel }: { label: string; items: ReadonlyArray<MenuItem>; buttonLabel?: string }) {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<'first' | 'last'>('first');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const itemsEls = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const els = itemsEls();
    (start === 'first' ? els[0] : els.at(-1))?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, start]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  return (
    <div class="menu-ui" ref={root}>
      <button
        ref={button}
        type="button"
        class="btn btn-ghost btn-sm menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={buttonLabel ? undefined : label}
        onClick={() => {
          setStart('first');
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setStart(e.key === 'ArrowDown' ? 'first' : 'last');
            setOpen(true);
          }
        }}
      >
        {buttonLabel ?? (
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="3" cy="8" r="1.5" fill="currentColor" />
            <circle cx="8" cy="8" r="1.5" fill="currentColor" />
            <circle cx="13" cy="8" r="1.5" fill="currentColor" />
          </svg>
        )}
      </button>
      {open && (
        <ul
          id={menuId}
          class="menu-list"
          role="menu"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              return close(true);
            }
            if (e.key === 'Tab') return close(false);
            const els = itemsEls();
            const to = rovingIndex(e.key, els.indexOf(document.activeElement as HTMLElement), els.length);
            if (to < 0) return;
            e.preventDefault();
            els[to]?.focus();
          }}
        >
          {items.map((it) => (
            <li key={it.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class={it.danger ? 'menu-danger' : undefined}
                onClick={() => {
                  close(true);
                  it.onSelect();
                }}
              >
                {it.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
