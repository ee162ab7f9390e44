import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from './api';
import { trackedForm } from './draft-wire';
import { DueNow } from './DueNow';
import { t } from './i18n';
import { PersonPicker } from './PersonPicker';
import { QualificationLine } from './playbook/SqlGate';
import { ProspectForm } from './ProspectForm';
import { ScoreBadge } from './ScoreBadge';
import { StageSelect } from './StageSelect';
import { SyncStatus } from './SyncStatus';
import { TabPersonView } from './TabPersonView';
import { useTabPerson } from './useTabPerson';
import { ErrorNote } from './ErrorNote';

export function PopupApp() {
  const { tabId, person, reload, choose } = useTabPerson(false);
  const [error, setError] = useState<string | null>(null);

  const openPanel = async () => {
    try {
      if (tabId !== null) await browser.sidePanel.open({ tabId });
      window.close();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const tracked = person.kind === 'draft' && person.detail ? person.detail : null;
  return (
    <main class="popup">
      <header class="bar">
        <h1>Jalur</h1>
        <button type="button" class="link" onClick={openPanel}>
          {t('openSidePanel')}
        </button>
      </header>
      <SyncStatus />
      {tracked && person.kind === 'draft' ? (
        <section aria-label={tracked.prospect.name}>
          <PersonPicker people={person.people} current={person.draft} onChoose={choose} />
          <div class="status" data-stage={tracked.stage?.key}>
            <StageSelect prospectId={tracked.prospect.id} stages={tracked.stages} value={tracked.stage?.key ?? ''} onError={setError} />
            <ScoreBadge score={tracked.prospect.score} breakdown={tracked.prospect.scoreBreakdown} />
            {tracked.stalled && <span class="stalled">{t('stalledTitle', String(tracked.silenceDays))}</span>}
          </div>
          <QualificationLine detail={tracked} />
          <ProspectForm
            key={tracked.prospect.id}
            initial={trackedForm(person.draft, tracked.prospect)}
            submitLabel="saveChanges"
            onSubmit={async (v) => {
              await send({ type: 'capture', input: v });
              reload();
            }}
          />
        </section>
      ) : (
        <TabPersonView person={person} onSaved={reload} onChoose={choose} />
      )}
      <ErrorNote error={error} />
      <DueNow />
    </main>
  );
}
