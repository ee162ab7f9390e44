import { useEffect, useState } from 'preact/hooks';
import type { Stage } from '../lib/model';
import { send } from './api';
import { stageLabel, t } from './i18n';
import { ErrorNote } from './ErrorNote';

/** Local mode settings. Backend connection, scoring and cadences come with their own issues. */
export function OptionsApp() {
  const [stages, setStages] = useState<Stage[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send({ type: 'stages' })
      .then((r) => setStages(r.stages))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="mode-h">
        <h2 id="mode-h">{t('modeHeading')}</h2>
        <p>{t('modeLocal')}</p>
      </section>
      <section aria-labelledby="stages-h">
        <h2 id="stages-h">{t('stagesHeading')}</h2>
        <ErrorNote error={error} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t('fieldStage')}</th>
              <th scope="col">{t('stageProbability')}</th>
              <th scope="col">{t('stageStaleDays')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.id} data-stage={s.key}>
                <th scope="row">{stageLabel(s.key, s.name)}</th>
                <td>{s.probability} %</td>
                <td>{s.staleDays ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
