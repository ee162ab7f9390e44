import type { Source } from '../../../lib/model/enums';
import { SourceOptions } from '../../shared/SourceOptions';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';

/** How a prospect was found (DESIGN.md §1), labelled "Source". */
export function SourceSelect({ value, onChange, inline }: { value: Source; onChange: (s: Source) => void; inline?: boolean }) {
  return (
    <Field inline={inline} label={t('fieldSource')}>
      {(id) => (
        <select id={id} name="source" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Source)}>
          <SourceOptions />
        </select>
      )}
    </Field>
  );
}
