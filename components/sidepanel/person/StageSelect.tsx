import { useState } from 'preact/hooks';
import type { Stage } from '../../../lib/model';
import { send } from '../../shared/api';
import { Field } from '../../ui/Field';
import { stageLabel, t } from '../../shared/i18n';
import { lostReasonChoices, lostReasonText } from '../../chip/actions/logic';

/**
 * The Stage select. A move past qualification for someone who has not passed the SQL gate waits
 * for the rep to confirm it in place (no native dialog: nothing is hidden from assistive tech).
 * A move to a lost stage first asks why: the team's lost reasons and the rep's own words.
 */
export function StageSelect({
  prospectId,
  stages,
  value,
  lostReasons = null,
  onError,
  pill = false,
}: {
  prospectId: string;
  stages: Stage[];
  value: string;
  lostReasons?: string[] | null;
  onError: (message: string) => void;
  /** Shown as the stage pill (coloured by the stage, label read out but not shown): the header's control. */
  pill?: boolean;
}) {
  const [asking, setAsking] = useState<Stage | null>(null);
  const [lost, setLost] = useState<Stage | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const move = async (key: string, confirmed: boolean, lostReason: string | null = reason) => {
    try {
      const r = await send({ type: 'setStage', prospectId, stageKey: key, confirmed, ...(lostReason ? { lostReason } : {}) });
      setAsking(r.needsConfirmation ? (stages.find((s) => s.key === key) ?? null) : null);
      if (!r.needsConfirmation) setReason(null);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const choose = (key: string) => {
    const to = stages.find((s) => s.key === key);
    if (to?.kind === 'lost') setLost(to);
    else void move(key, false, null);
  };
  return (
    <>
      <Field inline hideLabel={pill} label={t('fieldStage')}>
        {(id) => (
          <select
            id={id}
            class={pill ? 'stage-pill' : undefined}
            value={lost?.key ?? value}
            onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
          >
            {stages.map((s) => (
              <option key={s.id} value={s.key}>
                {stageLabel(s.key, s.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {lost && (
        <form
          class="confirm lost-reason"
          aria-label={t('lostAsk')}
          onSubmit={(e) => {
            e.preventDefault();
            const f = e.currentTarget as HTMLFormElement;
            const picked = (f.elements.namedItem('lost') as RadioNodeList | null)?.value ?? '';
            const words = (f.elements.namedItem('words') as HTMLInputElement | null)?.value ?? '';
            const text = lostReasonText(picked, words);
            setReason(text);
            setLost(null);
            void move(lost.key, false, text);
          }}
        >
          <fieldset>
            <legend>{t('lostAsk')}</legend>
            {lostReasonChoices(lostReasons).map((c) => (
              <label key={c.value} class="qa-radio">
                <input type="radio" name="lost" value={c.value} />
                {c.label}
              </label>
            ))}
          </fieldset>
          <Field label={t('lostOther')}>{(fid) => <input id={fid} name="words" type="text" maxLength={400} />}</Field>
          <button type="submit">{t('lostConfirm')}</button>
          <button type="button" class="link" onClick={() => setLost(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
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
