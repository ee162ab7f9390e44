import type { Prospect } from '../../../lib/model';
import type { Source, Temperature } from '../../../lib/model/enums';
import { send } from '../../shared/api';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';
import { SourceSelect } from './SourceSelect';

/** How the prospect was found, and its temperature (which follows the source until the rep sets it). */
export function SourceEditor({ prospect, onError }: { prospect: Prospect; onError: (m: string) => void }) {
  const update = (patch: { source?: Source; temperature?: Temperature }) =>
    send({ type: 'update', id: prospect.id, patch }).catch((e: Error) => onError(e.message));
  return (
    // Label above its select, like every other field of the record; side by side, they share the row.
    <div class="source-temperature">
      <SourceSelect value={prospect.source} onChange={(source) => update({ source })} />
      <Field label={t('fieldTemperature')}>
        {(id) => (
          <select
            id={id}
            value={prospect.temperature}
            onChange={(e) => update({ temperature: (e.currentTarget as HTMLSelectElement).value as Temperature })}
          >
            <option value="cold">{t('cold')}</option>
            <option value="warm">{t('warm')}</option>
          </select>
        )}
      </Field>
    </div>
  );
}
