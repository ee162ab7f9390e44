import { t } from './i18n';
import { TargetsEditor } from './insights/TargetsEditor';
import { ErrorNote } from './ErrorNote';
import { BackendSection } from './options/BackendSection';
import { CadencesEditor } from './options/CadencesEditor';
import { DataSection } from './options/DataSection';
import { NotificationsPref } from './options/NotificationsPref';
import { ScoringEditor } from './options/ScoringEditor';
import { SignInSection } from './options/SignInSection';
import { StagesEditor } from './options/StagesEditor';
import { SyncIssues } from './options/SyncIssues';
import { TeamSection } from './options/TeamSection';
import { useAccount } from './options/useAccount';

/** Where the pipeline lives (local or a team's Supabase project), the account, and the team's playbook. */
export function OptionsApp() {
  const { account, setAccount, error: accountError } = useAccount();
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
      <StagesEditor />
      <ScoringEditor />
      <CadencesEditor />
      <NotificationsPref />
      <TargetsEditor />
      <DataSection />
    </main>
  );
}
