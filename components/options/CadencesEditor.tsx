import { useEffect, useState } from 'preact/hooks';
import type { Cadence } from '../../lib/model';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { t } from '../shared/i18n';
import { useStoreVersion } from '../shared/useStoreVersion';
import { CadenceForm } from './CadenceForm';
import { useTeamSettings } from './useTeamSettings';
import './playbook.css';

interface Editing {
  /** Changes only when another cadence is opened, so saving keeps the form (and the keyboard focus) in place. */
  session: number;
  cadence: Cadence | null;
}

let sessions = 0;

/** The team's cadences: the list, and one open for editing or a new one. */
export function CadencesEditor() {
  const [cadences, setCadences] = useState<Cadence[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { settings, canEdit } = useTeamSettings();
  const version = useStoreVersion();
  useEffect(() => {
    send({ type: 'cadences' })
      .then((r) => {
        setCadences(r.cadences);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [version]);

  const open = (cadence: Cadence | null) => {
    setNote(null);
    setEditing({ session: ++sessions, cadence });
  };
  return (
    <section aria-labelledby="cadences-h" class="playbook-editor">
      <h2 id="cadences-h">{t('cadencesEdHeading')}</h2>
      <p class="muted">{t('cadencesEdHint')}</p>
      {settings && !canEdit && <p>{t('playbookOwnersOnly')}</p>}
      <ErrorNote error={error} />
      {cadences?.length === 0 && <p class="muted">{t('cadencesEdNone')}</p>}
      <ul class="cadence-list">
        {cadences?.map((c) => (
          <li key={c.id} data-cadence={c.name}>
            <button type="button" class="link" aria-current={editing?.cadence?.id === c.id ? 'true' : undefined} onClick={() => open(c)}>
              {c.name}
            </button>{' '}
            <span class="muted">{t('cadenceEdSummary', [String(c.steps.length), String(c.steps.at(-1)?.day ?? 0)])}</span>
          </li>
        ))}
      </ul>
      {canEdit && (
        <p>
          <button type="button" onClick={() => open(null)}>
            {t('cadenceEdNewButton')}
          </button>
        </p>
      )}
      <p role="status">{note}</p>
      {editing && (
        <CadenceForm
          key={editing.session}
          cadence={editing.cadence}
          canEdit={canEdit}
          onSaved={(c) => setEditing({ session: editing.session, cadence: c })}
          onDeleted={() => {
            setNote(t('cadenceEdDeleted', editing.cadence?.name ?? ''));
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}
