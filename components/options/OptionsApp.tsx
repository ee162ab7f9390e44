import { t } from '../shared/i18n';
import { TargetsEditor } from '../sidepanel/insights/TargetsEditor';
import { ErrorNote } from '../ui/ErrorNote';
import { BackendSection } from './BackendSection';
import { CadencesEditor } from './CadencesEditor';
import { CurrencySetting } from './CurrencySetting';
import { DataSection } from './DataSection';
import { DueRulePref } from './DueRulePref';
import { LostReasonsEditor } from './LostReasonsEditor';
import { NotificationsPref } from './NotificationsPref';
import { LinkedInPref, MailPref } from './PagePref';
import { RetentionPref } from './RetentionPref';
import { ScoringEditor } from './ScoringEditor';
import { SignInSection } from './SignInSection';
import { StagesEditor } from './StagesEditor';
import { SyncIssues } from './SyncIssues';
import { TeamSection } from './TeamSection';
import { useAccount } from './useAccount';

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
      <DueRulePref />
      <LostReasonsEditor />
      <section aria-labelledby="linkedin-pref-h" class="playbook-editor">
        <h2 id="linkedin-pref-h">{t('linkedinPrefHeading')}</h2>
        <LinkedInPref />
      </section>
      <section aria-labelledby="mail-pref-h" class="playbook-editor">
        <h2 id="mail-pref-h">{t('mailPrefHeading')}</h2>
        <MailPref />
      </section>
      <NotificationsPref />
      <RetentionPref />
      <CurrencySetting />
      <TargetsEditor />
      <DataSection />
    </main>
  );
}
