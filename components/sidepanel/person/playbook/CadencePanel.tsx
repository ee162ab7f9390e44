import { useEffect, useState } from 'preact/hooks';
import type { ProspectDetail } from '../../../../lib/messaging/types';
import type { Cadence } from '../../../../lib/model';
import { send } from '../../../shared/api';
import { cadenceName } from '../../../shared/cadence-name';
import { ErrorNote } from '../../../ui/ErrorNote';
import { Field } from '../../../ui/Field';
import { formatDue } from '../../../shared/format';
import './playbook.css';
import { t, type MessageKey } from '../../../shared/i18n';
import { useStoreVersion } from '../../../shared/useStoreVersion';

type Action = 'skip' | 'pause' | 'resume' | 'stop';

function useCadences(): { cadences: Cadence[] | null; error: string | null } {
  const [cadences, setCadences] = useState<Cadence[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    send({ type: 'cadences' })
      .then((r) => live && (setCadences(r.cadences), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [version]);
  return { cadences, error };
}

function EnrolForm({ prospectId, onError }: { prospectId: string; onError: (m: string | null) => void }) {
  const { cadences, error } = useCadences();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  if (error) return <ErrorNote error={error} />;
  if (cadences === null) return <p class="muted">{t('loading')}</p>;
  if (cadences.length === 0) return <p class="muted">{t('cadenceNone')}</p>;
  // A cadence deleted meanwhile (or none chosen yet) falls back to the first.
  const cadenceId = cadences.some((c) => c.id === chosen) ? chosen : cadences[0]!.id;
  return (
    <form
      class="form row"
      onSubmit={async (e) => {
        e.preventDefault();
        onError(null);
        setBusy(true);
        try {
          // Steps keep their wall-clock time in the rep's own zone, across DST changes too.
          const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          await send({ type: 'enrol', prospectId, cadenceId, timeZone });
        } catch (err) {
          onError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label={t('fieldCadence')}>
        {(id) => (
          <select id={id} value={cadenceId} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            {cadences.map((c) => (
              <option key={c.id} value={c.id}>
                {cadenceName(c.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('enrol')}
      </button>
    </form>
  );
}

/** Enrol the prospect in a cadence, or follow and steer the running one (skip, pause, resume, stop). */
export function CadencePanel({ detail }: { detail: ProspectDetail }) {
  const p = detail.prospect;
  const e = p.enrolment;
  const [error, setError] = useState<string | null>(null);
  // A skip says nothing about which step it meant, so a double click must not skip two.
  const [busy, setBusy] = useState(false);
  const act = (action: Action) => {
    setError(null);
    setBusy(true);
    send({ type: 'cadenceAction', prospectId: p.id, action })
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  const running = e !== null && (e.status === 'active' || e.status === 'paused');
  const name = detail.cadence ? cadenceName(detail.cadence.name) : '';
  const total = detail.cadence?.steps.length ?? 0;
  // The pending step is the open follow-up this enrolment created; it carries the rendered title and due time.
  const open = running ? detail.followUps.find((f) => f.cadenceId === e.cadenceId && f.doneAt === null) : undefined;
  const stepIndex = open?.cadenceStep ?? e?.step ?? 0;
  const plannedChannel = detail.cadence?.steps[stepIndex]?.channel;
  const channel = open?.channel ?? plannedChannel;
  const due = open ? (open.openDueAt ?? open.dueAt) : (e?.dueAt ?? null);

  return (
    <div class="cadence-body" data-enrolment={e?.status ?? 'none'}>
      {running ? (
        <>
          <p class="cadence-name">
            <strong>{name}</strong> · <span class="step">{t('cadenceStep', [String(stepIndex + 1), String(total)])}</span>
            {channel && <> · {t(`channel_${channel}` as MessageKey)}</>}
          </p>
          {e.status === 'paused' ? (
            <p class="muted">{t('cadencePaused', formatDue(e.pausedAt ?? p.updatedAt))}</p>
          ) : (
            <p class={due !== null && due <= Date.now() ? 'cadence-step overdue' : 'cadence-step'} data-step={stepIndex}>
              {open && <span class="what">{open.title}</span>} {due !== null && <span class="when">{t('cadenceDue', formatDue(due))}</span>}
            </p>
          )}
          <p class="muted">{t('cadenceProgress', [String(e.done), String(e.skipped)])}</p>
          <div class="actions cadence-actions-row">
            {e.status === 'active' ? (
              <>
                <button type="button" disabled={busy} onClick={() => act('skip')}>
                  {t('cadenceSkip')}
                </button>
                <button type="button" disabled={busy} onClick={() => act('pause')}>
                  {t('cadencePause')}
                </button>
              </>
            ) : (
              <button type="button" disabled={busy} onClick={() => act('resume')}>
                {t('cadenceResume')}
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => act('stop')}>
              {t('cadenceStop')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="muted">
            {e?.status === 'completed' && name
              ? t('cadenceCompleted', name)
              : e?.status === 'stopped' && name
                ? t('cadenceStopped', name)
                : t('cadenceNotEnrolled')}
          </p>
          <EnrolForm prospectId={p.id} onError={setError} />
        </>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
