import type { Prospect } from '../lib/model';
import { SOURCES, type Source, type Temperature } from '../lib/model/enums';
import { send } from './api';
import { Field } from './Field';
import { t, type MessageKey } from './i18n';

/** How the prospect was found, and its temperature (which follows the source until the rep sets it). */
export function SourceEditor({ prospect, onError }: { prospect: Prospect; onError: (m: string) => void }) {
  const update = (patch: { source?: Source; temperature?: Temperature }) =>
    send({ type: 'update', id: prospect.id, patch }).catch((e: Error) => onError(e.message));
  return (
    <div class="status">
      <Field inline label={t('fieldSource')}>
        {(id) => (
          <select
            id={id}
            value={prospect.source}
            onChange={(e) => update({ source: (e.currentTarget as HTMLSelectElement).value as Source })}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source_${s}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field inline label={t('fieldTemperature')}>
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
