import { useState } from 'preact/hooks';
import type { Stage } from '../lib/model';
import { send } from './api';
import { Field } from './Field';
import { stageLabel, t } from './i18n';

/**
 * The Stage select. A move past qualification for someone who has not passed the SQL gate waits
 * for the rep to confirm it in place (no native dialog: nothing is hidden from assistive tech).
 */
export function StageSelect({
  prospectId,
  stages,
  value,
  onError,
}: {
  prospectId: string;
  stages: Stage[];
  value: string;
  onError: (message: string) => void;
}) {
  const [asking, setAsking] = useState<Stage | null>(null);
  const move = async (key: string, confirmed: boolean) => {
    try {
      const r = await send({ type: 'setStage', prospectId, stageKey: key, confirmed });
      setAsking(r.needsConfirmation ? (stages.find((s) => s.key === key) ?? null) : null);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <>
      <Field inline label={t('fieldStage')}>
        {(id) => (
          <select id={id} value={value} onChange={(e) => void move((e.currentTarget as HTMLSelectElement).value, false)}>
            {stages.map((s) => (
              <option key={s.id} value={s.key}>
                {stageLabel(s.key, s.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {asking && (
        <div class="confirm" role="alert">
          <p>{t('sqlConfirmMove', stageLabel(asking.key, asking.name))}</p>
          <button type="button" onClick={() => void move(asking.key, true)}>
            {t('sqlConfirmMoveYes')}
          </button>
          <button type="button" class="link" onClick={() => setAsking(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </>
  );
}
