import { useState } from 'preact/hooks';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { useAction } from './useAccount';
import { numberOrNull } from './form-values';
import { StageNumbers } from './StageNumbers';

/** A new open stage, placed after the last open one (won and lost stay at the end). */
export function AddStageForm({ onDone }: { onDone: (message: string) => void }) {
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('');
  const [stale, setStale] = useState('14');
  const { busy, error, run, setError } = useAction();
  return (
    <form
      class="stage-row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const p = numberOrNull(probability);
        if (!name.trim()) return setError(t('stageNameMissing'));
        if (p === null) return setError(t('stageProbabilityMissing'));
        void run(async () => {
          await send({ type: 'saveStage', stage: { name: name.trim(), probability: p, staleDays: numberOrNull(stale) } });
          onDone(t('stageAdded', name.trim()));
          setName('');
          setProbability('');
        });
      }}
    >
      <fieldset aria-busy={busy}>
        <legend>{t('stageAdd')}</legend>
        <div class="stage-fields">
          <Field label={t('stageNewName')}>
            {(id) => <input id={id} type="text" maxLength={60} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <StageNumbers probability={probability} stale={stale} showStale={true} onProbability={setProbability} onStale={setStale} />
          <button type="submit">{t('stageAdd')}</button>
        </div>
        <ErrorNote error={error} />
      </fieldset>
    </form>
  );
}
