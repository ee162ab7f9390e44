import { Field } from '../ui/Field';
import { t } from '../shared/i18n';

/** A stage's win probability and stale limit, as typed (validated when saved), for the add form and each row. */
export function StageNumbers({
  probability,
  stale,
  showStale,
  onProbability,
  onStale,
}: {
  probability: string;
  stale: string;
  showStale: boolean;
  onProbability: (v: string) => void;
  onStale: (v: string) => void;
}) {
  return (
    <>
      <Field label={t('stageProbabilityPct')}>
        {(id) => (
          <input id={id} type="number" min={0} max={100} value={probability} onInput={(e) => onProbability(e.currentTarget.value)} />
        )}
      </Field>
      {showStale && (
        <Field label={t('stageStaleDays')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={3650}
              value={stale}
              placeholder={t('stageStaleNever')}
              onInput={(e) => onStale(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </>
  );
}
