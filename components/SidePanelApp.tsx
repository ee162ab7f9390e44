import { useState } from 'preact/hooks';
import { t } from './i18n';
import { ProspectDetail } from './ProspectDetail';
import { Search } from './Search';
import { SyncStatus } from './SyncStatus';
import { TabPersonView } from './TabPersonView';
import { useDetailById } from './useDetailById';
import { useTabPerson } from './useTabPerson';

export function SidePanelApp() {
  const { person, reload, choose } = useTabPerson(true);
  const [picked, setPicked] = useState<string | null>(null);
  const pickedDetail = useDetailById(picked);

  return (
    <main class="panel">
      <header class="bar">
        <h1>Jalur</h1>
        <SyncStatus />
      </header>
      <Search onPick={setPicked} />
      {picked ? (
        <section aria-label={t('selectedProspect')}>
          <button type="button" class="link" onClick={() => setPicked(null)}>
            ← {t('backToTab')}
          </button>
          {pickedDetail === undefined ? (
            <p class="muted">{t('loading')}</p>
          ) : pickedDetail ? (
            <ProspectDetail detail={pickedDetail} />
          ) : (
            <p class="muted">{t('notFound')}</p>
          )}
        </section>
      ) : (
        <section aria-label={t('currentTab')}>
          <TabPersonView person={person} onSaved={reload} onChoose={choose} />
        </section>
      )}
    </main>
  );
}
