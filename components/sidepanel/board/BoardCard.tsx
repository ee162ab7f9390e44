import type { BoardCard as Card } from '../../../lib/pipeline/board';
import { t } from '../../shared/i18n';
import { formatMoney, formatShortDate } from './format';

export type CardKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';
export const NAV_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

export interface CardActions {
  open: (id: string) => void;
  pickMove: (card: Card) => void;
  navigate: (id: string, key: CardKey) => void;
  dragStart: (card: Card) => void;
  dragEnd: () => void;
  /** Bulk selection (selection.ts): tick one, or with `range` everything from the last ticked. */
  select: (id: string, range: boolean) => void;
  /** Shift+arrow from a card: it and the neighbour that way end up selected, focus moves there. */
  extend: (id: string, key: CardKey) => void;
  /** The card's More button was pressed: open its menu beside that button. */
  more: (card: Card, button: HTMLElement) => void;
}

export const DRAG_TYPE = 'application/x-jalur-card';

/**
 * "Gone dark 12 d": the label shows where the card has room beside the follow-up, the days always.
 * The days come first in the row (laid out right to left, see board.css), so a label that does not
 * fit wraps onto a hidden line rather than cutting the follow-up's date. Read in order either way.
 */
function Stalled({ days }: { days: number }) {
  const n = String(days);
  const full = t('stalledShort', n);
  const at = full.indexOf(n);
  const label = at > 0 ? full.slice(0, at) : '';
  return (
    <span class="stalled card-stalled" data-stalled="true" title={t('stalledTitle', n)}>
      {label && <span class="card-stalled-label">{label}</span>}
      <span class="card-stalled-days">{label ? full.slice(at) : full}</span>
    </span>
  );
}

/**
 * One card, markup only: its column listens for clicks, keys and drags on behalf of all its cards
 * (the cards come and go as the column scrolls). The name is a button that opens the prospect's
 * record; "Move…" picks another stage, the keyboard way to do what dragging does. The name comes
 * first, so Tab from it reaches the card's Move….
 */
export function BoardCard({
  card,
  index,
  top,
  size,
  now,
  defaultCurrency,
  closed = false,
  selected = false,
  menuOpen = false,
}: {
  card: Card;
  index: number;
  top: number;
  size: number;
  now: number;
  defaultCurrency: string;
  /** In a won or lost column: a deal that is over has no follow-up to miss. */
  closed?: boolean;
  /** Ticked for a bulk action. */
  selected?: boolean;
  /** Its More menu is open. */
  menuOpen?: boolean;
}) {
  const overdue = card.nextDueAt !== null && card.nextDueAt <= now;
  return (
    <div
      class={`card${card.stalled ? ' is-stalled' : ''}${selected ? ' is-selected' : ''}`}
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={size}
      data-card={card.id}
      data-index={index}
      style={{ top: `${top}px` }}
      draggable
    >
      <div class="card-top">
        <input type="checkbox" class="card-select" checked={selected} aria-label={t('bulkSelectCard', card.name)} />
        <button type="button" class="card-open" aria-pressed={selected ? 'true' : undefined}>
          {card.name}
        </button>
        <button type="button" class="card-move link" aria-label={t('boardMoveLabel', card.name)}>
          {t('boardMove')}
        </button>
        {/* Opens the card's menu (CardMenu.tsx), drawn by the board outside the clipped card. */}
        <button type="button" class="card-more" aria-label={t('boardCardMore', card.name)} aria-haspopup="menu" aria-expanded={menuOpen}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="3" cy="8" r="1.5" fill="currentColor" />
            <circle cx="8" cy="8" r="1.5" fill="currentColor" />
            <circle cx="13" cy="8" r="1.5" fill="currentColor" />
          </svg>
        </button>
      </div>
      <div class="card-sub">
        <span class="card-company">{card.company ?? ''}</span>
        <span class="card-score" title={t('scoreTitle')}>
          {t('scoreShort', String(card.score))}
        </span>
        {card.dealValue !== null && (
          <span class="card-value">{formatMoney({ currency: card.currency ?? defaultCurrency, amount: card.dealValue })}</span>
        )}
      </div>
      <div class="card-foot">
        {card.nextDueAt === null ? (
          !closed && <span class="card-next muted">{t('boardNoFollowUp')}</span>
        ) : overdue ? (
          <span class="card-next overdue" title={t('overdueShort', formatShortDate(card.nextDueAt, now))}>
            {t('boardOverdue', formatShortDate(card.nextDueAt, now))}
          </span>
        ) : (
          <span class="card-next">{t('nextShort', formatShortDate(card.nextDueAt, now))}</span>
        )}
        {card.stalled && <Stalled days={card.silenceDays} />}
      </div>
    </div>
  );
}
