import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Source, Temperature } from '../../../lib/model/enums';
import { SourceOptions } from '../../shared/SourceOptions';
import { EMPTY_FILTER, isFiltered, type BoardFilter, type BoardOwner, type GateFilter } from '../../../lib/pipeline/board';
import { Field } from '../../ui/Field';
import { t, type MessageKey } from '../../shared/i18n';
import { activeFilters } from './filter-state';

const GATES: ReadonlyArray<[GateFilter, MessageKey]> = [
  ['all', 'boardGateAll'],
  ['mql', 'boardGateMql'],
  ['sql', 'boardGateSql'],
  ['none', 'boardGateNone'],
];

function ownerLabel(o: BoardOwner): string {
  return o.you ? t('boardOwnerYou') : (o.name ?? o.id.slice(0, 8));
}

const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;

/**
 * Owner, source, temperature, gone dark and MQL/SQL, all applied in the panel. The text search is the
 * panel's own search box (one box, not two). At panel width the filters fold behind one Filters
 * button that says how many are on; in a wide tab they sit in a row above the columns.
 */
export function BoardFilters({
  filter,
  owners,
  shown,
  total,
  wide,
  onChange,
  end = null,
}: {
  filter: BoardFilter;
  owners: BoardOwner[];
  shown: number;
  total: number;
  /** Room for the filters in a row (a tab), rather than folded (the side panel). */
  wide: boolean;
  onChange: (f: BoardFilter) => void;
  /** What ends the Filters line in the panel (Open board in a tab). */
  end?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const groupId = useId();
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  const active = activeFilters(filter);
  const status = (
    <span class="muted board-shown" role="status">
      {shown === total ? t('boardTotal', String(total)) : t('boardShowing', [String(shown), String(total)])}
    </span>
  );
  const clear = isFiltered({ ...filter, query: '' }) && (
    <button type="button" class="link" onClick={() => onChange({ ...EMPTY_FILTER, query: filter.query })}>
      {t('boardClearFilters')}
    </button>
  );
  return (
    <div class={wide ? 'board-filters is-wide' : 'board-filters'}>
      {!wide && (
        <div class="board-filter-bar">
          <button
            type="button"
            class={active ? 'board-filter-toggle is-on' : 'board-filter-toggle'}
            aria-expanded={open}
            aria-controls={groupId}
            aria-label={active ? t('boardFiltersCount', String(active)) : t('boardFiltersButton')}
            data-active={active}
            onClick={() => setOpen(!open)}
          >
            {t('boardFiltersButton')}
            {active > 0 && (
              <span class="board-filter-count" aria-hidden="true">
                {active}
              </span>
            )}
          </button>
          {!open && clear}
          {status}
          {end}
        </div>
      )}
      {(wide || open) && (
        <div class="board-filter-row" role="group" aria-label={t('boardFilters')} id={groupId}>
          <Field label={t('boardOwner')}>
            {(id) => (
              <select id={id} value={filter.ownerId ?? ''} onChange={(e) => set({ ownerId: value(e) || null })}>
                <option value="">{t('boardOwnerAll')}</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {ownerLabel(o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('fieldSource')}>
            {(id) => (
              <select id={id} value={filter.source ?? ''} onChange={(e) => set({ source: (value(e) || null) as Source | null })}>
                <option value="">{t('boardSourceAll')}</option>
                <SourceOptions />
              </select>
            )}
          </Field>
          <Field label={t('fieldTemperature')}>
            {(id) => (
              <select
                id={id}
                value={filter.temperature ?? ''}
                onChange={(e) => set({ temperature: (value(e) || null) as Temperature | null })}
              >
                <option value="">{t('boardTemperatureAll')}</option>
                <option value="cold">{t('cold')}</option>
                <option value="warm">{t('warm')}</option>
              </select>
            )}
          </Field>
          <Field label={t('boardGate')}>
            {(id) => (
              <select id={id} value={filter.gate} onChange={(e) => set({ gate: value(e) as GateFilter })}>
                {GATES.map(([g, key]) => (
                  <option key={g} value={g}>
                    {t(key)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label class="check">
            <input
              type="checkbox"
              checked={filter.stalledOnly}
              onChange={(e) => set({ stalledOnly: (e.currentTarget as HTMLInputElement).checked })}
            />
            {t('boardStalledOnly')}
          </label>
          {(wide || open) && clear}
          {wide && status}
        </div>
      )}
    </div>
  );
}
