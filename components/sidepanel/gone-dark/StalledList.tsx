import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sortGoneDark, type GoneDarkSort } from '../../../lib/pipeline/stalled';
import type { ResponseMap, StalledView } from '../../../lib/messaging/types';
import { send } from '../../shared/api';
import { showMoney } from '../../shared/money';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { stageLabel, t } from '../../shared/i18n';
import { useDefaultCurrency } from '../../shared/useDefaultCurrency';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { BulkBar } from '../board/BulkBar';
import '../person/playbook/playbook.css';
import './gone-dark.css';

type Which = 'dark' | 'notContacted';
type Lists = ResponseMap['stalled'];

/** Every row is this tall, so the list can draw only the rows in view (thousands of people stay fast). */
export const ROW_PX = 56;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 6;

/**
 * What a list of people exposes to bulk actions: the ids selected (checkbox, shift-click for a range,
 * Space on a focused checkbox) and a way to clear them. `onSelection` lets a host plug its own bar.
 */
export interface ListSelection {
  ids: readonly string[];
  clear: () => void;
}

function useWindow(count: number) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, []);
  const first = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  return { box, first, last };
}

/**
 * Deals gone dark (silence after contact, longer than their stage allows) and, as a list of its own,
 * people nobody has contacted yet — never mixed. Sorted by open value and stage by default (then
 * silence), filtered by stage and owner, all of them in a windowed list; rows can be selected for the
 * bulk actions bar. Each person is one click from their record.
 */
