import type { ProspectDraft } from '../../../lib/model/draft';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';

/** In a mail thread with several correspondents: whom the form and record are about. */
export function PersonPicker({
  people,
  current,
  onChoose,
}: {
  people: ProspectDraft[];
  current: ProspectDraft;
  onChoose: (email: string) => void;
}) {
  if (people.length < 2) return null;
  return (
    <Field label={t('fieldPerson')}>
      {(id) => (
        <select id={id} value={current.fields.email?.value ?? ''} onChange={(e) => onChoose((e.currentTarget as HTMLSelectElement).value)}>
          {people.map((d) => {
            const email = d.fields.email?.value ?? '';
            const name = d.fields.name?.value;
            return (
              <option key={email} value={email}>
                {name && name !== email ? `${name} <${email}>` : email}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
