import type { Source, Temperature } from '../../../lib/model/enums';
import { SourceOptions } from '../../shared/SourceOptions';
import { EMPTY_FILTER, isFiltered, type BoardFilter, type BoardOwner, type GateFilter } from '../../../lib/pipeline/board';
import { Field } from '../../ui/Field';
import { t, type MessageKey } from '../../shared/i18n';

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

/** Owner, source, temperature, gone dark, MQL/SQL and a name/company search; all applied in the panel. */
export function BoardFilters({
  filter,
  owners,
  shown,
  total,
  onChange,
}: {
  filter: BoardFilter;
  owners: BoardOwner[];
  shown: number;
  total: number;
  onChange: (f: BoardFilter) => void;
}) {
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  return (
    <div class="board-filters" role="group" aria-label={t('boardFilters')}>
      <Field label={t('boardSearch')}>
        {(id) => (
          <input id={id} type="search" value={filter.query} maxLength={200} autocomplete="off" onInput={(e) => set({ query: value(e) })} />
        )}
      </Field>
      <div class="board-filter-row">
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
      </div>
      <div class="board-filter-row">
        <label class="check">
          <input
            type="checkbox"
            checked={filter.stalledOnly}
            onChange={(e) => set({ stalledOnly: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t('boardStalledOnly')}
        </label>
        {isFiltered(filter) && (
          <button type="button" class="link" onClick={() => onChange(EMPTY_FILTER)}>
            {t('boardClearFilters')}
          </button>
        )}
        <span class="muted board-shown" role="status">
          {shown === total ? t('boardTotal', String(total)) : t('boardShowing', [String(shown), String(total)])}
        </span>
      </div>
    </div>
  );
}
