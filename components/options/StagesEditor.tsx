import { useEffect, useState } from 'preact/hooks';
import type { Stage } from '../../lib/model';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { t } from '../shared/i18n';
import { useStoreVersion } from '../shared/useStoreVersion';
import { AddStageForm } from './AddStageForm';
import { StageRow } from './StageRow';
import { useTeamSettings } from './useTeamSettings';
import './playbook.css';

/** The team's pipeline: rename, reorder, add and remove stages, each with its win probability and stale limit. */
export function StagesEditor() {
  const [stages, setStages] = useState<Stage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { settings, canEdit, error: settingsError } = useTeamSettings();
  const version = useStoreVersion();
  useEffect(() => {
    send({ type: 'stages' })
      .then((r) => {
        setStages([...r.stages].sort((a, b) => a.order - b.order));
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [version]);
  return (
    <section aria-labelledby="stages-h" class="playbook-editor">
      <h2 id="stages-h">{t('stagesHeading')}</h2>
      <p class="muted">{t('stagesHint')}</p>
      {settings && !canEdit && <p>{t('playbookOwnersOnly')}</p>}
      <ErrorNote error={error ?? settingsError} />
      {stages.map((s) => (
        <StageRow key={s.id} stage={s} stages={stages} canEdit={canEdit} onDone={setDone} />
      ))}
      {canEdit && <AddStageForm onDone={setDone} />}
      <p role="status" class="muted">
        {done}
      </p>
    </section>
  );
}
