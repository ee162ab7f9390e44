import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prospect } from '../../../../lib/model';
import { send } from '../../../shared/api';
import { Field } from '../../../ui/Field';
import { t } from '../../../shared/i18n';

/** The rep's own judgement as a score rule: signed points, shown in the breakdown as a manual adjustment. */
export function ScoreAdjust({ prospect }: { prospect: Prospect }) {
  const [value, setValue] = useState(String(prospect.scoreAdjustment));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setValue(String(prospect.scoreAdjustment)), [prospect.id, prospect.scoreAdjustment]);

  return (
    <form
      class="form row score-adjust" noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        const points = Number(value.trim());
        if (value.trim() === '' || !Number.isInteger(points) || points < -100 || points > 100) {
          setError(t('errorAdjustment'));
          input.current?.focus();
          return;
        }
        try {
          await send({ type: 'setScoreAdjustment', prospectId: prospect.id, points });
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <Field label={t('scoreAdjustment')} hint={t('scoreAdjustmentHint')} error={error}>
        {(id, aria) => (
          <input
            ref={input}
            id={id}
            type="number"
            min={-100}
            max={100}
            step={1}
            value={value}
            {...aria}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit">{t('saveAdjustment')}</button>
      </div>
    </form>
  );
}
