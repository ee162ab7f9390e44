import { useState } from 'preact/hooks';
import './popup.css';
import { send } from '../shared/api';
import { trackedForm } from '../shared/draft-wire';
import { BoardLink } from './BoardLink';
import { DueNow } from './DueNow';
import { t } from '../shared/i18n';
import { PersonPicker } from '../sidepanel/person/PersonPicker';
import { QualificationLine } from '../sidepanel/person/playbook/SqlGate';
import { ProspectForm } from '../sidepanel/person/ProspectForm';
import { PersonHeader } from '../sidepanel/person/PersonHeader';
import { SyncStatus } from '../shared/SyncStatus';
import { TabPersonView } from '../sidepanel/person/TabPersonView';
import { useTabPerson } from '../shared/useTabPerson';
import { ErrorNote } from '../ui/ErrorNote';
import { QuickActions } from '../chip/actions/QuickActions';
import { formatDue } from '../shared/format';
import { openSidePanel } from '../shared/open-side-panel';

export function PopupApp() {
  const { tabId, person, reload, choose } = useTabPerson(false);
  const [error, setError] = useState<string | null>(null);

  const openPanel = async () => {
    try {
      if (tabId !== null) await openSidePanel({ tabId });
      window.close();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const tracked = person.kind === 'draft' && person.detail ? person.detail : null;
  return (
    <main class="popup">
      <header class="bar popup-bar">
        <h1 class="brand">Jalur</h1>
        <button type="button" class="link" onClick={openPanel}>
          {t('openSidePanel')}
        </button>
        <BoardLink />
      </header>
      <SyncStatus />
      {tracked && person.kind === 'draft' ? (
        <section class="popup-person" aria-label={tracked.prospect.name} data-stage={tracked.stage?.key} data-stage-kind={tracked.stage?.kind}>
          <PersonPicker people={person.people} current={person.draft} onChoose={choose} />
          {/* What the rep needs first: stage, score, the next follow-up, then what to do about it. */}
          <PersonHeader compact detail={tracked} onError={setError} />
          <NextFollowUp detail={tracked} />
          <QualificationLine detail={tracked} />
          <QuickActions detail={tracked} site="popup" />
          {/* Editing the fields is secondary; the inputs stay in the page, folded away. */}
          <details class="edit-details">
            <summary>{t('popupEditDetails')}</summary>
            <ProspectForm
              key={tracked.prospect.id}
              initial={trackedForm(person.draft, tracked.prospect)}
              submitLabel="saveChanges"
              onSubmit={async (v) => {
                await send({ type: 'capture', input: v });
                reload();
              }}
            />
          </details>
        </section>
      ) : (
        <TabPersonView person={person} onSaved={reload} onChoose={choose} />
      )}
      <ErrorNote error={error} />
      <DueNow />
    </main>
  );
}

/** The next open follow-up, or nothing for a won deal (nothing left to chase). */
function NextFollowUp({ detail }: { detail: NonNullable<import('../../lib/messaging/types').ProspectDetail> }) {
  const now = Date.now();
  const next = detail.followUps
    .filter((f) => f.doneAt === null)
    .map((f) => ({ f, at: f.openDueAt ?? f.dueAt }))
    .sort((a, b) => a.at - b.at)[0];
  if (!next) return detail.stage?.kind === 'open' ? <p class="next-follow-up muted">{t('noFollowUps')}</p> : null;
  return (
    <p class={next.at <= now ? 'next-follow-up overdue' : 'next-follow-up'}>
      <strong>{t('popupNextFollowUp')}:</strong> {next.f.title} · {next.at <= now ? t('overdueShort', formatDue(next.at)) : formatDue(next.at)}
    </p>
  );
}
