import { useEffect, useState } from 'preact/hooks';
import type { Stage } from '../lib/model';
import { send } from './api';
import { stageLabel, t } from './i18n';
import { ErrorNote } from './ErrorNote';
import { BackendSection } from './options/BackendSection';
import { SignInSection } from './options/SignInSection';
import { SyncIssues } from './options/SyncIssues';
import { TeamSection } from './options/TeamSection';
import { useAccount } from './options/useAccount';
import { useStoreVersion } from './useStoreVersion';

/** Where the pipeline lives (local or a team's Supabase project), the account, and the stages. */
export function OptionsApp() {
  const { account, setAccount, error: accountError } = useAccount();
  const [stages, setStages] = useState<Stage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    send({ type: 'stages' })
      .then((r) => setStages(r.stages))
      .catch((e: Error) => setError(e.message));
  }, [version]);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="mode-h">
        <h2 id="mode-h">{t('modeHeading')}</h2>
        <p data-testid="mode">{account?.scope.mode === 'team' ? t('modeTeam', account.scope.teamName) : t('modeLocal')}</p>
        <ErrorNote error={accountError} />
      </section>
      {account && <BackendSection account={account} onChange={setAccount} />}
      {account?.backend && <SignInSection account={account} onChange={setAccount} />}
      {account?.user && <TeamSection account={account} onChange={setAccount} />}
      {account?.scope.mode === 'team' && <SyncIssues />}
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