export function StalledList({ onPick, onSelection }: { onPick: (id: string) => void; onSelection?: (s: ListSelection) => void }) {
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [which, setWhich] = useState<Which>('dark');
  const [stageId, setStageId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [sortBy, setSortBy] = useState<GoneDarkSort>('value');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const version = useStoreVersion();
  const defaultCurrency = useDefaultCurrency();

  useEffect(() => {
    let live = true;
    send({ type: 'stalled', limit: 500, all: true })
      .then((r) => live && (setLists(r), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [version]);

  const source: StalledView[] = (which === 'dark' ? lists?.items : lists?.notContacted) ?? [];
  const shown = useMemo(() => {
    const filtered = source.filter((s) => (!stageId || s.stageId === stageId) && (!ownerId || s.ownerId === ownerId));
    return sortGoneDark(
      filtered.map((s) => ({ ...s, id: s.prospectId, dealValue: s.dealValue ?? null, stageOrder: s.stageOrder ?? 0 })),
      which === 'dark' ? sortBy : 'silence',
    );
  }, [source, stageId, ownerId, sortBy, which]);
  const { box, first, last } = useWindow(shown.length);

  // Selection follows what is listed: a person who left the list (or the filter) is no longer selected.
  useEffect(() => {
    const listed = new Set(shown.map((s) => s.prospectId));
    setSelected((cur) => {
      const next = new Set([...cur].filter((id) => listed.has(id)));
      return next.size === cur.size ? cur : next;
    });
  }, [shown]);
  const clear = () => setSelected(new Set());
  useEffect(() => onSelection?.({ ids: [...selected], clear }), [selected]);

  const toggle = (index: number, shift: boolean) => {
    const id = shown[index]!.prospectId;
    setSelected((cur) => {
      const next = new Set(cur);
      const on = !cur.has(id);
      const from = shift && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = shift && anchor.current !== null ? Math.max(anchor.current, index) : index;
      for (let i = from; i <= to; i++) {
        const rowId = shown[i]!.prospectId;
        if (on) next.add(rowId);
        else next.delete(rowId);
      }
      return next;
    });
    anchor.current = index;
  };

  const ownerName = (id: string | undefined) => {
    const o = lists?.owners?.find((x) => x.id === id);
    return o?.you ? t('boardOwnerYou') : (o?.name ?? t('ownerUnknown'));
  };
  const value = (s: StalledView) =>
    s.dealValue === null || s.dealValue === undefined
      ? null
      : showMoney({ amount: s.dealValue, currency: s.currency ?? defaultCurrency ?? 'USD' }, true);
  const openStages = (lists?.stages ?? []).filter((s) => s.kind === 'open');
  const owners = lists?.owners ?? [];
  const total = source.length;
  const selectedIds = [...selected];

  return (
    <section class="stalled-list" aria-labelledby="gone-dark-h">
      <h2 id="gone-dark-h">{t('goneDark')}</h2>
      <ErrorNote error={error} />
      {lists === null ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <div class="gd-lists" role="group" aria-label={t('goneDarkListsLabel')}>
            <button type="button" aria-pressed={which === 'dark'} data-list="dark" onClick={() => setWhich('dark')}>
              {t('goneDarkTabDark', String(lists.items.length))}
            </button>
            <button type="button" aria-pressed={which === 'notContacted'} data-list="notContacted" onClick={() => setWhich('notContacted')}>
              {t('goneDarkTabNotContacted', String(lists.notContacted?.length ?? 0))}
            </button>
          </div>
          {which === 'notContacted' && <p class="muted">{t('notContactedExplain')}</p>}
          {total === 0 ? (
            <p class="muted">{t(which === 'dark' ? 'goneDarkNone' : 'notContactedNone')}</p>
          ) : (
            <>
              <div class="gd-filters">
                <Field label={t('goneDarkFilterStage')}>
                  {(id) => (
                    <select id={id} value={stageId} onChange={(e) => setStageId(e.currentTarget.value)}>
                      <option value="">{t('goneDarkAllStages')}</option>
                      {openStages.map((s) => (
                        <option key={s.id} value={s.id}>
                          {stageLabel(s.key, s.name)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('goneDarkFilterOwner')}>
                  {(id) => (
                    <select id={id} value={ownerId} onChange={(e) => setOwnerId(e.currentTarget.value)}>
                      <option value="">{t('goneDarkAllOwners')}</option>
                      {owners.map((o) => (
                        <option key={o.id} value={o.id}>
                          {ownerName(o.id)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {which === 'dark' && (
                  <Field label={t('goneDarkSort')}>
                    {(id) => (
                      <select id={id} value={sortBy} onChange={(e) => setSortBy(e.currentTarget.value as GoneDarkSort)}>
                        <option value="value">{t('goneDarkSortValue')}</option>
                        <option value="silence">{t('goneDarkSortSilence')}</option>
                      </select>
                    )}
                  </Field>
                )}
              </div>
              {(which === 'dark' || shown.length !== total) && (
                <p class="count" data-count={shown.length} role="status">
                  {shown.length === total ? t('goneDarkCount', String(total)) : t('goneDarkShown', [String(shown.length), String(total)])}
                </p>
              )}
              {!onSelection && selectedIds.length > 0 && lists.stages && (
                <BulkBar ids={selectedIds} stages={lists.stages} owners={owners} onClear={clear} />
              )}
              {shown.length > 0 && (
                <label class="check gd-all">
                  <input
                    type="checkbox"
                    checked={selected.size === shown.length}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((s) => s.prospectId)) : new Set())}
                  />
                  {t('goneDarkSelectAll', String(shown.length))}
                </label>
              )}
              <div class="gd-window" ref={box}>
                <ul class="results gd-rows" role="list" style={{ height: `${shown.length * ROW_PX}px` }} data-list={which}>
                  {shown.slice(first, last).map((s, k) => {
                    const i = first + k;
                    const money = value(s);
                    return (
                      <li
                        key={s.prospectId}
                        data-prospect={s.prospectId}
                        aria-setsize={shown.length}
                        aria-posinset={i + 1}
                        style={{ top: `${i * ROW_PX}px`, height: `${ROW_PX}px` }}
                      >
                        <input
                          type="checkbox"
                          aria-label={t('goneDarkSelect', s.name)}
                          checked={selected.has(s.prospectId)}
                          onClick={(e) => toggle(i, (e as MouseEvent).shiftKey)}
                        />
                        <button type="button" class="result" onClick={() => onPick(s.prospectId)}>
                          <span class="name">{s.name}</span>
                          <span class="sub">
                            {[s.company, stageLabel(s.stageKey, s.stageName), money ?? t('goneDarkNoValue'), owners.length > 1 ? ownerName(s.ownerId) : null]
                              .filter(Boolean)
                              .join(' · ')}{' '}
                            ·{' '}
                            <span class={which === 'dark' ? 'stalled' : 'uncontacted'}>
                              {which === 'dark' ? t('daysSilent', String(s.silenceDays)) : t('inPipelineDays', String(s.silenceDays))}
                            </span>
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
