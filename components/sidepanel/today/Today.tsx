import { Component } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TodayItem, TodayQueue } from '../../../lib/store/today-queue';
import { flatten, groupOf, groupToday, type TodayGroupKey } from '../../../lib/pipeline/today';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { EmptyState } from '../../ui/EmptyState';
import { stageLabel, t, type MessageKey } from '../../shared/i18n';
import { earlyOr, takeSettled } from '../early';
import { lazyView } from '../lazy-view';
import { useDetailById } from '../useDetailById';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { cadenceName } from '../../shared/cadence-name';
import { dueFull, dueLabel } from './format';
import { FIRST_ROWS, TODAY_ANSWERED_MARK, TODAY_ASKED_MARK, TODAY_EARLY_KEY, localTimeZone } from './first-page';
import { acceptsEarly, firstPageRequest, wholeQueueRequest } from './queue-request';
import { readPageState, writePageState } from '../page-state';
import { SnoozeMenu } from './SnoozeMenu';
import './today.css';

// Read by the bench (test/bench/today.ts): first rows on screen with data, and every row rendered.
export const TODAY_READY_MARK = 'jalur:today-interactive';
export const TODAY_COMPLETE_MARK = 'jalur:today-complete';
export { TODAY_ANSWERED_MARK, TODAY_ASKED_MARK } from './first-page';
/**
 * FIRST_ROWS rows are asked for and rendered first (more than a 900 px panel shows); the whole queue
 * is read after they are on screen and rendered in slices of CHUNK rows a task, so a long queue opens
 * at once and the page stays responsive while the rest arrives.
 */
const CHUNK = 250;
/**
 * Rows in the very first frame: what a 900 px panel shows, with a few to spare. The rest of the first
 * page follows a task later; building and laying out 60 rows before the first paint cost more than the
 * stored first page took to read.
 */
const FIRST_PAINT_ROWS = 16;

// The person below the queue shows in work-through mode only: its code loads when it is first needed.
const ProspectDetail = lazyView(() => import('../person/ProspectDetail').then((m) => m.ProspectDetail));
const WORK_THROUGH_KEY = 'jalur:work-through';

const HEADING: Record<TodayGroupKey, MessageKey> = { overdue: 'todayOverdue', today: 'todayToday', upcoming: 'todayUpcoming' };
const EMPTY: Record<TodayGroupKey, MessageKey> = { overdue: 'todayNoneOverdue', today: 'todayNoneToday', upcoming: 'todayNoneUpcoming' };

type Row = TodayItem & { group: TodayGroupKey };

/** A row's identity in this reading: a snoozed follow-up comes back later as a new row. */
const rowKey = (r: { id: string; dueAt: number }) => `${r.id}@${r.dueAt}`;

function isTyping(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * The day's queue: Overdue (exactly the badge's items), Today, Upcoming (7 days). Worked from the
 * keyboard: j/k or arrows move, d Done, s Snooze, x Skip, Enter opens the person, w work through.
 * Focus moves to the next row after each action; in work-through mode the focused row's person
 * shows below the queue.
 */
