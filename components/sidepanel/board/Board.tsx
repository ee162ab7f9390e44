import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  buildColumns,
  filterCards,
  matches,
  mergeMoney,
  moveCard,
  type BoardCard,
  type BoardColumn as Column,
  type BoardStage,
} from '../../../lib/pipeline/board';
import { previewColumns } from '../../../lib/pipeline/board-preview';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { stageLabel, t } from '../../shared/i18n';
import { BoardColumn, CARD_HEIGHT, WIDE_CARD_HEIGHT, type FocusRequest } from './BoardColumn';
import { CardMenu, type CardMenuItem } from './CardMenu';
import type { CardActions, CardKey } from './BoardCard';
import { BoardFilters } from './BoardFilters';
import { useBoardFilter } from './filter-state';
import { formatMoneys, weighted } from './format';
import { MoneySums } from '../../../lib/model/money';
import { MovePrompt, type Prompt } from './MovePrompt';
import { lazyView } from '../lazy-view';
import { useBoardData } from './useBoardData';
import { useSelection } from './selection';
import { BulkBar } from './BulkBar';
import './board.css';

// The delete dialog (with its style sheet) and the empty pipeline's page are their own code, loaded a
// moment after the board has painted (see `preloadLater`): the board's first paint waits for one round
// of fetches, and they were three of its files. (The move prompt and bulk bar stay: apart, they would
// split chunks the popup and options start with into more files.)
const ConfirmDelete = lazyView(() => import('../person/DeletePerson').then((m) => m.ConfirmDelete));
const EmptyPipeline = lazyView(() => import('../EmptyPipeline').then((m) => m.EmptyPipeline));

/** Once the board is on screen, when the page is idle: the code of what it shows later. */
function preloadLater(): void {
  const load = () => {
    for (const v of [ConfirmDelete, EmptyPipeline]) void v.preload();
  };
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 1000 });
  else setTimeout(load, 0);
}

/** Set once, when the board first shows cards and takes input: `npm run bench` times panel open → this mark. */
export const BOARD_READY_MARK = 'jalur:board-interactive';
/** Set once, when every card is in the panel (filters then run locally, every column scrolls to its end). */
export const BOARD_COMPLETE_MARK = 'jalur:board-complete';

/** The columns take the rest of the window: each scrolls on its own, the page does not. */
function useFillHeight(ref: RefObject<HTMLElement | null>): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const fit = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(420, Math.floor(window.innerHeight - top - 12)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return height;
}

/** Wide enough for the filters in a row and the columns side by side (the board in a tab). */
const WIDE_PX = 720;

function useWide(ref: RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(() => window.innerWidth >= WIDE_PX);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWide(el.clientWidth >= WIDE_PX));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return wide;
}

/**
 * Whether this page is already the board in a normal tab (`sidepanel.html?view=board` opened by
 * **Open board in a tab** or the popup): then that button has nothing left to do. The real side panel
 * is no tab (tabs.getCurrent() gives nothing), and a popped-out panel is `sidepanel.html` without the view.
 */
function useBoardTab(): boolean {
  // `?view=board` is nearly always that tab (the side panel opens without a view): assumed from the
  // first frame, so the button does not show and then vanish, moving the columns up under the pointer.
  const [inTab, setInTab] = useState(() => new URLSearchParams(location.search).get('view') === 'board');
  useEffect(() => {
    if (new URLSearchParams(location.search).get('view') !== 'board') return;
    void browser.tabs
      .getCurrent()
      .then((tab) => setInTab(tab !== undefined))
      .catch(() => undefined);
  }, []);
  return inTab;
}

/** The board page in a normal tab, at full width (`sidepanel.html?view=board`). */
function openInTab(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?view=board') });
}

/** Where arrow keys go from a card: the neighbour in its column, or the nearest card in the next non-empty column. */
function neighbour(columns: Column[], id: string, key: CardKey): BoardCard | undefined {
  for (let ci = 0; ci < columns.length; ci++) {
    const cards = columns[ci]!.cards;
    const i = cards.findIndex((c) => c.id === id);
    if (i < 0) continue;
    if (key === 'ArrowDown') return cards[i + 1];
    if (key === 'ArrowUp') return cards[i - 1];
    if (key === 'Home') return cards[0];
    if (key === 'End') return cards[cards.length - 1];
    const step = key === 'ArrowRight' ? 1 : -1;
    for (let cj = ci + step; cj >= 0 && cj < columns.length; cj += step) {
      const other = columns[cj]!.cards;
      if (other.length) return other[Math.min(i, other.length - 1)];
    }
    return undefined;
  }
  return undefined;
}

/**
 * The pipeline board: a column per stage with count and value, cards that move by drag and drop or
 * by keyboard (Move…), filters and search. Every move goes through setStage like the Stage select.
 */
