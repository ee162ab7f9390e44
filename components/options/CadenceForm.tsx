import { useState } from 'preact/hooks';
import { CADENCE_LIMITS } from '../../lib/model/cadence';
import { CADENCE_CHANNELS, type Cadence, type CadenceChannel } from '../../lib/model';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, type MessageKey } from '../shared/i18n';
import { numberOrNull } from './form-values';
import { useAction } from './useAccount';

interface StepDraft {
  /** Identifies the row while steps are added and removed, so inputs keep their text and focus. */
  rowId: number;
  day: string;
  channel: CadenceChannel;
  note: string;
}

let nextRowId = 1;
const row = (day: string, channel: CadenceChannel, note: string): StepDraft => ({ rowId: nextRowId++, day, channel, note });

interface Props {
  /** The cadence edited, or null for a new one. */
  cadence: Cadence | null;
  canEdit: boolean;
  onSaved: (c: Cadence) => void;
  onDeleted: () => void;
}

/** One cadence: name, description and its steps (day offset, channel, note template). */
export function CadenceForm({ cadence, canEdit, onSaved, onDeleted }: Props) {
  const [name, setName] = useState(cadence?.name ?? '');
  const [description, setDescription] = useState(cadence?.description ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    cadence ? cadence.steps.map((s) => row(String(s.day), s.channel, s.note)) : [row('0', 'connection_request', '')],
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run, setError } = useAction();

  const edit = (rowId: number, patch: Partial<StepDraft>) => {
    setSaved(null);
    setSteps((all) => all.map((s) => (s.rowId === rowId ? { ...s, ...patch } : s)));
  };
  const addStep = () => {
    const last = steps.at(-1);
    // Two days after the last step is the playbook's usual rhythm; the admin changes it as needed.
    setSteps([...steps, row(last ? String((numberOrNull(last.day) ?? 0) + 2) : '0', 'linkedin_message', '')]);
  };
  const save = (e: Event) => {
    e.preventDefault();
    const days = steps.map((s) => numberOrNull(s.day));
    const missing = days.findIndex((d) => d === null);
    if (missing >= 0) return setError(t('cadenceEdDayMissing', String(missing + 1)));
    void run(async () => {
      const { cadence: c } = await send({
        type: 'saveCadence',
        cadence: {
          ...(cadence ? { id: cadence.id } : {}),
          name: name.trim(),
          description: description.trim() || null,
          steps: steps.map((s, i) => ({ day: days[i]!, channel: s.channel, note: s.note.trim() })),
        },
      });
      setSaved(t('cadenceEdSaved', c.name));
      onSaved(c);
    });
  };
  const remove = () =>
    run(async () => {
      await send({ type: 'deleteCadence', id: cadence!.id });
      onDeleted();
    });

  return (
    <form class="cadence-form" noValidate onSubmit={save} aria-labelledby="cadence-form-h">
      <h3 id="cadence-form-h">{cadence ? cadence.name : t('cadenceEdNew')}</h3>
      <fieldset class="plain" disabled={!canEdit} aria-busy={busy}>
        <Field label={t('cadenceEdName')}>
          {(id) => (
            <input
              id={id}
              type="text"
              maxLength={CADENCE_LIMITS.name}
              value={name}
              onInput={(e) => (setSaved(null), setName(e.currentTarget.value))}
            />
          )}
        </Field>
        <Field label={t('cadenceEdDescription')}>
          {(id) => (
            <textarea
              id={id}
              rows={2}
              maxLength={CADENCE_LIMITS.description}
              value={description}
              onInput={(e) => (setSaved(null), setDescription(e.currentTarget.value))}
            />
          )}
        </Field>
        <p class="muted" id="cadence-template-hint">
          {t('cadenceEdTemplateHint')}
        </p>
        <table class="cadence-steps">
          <caption>{t('cadenceEdSteps')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cadenceEdDay')}</th>
              <th scope="col">{t('fieldChannel')}</th>
              <th scope="col">{t('cadenceEdNote')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('cadenceEdStepActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => {
              const n = String(i + 1);
              // A grid under column headers: each control names its column and step itself.
              return (
                <tr key={s.rowId} data-step={n}>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={CADENCE_LIMITS.day}
                      aria-label={t('cadenceEdStepDay', n)}
                      value={s.day}
                      onInput={(e) => edit(s.rowId, { day: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('cadenceEdStepChannel', n)}
                      value={s.channel}
                      onChange={(e) => edit(s.rowId, { channel: e.currentTarget.value as CadenceChannel })}
                    >
                      {CADENCE_CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {t(`channel_${c}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="text"
                      maxLength={CADENCE_LIMITS.note}
                      aria-label={t('cadenceEdStepNote', n)}
                      aria-describedby="cadence-template-hint"
                      value={s.note}
                      onInput={(e) => edit(s.rowId, { note: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    {canEdit && (
                      <button
                        type="button"
                        aria-label={t('cadenceEdRemoveStepNamed', n)}
                        onClick={() => (setSaved(null), setSteps(steps.filter((x) => x.rowId !== s.rowId)))}
                      >
                        {t('cadenceEdRemoveStep')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {canEdit && (
          <div class="cadence-actions">
            <button type="button" disabled={steps.length >= CADENCE_LIMITS.steps} onClick={addStep}>
              {t('cadenceEdAddStep')}
            </button>
            <button type="submit" class="primary">
              {t('cadenceEdSave')}
            </button>
            {cadence &&
              (confirmDelete ? (
                <span class="confirm">
                  {t('cadenceEdDeleteQuestion', cadence.name)}{' '}
                  <button type="button" class="danger" onClick={() => void remove()}>
                    {t('cadenceEdDeleteConfirm')}
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(false)}>
                    {t('cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirmDelete(true)}>
                  {t('cadenceEdDelete')}
                </button>
              ))}
          </div>
        )}
        <ErrorNote error={error} />
        <p role="status">{saved}</p>
      </fieldset>
    </form>
  );
}
