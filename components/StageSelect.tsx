import type { Stage } from '../lib/model';
import { Field } from './Field';
import { stageLabel, t } from './i18n';

export function StageSelect({ stages, value, onChange }: { stages: Stage[]; value: string; onChange: (key: string) => void }) {
  return (
    <Field inline label={t('fieldStage')}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {stages.map((s) => (
            <option key={s.id} value={s.key}>
              {stageLabel(s.key, s.name)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