export function Board({ onPick, query = '' }: { onPick: (prospectId: string) => void; query?: string }) {
  const [kept, setFilter] = useBoardFilter();
  // The text comes from the panel's search box ("Search prospects"): one box for the whole panel.
  const filter = useMemo(() => ({ ...kept, query }), [kept, query]);
  const { full, preview, error, setFull } = useBoardData(filter);
  const view = full ?? preview;
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const dragging = useRef<BoardCard | null>(null);
  const root = useRef<HTMLElement>(null);
  const height = useFillHeight(root);
  const wide = useWide(root);
  const inTab = useBoardTab();
  const [menu, setMenu] = useState<{ card: BoardCard; anchor: HTMLElement } | null>(null);
  const [deleting, setDeleting] = useState<BoardCard | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const cardMenu: CardMenuItem[] = [
    { key: 'move', label: t('boardMove'), run: (card) => setPrompt({ kind: 'pick', card }) },
    { key: 'delete', label: t('deleteButton'), danger: true, run: (card) => (setDeleteError(null), setDeleting(card)) },
  ];
  const [tabError, setTabError] = useState<string | null>(null);

  const filtered = useMemo(() => (full ? filterCards(full.cards, filter) : null), [full?.cards, filter]);
  const columns = useMemo(
    () =>
      full && filtered
        ? buildColumns(full.stages, filtered, full.defaultCurrency)
        : preview
          ? previewColumns(preview.stages, preview.cards, preview.preview.columns, preview.defaultCurrency)
          : [],
    [full, filtered, preview],
  );
  // Bulk selection runs over the cards as shown: column by column, top to bottom.
  const order = useMemo(() => columns.flatMap((c) => c.cards.filter(Boolean).map((x) => x.id)), [columns]);
  const selection = useSelection(order);
  useEffect(() => {
    if (full && selection.ids.size) selection.keepOnly(new Set(order));
  }, [order]);
  const openCols = columns.filter((c) => c.stage.kind === 'open');
  const openValue = useMemo(() => mergeMoney(openCols.map((c) => c.value)), [columns]);
  const openWeighted = useMemo(() => {
    if (openCols.some((c) => c.stage.probability === undefined)) return null;
    const sums = new MoneySums(view?.defaultCurrency ?? 'USD');
    for (const c of openCols) sums.addAll(weighted(c.value, c.stage.probability) ?? []);
    return sums.list();
  }, [columns]);
  const def = view?.defaultCurrency ?? 'USD';
  const shown = filtered ? filtered.length : (preview?.preview.shown ?? 0);
  const total = full ? full.cards.length : (preview?.preview.total ?? 0);

  // The first frame with cards builds only the ones in view: each column measures what fits before
  // it is painted, and columns right of the panel show their count and value but no cards yet. Once
  // that frame's cards are in the page (a column says so, see `onShown`) and painted, the ready mark is
  // set and the rest, with the virtual lists' overscan, follow.
  const [lean, setLean] = useState(true);
  const marked = useRef({ ready: false, complete: false });
  const markReady = () => {
    if (marked.current.ready) return;
    marked.current.ready = true;
    let done = false;
    const rest = () => {
      if (done) return;
      done = true;
      // After the frame with the first cards is painted, as Today and a blank extension page mark theirs.
      performance.mark(BOARD_READY_MARK);
      setLean(false);
      preloadLater();
    };
    requestAnimationFrame(() => setTimeout(rest, 0));
    // A page out of sight gets no frames: the rest comes anyway.
    setTimeout(rest, 250);
  };
  useLayoutEffect(() => {
    if (view && columns.length === 0) markReady();
  });
  useEffect(() => {
    if (full && !marked.current.complete) performance.mark(BOARD_COMPLETE_MARK);
    marked.current.complete ||= !!full;
  }, [full]);

  // A card to focus that is not on the board (filtered out, or past a preview's first cards) is let go.
  useEffect(() => {
    if (focus && !columns.some((c) => c.cards.some((x) => x.id === focus.id))) setFocus(null);
  }, [columns, focus]);

  const label = (s: BoardStage) => stageLabel(s.key, s.name);
  const stageOf = (card: BoardCard) => view?.stages.find((s) => s.id === card.stageId);

  /** Focus returns to the moved card when the move was made from the prompt (the keyboard way). */
  const move = async (card: BoardCard, stage: BoardStage, confirmed: boolean, lostReason?: string | null) => {
    const fromPrompt = prompt !== null;
    setMoveError(null);
    if (card.stageId === stage.id) return setPrompt(null);
    // A move to a lost stage (dropped or picked) first asks why; the answer travels with the move.
    if (stage.kind === 'lost' && lostReason === undefined) return setPrompt({ kind: 'lost', card, stage });
    try {
      const r = await send({ type: 'setStage', prospectId: card.id, stageKey: stage.key, confirmed, ...(lostReason ? { lostReason } : {}) });
      if (r.needsConfirmation) return setPrompt({ kind: 'confirm', card, stage, lostReason });
      // Until every card is here the preview is re-read after the move instead (the store's change notice).
      setFull((v) => ({ ...v, cards: moveCard(v.cards, card.id, stage.id) }));
      setPrompt(null);
      setSaid(t('boardMoved', [card.name, label(stage)]));
      const moved = { ...card, stageId: stage.id, stalled: false };
      if (fromPrompt && matches(moved, filter)) setFocus({ id: card.id, part: 'open' });
    } catch (e) {
      setMoveError((e as Error).message);
    }
  };

  const cancel = () => {
    if (!prompt) return;
    const { card } = prompt;
    const from = stageOf(card);
    if (prompt.kind !== 'pick' && from) setSaid(t('boardNotMoved', [card.name, label(from)]));
    setPrompt(null);
    setFocus({ id: card.id, part: prompt.kind === 'pick' ? 'move' : 'open' });
  };

  const actions: CardActions = {
    more: (card, button) => setMenu(menu?.card.id === card.id ? null : { card, anchor: button }),
    open: onPick,
    pickMove: (card) => setPrompt({ kind: 'pick', card }),
    navigate: (id, key) => {
      const to = neighbour(columns, id, key);
      if (to) setFocus({ id: to.id, part: 'open' });
    },
    dragStart: (card) => {
      dragging.current = card;
    },
    dragEnd: () => {
      dragging.current = null;
    },
    select: (id, range) => selection.toggle(id, range),
    extend: (id, key) => {
      const to = neighbour(columns, id, key);
      if (!to) return;
      selection.extend(id, to.id);
      setFocus({ id: to.id, part: 'open' });
    },
  };

  const drop = (stageId: string) => {
    const card = dragging.current;
    dragging.current = null;
    const stage = view?.stages.find((s) => s.id === stageId);
    if (card && stage) void move(card, stage, false);
  };

  const now = Date.now();
  const tabButton = !inTab && (
    <button type="button" class="board-tab" onClick={() => void openInTab().catch((e: Error) => setTabError(e.message))}>
      {t('boardOpenInTab')}
    </button>
  );
  return (
    <section
      class={wide ? 'board is-wide' : 'board'}
      aria-label={t('boardLabel')}
      ref={root}
      style={height ? { height: `${height}px` } : undefined}
    >
      {/* The columns' stage names are h3: the board's own heading keeps the outline in order (axe heading-order). */}
      <h2 class="visually-hidden">{t('boardLabel')}</h2>
      <div class="board-top">
        <p class="board-total" data-open-value={openValue.map((m) => `${m.currency} ${m.amount}`).join('; ')}>
          {openValue.length > 0 && (
            <>
              <strong>{t('boardOpenValue', formatMoneys(openValue, def))}</strong>
              {openWeighted && openWeighted.length > 0 && <span class="muted"> · {t('boardWeighted', formatMoneys(openWeighted, def))}</span>}
            </>
          )}
        </p>
        {wide && tabButton}
      </div>
      {/* In the narrow panel the button ends the Filters line instead of taking a line of its own. */}
      <BoardFilters filter={kept} owners={view?.owners ?? []} shown={shown} total={total} wide={wide} onChange={setFilter} end={wide ? null : tabButton} />
      {/* One line of what matters most; the keys and the search hint fold behind a disclosure, so the
          help stays short in the panel and in Indonesian. */}
      <div class="muted board-help">
        <p>{t('boardHelp')}</p>
        <details>
          <summary>{t('boardHelpMore')}</summary>
          <p>
            {t('bulkHelp')} {t('boardSearchHint')}
          </p>
        </details>
      </div>
      <ErrorNote error={moveError ?? error ?? tabError ?? deleteError} />
      {menu && <CardMenu card={menu.card} anchor={menu.anchor} items={cardMenu} onClose={() => setMenu(null)} />}
      {deleting && <ConfirmDelete prospect={deleting} onClose={() => setDeleting(null)} onError={setDeleteError} />}
      {full && full.cards.length === 0 && <EmptyPipeline title="boardEmptyTitle" />}
      {selection.ids.size > 0 && view && (
        <BulkBar ids={[...selection.ids]} stages={view.stages} owners={view.owners} onClear={selection.clear} />
      )}
      {prompt && view && <MovePrompt prompt={prompt} stages={view.stages} onMove={(c, s, ok, why) => void move(c, s, ok, why)} onCancel={cancel} />}
      {view === null ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : (
        <div class="board-cols">
          {columns.map((c) => (
            <BoardColumn
              key={c.stage.id}
              column={c}
              now={now}
              defaultCurrency={view.defaultCurrency}
              actions={actions}
              focus={focus}
              onFocused={() => setFocus(null)}
              isDragging={() => dragging.current !== null}
              onDrop={drop}
              selected={selection.ids}
              menuFor={menu?.card.id ?? null}
              lean={lean}
              onShown={markReady}
              cardHeight={wide ? WIDE_CARD_HEIGHT : CARD_HEIGHT}
            />
          ))}
        </div>
      )}
      <p class="board-sr" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
