import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BoardColumn as Column } from '../../../lib/pipeline/board';
import { stageLabel, t } from '../../shared/i18n';
import { BoardCard, DRAG_TYPE, NAV_KEYS, type CardActions, type CardKey } from './BoardCard';
import { formatMoneys, weighted } from './format';

/** Every card is this tall (gap included): the visible slice is plain arithmetic on the scroll offset. */
export const CARD_HEIGHT = 92;
/**
 * In a tab, where columns are narrow and the window tall, a card has a fourth line: the company gets
 * one of its own, and the follow-up's date too (board.css, `.board.is-wide .card`).
 */
export const WIDE_CARD_HEIGHT = 112;
const OVERSCAN = 4;
// Until the list has been measured, assume a tall panel rather than render nothing.
const FIRST_GUESS = 720;

export interface FocusRequest {
  id: string;
  part: 'open' | 'move';
}

/**
 * One stage. Only the cards in view (and a few either side) are in the DOM, so a column of 10,000
 * scrolls like one of ten; aria-setsize/posinset tell assistive tech the real length.
 */
export function BoardColumn({
  column,
  now,
  defaultCurrency,
  actions,
  focus,
  onFocused,
  isDragging,
  onDrop,
  selected,
  menuFor = null,
  lean = false,
  onShown,
  cardHeight: slot = CARD_HEIGHT,
}: {
  column: Column;
  now: number;
  defaultCurrency: string;
  actions: CardActions;
  /** A card of this column to scroll to and focus (after a keyboard move or arrow navigation). */
  focus: FocusRequest | null;
  onFocused: () => void;
  /** A card of this board is being dragged: the column accepts it. */
  isDragging: () => boolean;
  onDrop: (stageId: string) => void;
  /** Cards ticked for a bulk action. */
  selected: ReadonlySet<string>;
  /** The card whose More menu is open. */
  menuFor?: string | null;
  /**
   * The board's first frame: only the cards in view, none in a column right of the window, no
   * overscan. The column measures what fits before it is painted; the rest follows when this ends.
   */
  lean?: boolean;
  /** Called once this column's cards of a lean frame are in the page (before it is painted). */
  onShown?: () => void;
  /** CARD_HEIGHT, or WIDE_CARD_HEIGHT on a board in a tab. */
  cardHeight?: number;
}) {
  const headId = useId();
  const list = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FIRST_GUESS);
  const [over, setOver] = useState(false);
  const { stage, cards, count } = column;
  // Weighted value only where a deal is still open: won counts in full and lost at nothing anyway.
  const weightedValue = stage.kind === 'open' ? weighted(column.value, stage.probability) : null;

  // Cards in view, measured before the first paint of a lean frame (null: not yet, show none). The
  // board's own height is not set yet then (it takes the rest of the window), so the window's bottom
  // bounds the list.
  const [fit, setFit] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = list.current;
    if (!lean || !el) return;
    const r = el.getBoundingClientRect();
    const inView = r.left < window.innerWidth && r.right > 0 && r.top < window.innerHeight;
    setFit(inView ? Math.ceil((window.innerHeight - r.top) / slot) : 0);
  }, []);
  useLayoutEffect(() => {
    if (lean && fit !== null) onShown?.();
  }, [fit]);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || FIRST_GUESS));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Filters shrink a column under the current scroll offset: follow the browser's clamped offset.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
  }, [count]);

  const focusIndex = focus ? cards.findIndex((c) => c.id === focus.id) : -1;
  useLayoutEffect(() => {
    const el = list.current;
    if (!el || focusIndex < 0) return;
    const top = focusIndex * slot;
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (top + slot > next + el.clientHeight) next = top + slot - el.clientHeight;
    if (next !== el.scrollTop) el.scrollTop = next;
    if (next !== scrollTop) setScrollTop(next);
  }, [focusIndex, focus]);
  useEffect(() => {
    if (!focus || focusIndex < 0) return;
    const card = list.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(focus.id)}"]`);
    if (!card) return;
    card.querySelector<HTMLElement>(focus.part === 'move' ? '.card-move' : '.card-open')?.focus();
    onFocused();
  });

  const first = lean ? Math.floor(scrollTop / slot) : Math.max(0, Math.floor(scrollTop / slot) - OVERSCAN);
  const last = lean ? Math.min(count, first + (fit ?? 0)) : Math.min(count, Math.ceil((scrollTop + height) / slot) + OVERSCAN);
  const rows: number[] = [];
  for (let i = first; i < last; i++) rows.push(i);
  /** The card an event happened in, from the card's position in the column. */
  const cardAt = (e: Event) => {
    const el = (e.target as Element | null)?.closest<HTMLElement>('[data-card]');
    return el ? cards[Number(el.dataset.index)] : undefined;
  };
  const onClick = (e: MouseEvent) => {
    const card = cardAt(e);
    if (card && (e.target as Element).classList.contains('card-select')) return actions.select(card.id, e.shiftKey);
    const button = (e.target as Element).closest('button');
    if (!card || !button) return;
    if (button.classList.contains('card-move')) actions.pickMove(card);
    else if (button.classList.contains('card-more')) actions.more(card, button);
    else actions.open(card.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const card = cardAt(e);
    if (!card || !(e.target as Element).classList.contains('card-open')) return;
    // Space ticks the card for a bulk action (Enter opens it); Shift+arrows extend the selection.
    if (e.key === ' ' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      return actions.select(card.id, e.shiftKey);
    }
    if (e.shiftKey && NAV_KEYS.includes(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      return actions.extend(card.id, e.key as CardKey);
    }
    if (!NAV_KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    actions.navigate(card.id, e.key as CardKey);
  };
  // A name cut at two lines is marked when the pointer or focus reaches it (never while the column is
  // built): board.css then shows it whole over the card's own lines, inside the card.
  const markLong = (e: Event) => {
    const name = (e.target as Element | null)?.closest?.<HTMLElement>('.card-open');
    if (name && !name.hasAttribute('data-long') && name.scrollHeight > name.clientHeight + 1) name.setAttribute('data-long', '');
  };
  const onDragStart = (e: DragEvent) => {
    const card = cardAt(e);
    if (!card || !e.dataTransfer) return;
    e.dataTransfer.setData(DRAG_TYPE, card.id);
    e.dataTransfer.effectAllowed = 'move';
    actions.dragStart(card);
  };
  const accepts = (e: DragEvent) => isDragging() || !!e.dataTransfer?.types.includes(DRAG_TYPE);

  return (
    <section
      class={over ? 'board-col is-over' : 'board-col'}
      data-stage={stage.key}
      aria-labelledby={headId}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        // Leaving for one of the column's own children is not leaving the column.
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(false);
        onDrop(stage.id);
      }}
    >
      <header class="col-head">
        <h3 id={headId}>{stageLabel(stage.key, stage.name)}</h3>
        <span class="count" data-count={count} title={t('boardCountTitle')}>
          {count}
        </span>
        <span class="col-value" title={t('boardValueTitle')} data-value={column.value.map((m) => `${m.currency} ${m.amount}`).join('; ')}>
          {column.value.length ? formatMoneys(column.value, defaultCurrency) : t('boardNoValue')}
        </span>
        {weightedValue && weightedValue.length > 0 && (
          <span
            class="col-weighted"
            title={t('boardWeightedTitle', String(stage.probability))}
            data-weighted={weightedValue.map((m) => `${m.currency} ${m.amount}`).join('; ')}
          >
            {t('boardWeighted', formatMoneys(weightedValue, defaultCurrency))}
          </span>
        )}
        {column.stalled > 0 && <span class="stalled">{t('boardStalledCount', String(column.stalled))}</span>}
      </header>
      <div class="col-cards" ref={list} onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}>
        {count === 0 ? (
          <p class="muted col-empty">{t('boardEmptyColumn')}</p>
        ) : (
          <div
            class="col-sizer"
            role="list"
            aria-labelledby={headId}
            style={{ height: `${count * slot}px` }}
            onClick={onClick}
            onKeyDown={onKeyDown}
            onDragStart={onDragStart}
            onDragEnd={actions.dragEnd}
            onPointerOver={markLong}
            onFocusIn={markLong}
          >
            {rows.map((i) => {
              const c = cards[i];
              // Past a preview's first cards: a blank card until the rest arrive (a moment later).
              if (!c)
                return <div key={`pending-${i}`} class="card card-pending" aria-hidden="true" style={{ top: `${i * slot}px` }} />;
              return (
                <BoardCard
                  key={c.id}
                  card={c}
                  index={i}
                  top={i * slot}
                  size={count}
                  now={now}
                  defaultCurrency={defaultCurrency}
                  closed={column.stage.kind !== 'open'}
                  selected={selected.has(c.id)}
                  menuOpen={menuFor === c.id}
                />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
