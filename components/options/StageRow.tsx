import { useEffect, useRef, useState } from 'preact/hooks';
import type { Stage } from '../../lib/model';
import { FIRST_STAGE_KEY } from '../../lib/pipeline/default-stages';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { stageLabel, t } from '../shared/i18n';
import { useAction } from './useAccount';
import { numberOrNull } from './form-values';
import { StageNumbers } from './StageNumbers';

interface Props {
  stage: Stage;
  /** Every live stage in order, this one included: the neighbours decide the move buttons and where prospects can go. */
  stages: Stage[];
  canEdit: boolean;
  onDone: (message: string) => void;
}

/** One stage: its name, win probability and stale limit; moving it; removing it with its prospects reassigned. */
export function StageRow({ stage, stages, canEdit, onDone }: Props) {
  const label = stageLabel(stage.key, stage.name);
  const [name, setName] = useState(stage.name ?? '');
  const [probability, setProbability] = useState(String(stage.probability));
  const [stale, setStale] = useState(stage.staleDays === null ? '' : String(stage.staleDays));
  const [removing, setRemoving] = useState(false);
  const others = stages.filter((s) => s.id !== stage.id);
  const index = stages.findIndex((s) => s.id === stage.id);
  const [reassignTo, setReassignTo] = useState('');
  const startRemoving = () => {
    // The previous stage is where a removed stage's people most likely belong (the first one has none).
    setReassignTo((stages[index - 1] ?? others[0])?.key ?? '');
    setRemoving(true);
  };
  const { busy, error, run, setError } = useAction();

  // A save here, a reorder or a teammate's edit (by sync) replaces the row's values.
  useEffect(() => {
    setName(stage.name ?? '');
    setProbability(String(stage.probability));
    setStale(stage.staleDays === null ? '' : String(stage.staleDays));
  }, [stage.updatedAt]);

  const save = (e: Event) => {
    e.preventDefault();
    const p = numberOrNull(probability);
    if (p === null) return setError(t('stageProbabilityMissing'));
    void run(async () => {
      await send({ type: 'saveStage', stage: { id: stage.id, name: name.trim() || null, probability: p, staleDays: numberOrNull(stale) } });
      onDone(t('stageSaved', stageLabel(stage.key, name.trim() || null)));
    });
  };
  // Reordering re-renders the list; keep the keyboard on this stage's move buttons (the other one at an end).
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const moved = useRef<-1 | 1 | null>(null);
  useEffect(() => {
    if (moved.current === null) return;
    const [first, second] = moved.current === -1 ? [up, down] : [down, up];
    moved.current = null;
    (first.current?.disabled ? second : first).current?.focus();
  }, [index]);
  const move = (delta: -1 | 1) => {
    moved.current = delta;
    return run(() => send({ type: 'reorderStage', id: stage.id, delta }));
  };
  const remove = () =>
    run(async () => {
      const to = others.find((s) => s.key === reassignTo);
      const { moved } = await send({ type: 'removeStage', id: stage.id, reassignTo });
      onDone(t('stageRemoved', [label, String(moved), to ? stageLabel(to.key, to.name) : reassignTo]));
    });

  return (
    <form class="stage-row" data-stage={stage.key} onSubmit={save} noValidate>
      <fieldset disabled={!canEdit} aria-busy={busy}>
        <legend>
          {label}
          {stage.kind !== 'open' && <span class="muted"> · {t(stage.kind === 'won' ? 'stageKindWon' : 'stageKindLost')}</span>}
        </legend>
        <div class="stage-fields">
          <Field label={t('stageNameOf', label)}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={60}
                value={name}
                // An empty name means the default name, in the reader's language.
                placeholder={stageLabel(stage.key, null)}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            )}
          </Field>
          <StageNumbers
            probability={probability}
            stale={stale}
            showStale={stage.kind === 'open'}
            onProbability={setProbability}
            onStale={setStale}
          />
          {canEdit && (
            <button type="submit" aria-label={t('stageSaveNamed', label)}>
              {t('stageSave')}
            </button>
          )}
        </div>
        {canEdit && (
          <div class="stage-actions">
            <button type="button" ref={up} disabled={index <= 0} aria-label={t('stageMoveUpNamed', label)} onClick={() => void move(-1)}>
              {t('stageMoveUp')}
            </button>
            <button
              type="button"
              ref={down}
              disabled={index >= stages.length - 1}
              aria-label={t('stageMoveDownNamed', label)}
              onClick={() => void move(1)}
            >
              {t('stageMoveDown')}
            </button>
            {stage.key === FIRST_STAGE_KEY ? (
              // Every new prospect starts here, so the pipeline cannot lose it.
              <span class="muted">{t('stageFirstStays')}</span>
            ) : !removing ? (
              <button type="button" aria-label={t('stageRemoveNamed', label)} onClick={startRemoving}>
                {t('stageRemove')}
              </button>
            ) : (
              <span class="stage-remove">
                <Field label={t('stageMoveProspectsTo')} inline>
                  {(id) => (
                    <select id={id} value={reassignTo} onChange={(e) => setReassignTo(e.currentTarget.value)}>
                      {others.map((s) => (
                        <option key={s.id} value={s.key}>
                          {stageLabel(s.key, s.name)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="button" class="danger" onClick={() => void remove()}>
                  {t('stageRemoveConfirm', label)}
                </button>
                <button type="button" onClick={() => setRemoving(false)}>
                  {t('cancel')}
                </button>
              </span>
            )}
          </div>
        )}
        <ErrorNote error={error} />
      </fieldset>
    </form>
  );
}
