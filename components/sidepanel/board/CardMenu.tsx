import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BoardCard } from '../../../lib/pipeline/board';
import { t } from '../../shared/i18n';
import { rovingIndex } from '../../ui/roving';

export interface CardMenuItem {
  key: string;
  label: string;
  danger?: boolean;
  run: (card: BoardCard) => void;
}

/**
 * A card's "More" menu. The card is a fixed-height, clipped row of a virtual list, so the menu cannot
 * live inside it: the board draws it once, fixed beside the card's More button. Opens on its first
 * item; arrows, Home and End move; Esc or Tab closes and gives focus back to the button.
 */
export function CardMenu({ card, anchor, items, onClose }: { card: BoardCard; anchor: HTMLElement; items: CardMenuItem[]; onClose: () => void }) {
  const list = useRef<HTMLUListElement>(null);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const width = list.current?.offsetWidth ?? 200;
    const height = list.current?.offsetHeight ?? 40;
    const below = r.bottom + 4 + height <= window.innerHeight;
    setAt({ top: below ? r.bottom + 4 : Math.max(4, r.top - 4 - height), left: Math.max(4, Math.min(r.right - width, window.innerWidth - width - 4)) });
  }, [anchor]);
  const placed = at !== null;
  // Focus goes in once the menu is placed (before that it is hidden, and hidden items take no focus).
  useEffect(() => {
    if (placed) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [placed]);
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []);
  const close = (focusButton: boolean) => {
    onClose();
    if (focusButton && anchor.isConnected) anchor.focus();
  };
  return (
    <ul
      ref={list}
      class="menu-list card-menu"
      role="menu"
      aria-label={t('boardCardMenu', card.name)}
      style={at ? { top: `${at.top}px`, left: `${at.left}px` } : { visibility: 'hidden' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          return close(true);
        }
        if (e.key === 'Tab') return close(false);
        const els = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
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
              it.run(card);
            }}
          >
            {it.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