export function Today({ onOpen }: { onOpen: (prospectId: string) => void }) {
  const timeZone = useMemo(localTimeZone, []);
  const version = useStoreVersion();
  // The first page the panel's first script asked for (../early.ts), when it is already in: the first
  // frame shows the rows. The whole queue is read right after in any case (see below), so a change made
  // before this view listened for changes is still shown.
  const [queue, setQueue] = useState<TodayQueue | null>(
    () => takeSettled<TodayQueue>(TODAY_EARLY_KEY, (asked, at) => acceptsEarly(asked, at, timeZone)) ?? null,
  );
  const openedWithRows = useRef(queue !== null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [limit, setLimit] = useState(FIRST_PAINT_ROWS);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [workThrough, setWorkThrough] = useState(() => readPageState(WORK_THROUGH_KEY) === '1');
  const listRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);

  // The first read at once; re-reads after changes coalesce, so a burst of writes (an import, a
  // sync round) costs one read, not one per write.
  // A reply is shown unless a later-sent one already is: during a long burst the view still moves on.
  const firstRead = useRef(true);
  const sent = useRef(0);
  const shownSeq = useRef(0);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  /** The rest of the first page, once the first rows are on screen. */
  const showFirstPage = () => setLimit((l) => Math.max(l, FIRST_ROWS));
  useEffect(() => {
    // The first read asks for the first page only; once it is painted, the whole queue follows.
    const read = (firstPage: boolean) => {
      const seq = ++sent.current;
      const now = Date.now();
      if (firstPage) performance.mark(TODAY_ASKED_MARK);
      // The panel's first script may have asked for the first page already (../early.ts): its reply is
      // taken when it asked exactly what this view asks at that moment.
      (firstPage
        ? earlyOr(TODAY_EARLY_KEY, () => send(firstPageRequest(now, timeZone)), (asked, at) => acceptsEarly(asked, at, timeZone))
        : send(wholeQueueRequest(now, timeZone))
      )
        .then((q) => {
          if (firstPage) performance.mark(TODAY_ANSWERED_MARK);
          if (!mounted.current || seq < shownSeq.current) return;
          shownSeq.current = seq;
          setQueue(q);
          setError(null);
          if (firstPage)
            requestAnimationFrame(() => {
              performance.mark(TODAY_READY_MARK);
              setTimeout(() => mounted.current && (showFirstPage(), read(false)), 0);
            });
        })
        .catch((e: Error) => mounted.current && setError(e.message));
    };
    const first = firstRead.current;
    firstRead.current = false;
    if (first && openedWithRows.current) {
      // Painted with the first page already: on to the whole queue.
      performance.mark(TODAY_READY_MARK);
      const timer = setTimeout(() => mounted.current && (showFirstPage(), read(false)), 0);
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(() => read(first), first ? 0 : 80);
    return () => clearTimeout(timer);
  }, [version, tick, timeZone]);

  // Time passing moves rows from Today to Overdue (as it moves the badge) with no change in the
  // store: re-read when the next one falls due, and at least hourly (the day rolls over).
  useEffect(() => {
    if (!queue) return;
    const next = queue.items.reduce((m, i) => (i.dueAt > queue.now && i.dueAt < m ? i.dueAt : m), Infinity);
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(next - queue.now + 500, 3_600_000));
    return () => clearTimeout(timer);
  }, [queue]);

  useEffect(() => writePageState(WORK_THROUGH_KEY, workThrough ? '1' : '0'), [workThrough]);

  const groups = useMemo(() => {
    if (!queue) return null;
    const visible = queue.items.filter((i) => !gone.has(rowKey(i)));
    return groupToday(visible, queue.now, timeZone).map((g) => {
      const items = g.items.map((i): Row => ({ ...i, group: g.key }));
      // A first page holds only the head of the queue: its groups' sizes come from the index counts
      // (Overdue's is the badge's), less the rows already handled here.
      const total = queue.counts
        ? queue.counts[g.key] - queue.items.filter((i) => gone.has(rowKey(i)) && groupOf(i.dueAt, queue.now, timeZone) === g.key).length
        : items.length;
      return { ...g, items, total: Math.max(total, items.length) };
    });
  }, [queue, gone, timeZone]);
  const rows = useMemo(() => (groups ? flatten(groups) : []), [groups]);
  const active = rows.find((r) => rowKey(r) === activeKey) ?? rows[0] ?? null;
  const complete = queue !== null && !queue.counts;

  // The whole queue is in: render it a slice per task, then say so (the bench waits for the mark).
  const completeMarked = useRef(false);
  useEffect(() => {
    if (!complete) return;
    if (limit < rows.length) {
      const timer = setTimeout(() => setLimit((l) => l + CHUNK), 0);
      return () => clearTimeout(timer);
    }
    if (!completeMarked.current) {
      completeMarked.current = true;
      requestAnimationFrame(() => performance.mark(TODAY_COMPLETE_MARK));
    }
    return undefined;
  }, [complete, limit, rows.length]);

  // After an action, focus lands on the row that followed the one just handled.
  useLayoutEffect(() => {
    const want = focusNext.current;
    if (!want) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(want)}"] .today-open`);
    if (el) {
      focusNext.current = null;
      el.focus();
    }
  });

  const focusRow = (r: Row | undefined) => {
    if (!r) return;
    setActiveKey(rowKey(r));
    focusNext.current = rowKey(r);
    listRef.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(rowKey(r))}"] .today-open`)?.focus();
  };

  /** Hide the row now (the re-read confirms), move on to the next one, and say what happened. */
  const act = async (r: Row, what: () => Promise<unknown>, message: string) => {
    const i = rows.findIndex((x) => rowKey(x) === rowKey(r));
    const next = rows[i + 1] ?? rows[i - 1];
    setMenuFor(null);
    setGone((g) => new Set(g).add(rowKey(r)));
    if (next) {
      setActiveKey(rowKey(next));
      focusNext.current = rowKey(next);
    }
    try {
      await what();
      setSaid(message);
    } catch (e) {
      setGone((g) => {
        const n = new Set(g);
        n.delete(rowKey(r));
        return n;
      });
      setError((e as Error).message);
    }
  };
  const done = (r: Row) => act(r, () => send({ type: 'completeFollowUp', id: r.id }), t('todaySaidDone', r.name));
  const skip = (r: Row) =>
    r.cadence && act(r, () => send({ type: 'cadenceAction', prospectId: r.prospectId, action: 'skip' }), t('todaySaidSkipped', r.name));
  const snooze = (r: Row, until: number) => act(r, () => send({ type: 'snoozeFollowUp', id: r.id, until }), t('todaySaidSnoozed', r.name));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || !active) return;
    const i = rows.indexOf(active);
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        focusRow(rows[Math.min(rows.length - 1, i + 1)]);
        break;
      case 'k':
      case 'ArrowUp':
        focusRow(rows[Math.max(0, i - 1)]);
        break;
      case 'Home':
        focusRow(rows[0]);
        break;
      case 'End':
        focusRow(rows.at(-1));
        break;
      case 'd':
        void done(active);
        break;
      case 's':
        setMenuFor(rowKey(active));
        break;
      case 'x':
        if (!active.cadence) return;
        void skip(active);
        break;
      case 'o':
        onOpen(active.prospectId);
        break;
      case 'w':
        setWorkThrough((v) => !v);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // Rows call back through one ref, so a row re-renders only when what it shows changes (moving the
  // focus through 2,000 rows re-renders two of them, not all).
  const handlers = useRef<RowHandlers>(null!);
  handlers.current = {
    focus: (r) => setActiveKey(rowKey(r)),
    open: (r) => onOpen(r.prospectId),
    done: (r) => void done(r),
    skip: (r) => void skip(r),
    snoozeMenu: (r) => setMenuFor((m) => (m === rowKey(r) ? null : rowKey(r))),
    snooze: (r, until) => void snooze(r, until),
    menuClose: (r) => {
      setMenuFor(null);
      listRef.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(rowKey(r))}"] .snooze-btn`)?.focus();
    },
  };

  const detail = useDetailById(workThrough && active ? active.prospectId : null);
  const overdueCount = groups?.[0]?.total ?? 0;
  const totalCount = groups?.reduce((n, g) => n + g.total, 0) ?? 0;
  let shown = 0;

  return (
    <section class={`today${workThrough ? ' working' : ''}`} aria-label={t('todayView')}>
      <div class="today-top">
        <p class="today-summary">{groups ? t('todaySummary', [String(overdueCount), String(totalCount)]) : t('loading')}</p>
        <label class="work-through">
          <input type="checkbox" checked={workThrough} onChange={(e) => setWorkThrough((e.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('workThrough')}
        </label>
      </div>
      {/* Each key with what it does, kept on one line: the line breaks between them, never inside one. */}
      <p class="keys" id="today-keys">
        <span class="key-hint">
          <kbd>j</kbd>/<kbd>k</kbd> {t('keysMove')}
        </span>{' '}
        · <span class="key-hint"><kbd>d</kbd> {t('done')}</span> · <span class="key-hint"><kbd>s</kbd> {t('snooze')}</span> ·{' '}
        <span class="key-hint"><kbd>x</kbd> {t('skip')}</span> · <span class="key-hint"><kbd>Enter</kbd> {t('keysOpen')}</span> ·{' '}
        <span class="key-hint"><kbd>w</kbd> {t('workThrough')}</span>
      </p>
      <ErrorNote error={error} />
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
      {groups && complete && totalCount === 0 && (
        <EmptyState title={t('todayEmptyTitle')} text={t('todayEmptyText')} testId="today-empty" />
      )}
      {groups && (
        <div class="today-groups" ref={listRef} onKeyDown={onKeyDown}>
          {groups.map((g) => (
            <section key={g.key} class={`today-group ${g.key}`} aria-labelledby={`today-h-${g.key}`}>
              <div class="group-head">
                <h2 id={`today-h-${g.key}`}>{t(HEADING[g.key])}</h2>
                <span class="count" data-count={g.total}>
                  {g.total}
                </span>
              </div>
              {g.total === 0 ? (
                <p class="muted">{t(EMPTY[g.key])}</p>
              ) : (
                <ul aria-labelledby={`today-h-${g.key}`}>
                  {g.items.map((r) => {
                    if (shown++ >= limit) return null;
                    const isActive = active !== null && rowKey(r) === rowKey(active);
                    return (
                      <TodayRow
                        key={rowKey(r)}
                        row={r}
                        now={queue!.now}
                        timeZone={timeZone}
                        active={isActive}
                        menuOpen={menuFor === rowKey(r)}
                        on={handlers}
                      />
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      {workThrough && active && (
        <section class="today-person" aria-label={t('todayPerson')}>
          {detail === undefined ? (
            <p class="muted">{t('loading')}</p>
          ) : detail ? (
            <ProspectDetail detail={detail} />
          ) : (
            <p class="muted">{t('notFound')}</p>
          )}
        </section>
      )}
    </section>
  );
}

interface RowHandlers {
  focus: (r: Row) => void;
  open: (r: Row) => void;
  done: (r: Row) => void;
  skip: (r: Row) => void;
  snoozeMenu: (r: Row) => void;
  snooze: (r: Row, until: number) => void;
  menuClose: (r: Row) => void;
}

interface RowProps {
  row: Row;
  now: number;
  timeZone: string;
  active: boolean;
  menuOpen: boolean;
  on: { current: RowHandlers };
}

function sameRow(a: Row, b: Row): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.dueAt === b.dueAt &&
      a.group === b.group &&
      a.name === b.name &&
      a.company === b.company &&
      a.stageKey === b.stageKey &&
      a.stageName === b.stageName &&
      a.title === b.title &&
      a.channel === b.channel &&
      a.snoozed === b.snoozed &&
      a.cadence?.name === b.cadence?.name &&
      a.cadence?.step === b.cadence?.step &&
      a.cadence?.steps === b.cadence?.steps)
  );
}

// A class for shouldComponentUpdate: preact/compat's memo would bring compat's global option hooks.
class TodayRow extends Component<RowProps> {
  override shouldComponentUpdate(b: RowProps): boolean {
    const a = this.props;
    return !(
      sameRow(a.row, b.row) &&
      a.now === b.now &&
      a.timeZone === b.timeZone &&
      a.active === b.active &&
      a.menuOpen === b.menuOpen &&
      a.on === b.on
    );
  }

  override render({ row: r, now, timeZone, active, menuOpen, on }: RowProps) {
    // Roving focus: only the current row's controls are in the Tab order.
    const tab = active ? 0 : -1;
    const step = r.cadence ? t('todayStep', [cadenceName(r.cadence.name), String(r.cadence.step), String(r.cadence.steps)]) : null;
    const meta = [r.channel ? t(`channel_${r.channel}` as MessageKey) : null, r.snoozed ? t('todaySnoozed') : null].filter(Boolean);
    return (
      <li
        class={`today-row${active ? ' active' : ''}${r.group === 'overdue' ? ' late' : ''}`}
        data-row={rowKey(r)}
        onFocusCapture={() => on.current.focus(r)}
      >
        <button type="button" class="today-open" tabIndex={tab} onClick={() => on.current.open(r)} aria-describedby="today-keys">
          <span class="line1">
            <span class="name">{r.name}</span>
            <span class="when" title={dueFull(r.dueAt, timeZone)}>
              {dueLabel(r.dueAt, now, r.group, timeZone)}
            </span>
          </span>
          <span class="sub">{[r.company, stageLabel(r.stageKey, r.stageName)].filter(Boolean).join(' · ')}</span>
          {step && <span class="step">{step}</span>}
          <span class="what">{r.title}</span>
          {meta.length > 0 && <span class="sub">{meta.join(' · ')}</span>}
        </button>
        <div class="today-actions">
          <button type="button" tabIndex={tab} onClick={() => on.current.done(r)} aria-keyshortcuts="d">
            {t('done')}
          </button>
          <button
            type="button"
            class="snooze-btn"
            tabIndex={tab}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-keyshortcuts="s"
            onClick={() => on.current.snoozeMenu(r)}
          >
            {t('snooze')}
          </button>
          {r.cadence && (
            <button type="button" tabIndex={tab} onClick={() => on.current.skip(r)} aria-keyshortcuts="x">
              {t('skip')}
            </button>
          )}
        </div>
        {menuOpen && (
          <SnoozeMenu
            label={`${t('snooze')}: ${r.name}`}
            timeZone={timeZone}
            onPick={(until) => on.current.snooze(r, until)}
            onClose={() => on.current.menuClose(r)}
          />
        )}
      </li>
    );
  }
}
