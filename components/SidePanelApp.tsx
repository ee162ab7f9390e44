import { useState } from 'preact/hooks';
import { Board } from './board/Board';
import { boardRequested } from './board/filter-state';
import { t } from './i18n';
import { Insights } from './insights/Insights';
import { ProspectDetail } from './ProspectDetail';
import { Search } from './Search';
import { StalledList } from './StalledList';
import { SyncStatus } from './SyncStatus';
import { TabPersonView } from './TabPersonView';
import { useDetailById } from './useDetailById';
import { useTabPerson } from './useTabPerson';

type View = 'tab' | 'goneDark' | 'board' | 'insights';

export function SidePanelApp() {
  const { person, reload, choose } = useTabPerson(true);
  const [view, setView] = useState<View>(boardRequested(location.search) ? 'board' : 'tab');
  const [picked, setPicked] = useState<string | null>(null);
  const pickedDetail = useDetailById(picked);
  const show = (v: View) => {
    setPicked(null);
    setView(v);
  };

  return (
    <main class="panel">
      <header class="bar">
        <h1>Jalur</h1>
        <SyncStatus />
      </header>
      <Search onPick={setPicked} />
      <nav class="views" aria-label={t('panelViews')}>
        <button type="button" aria-pressed={!picked && view === 'tab'} onClick={() => show('tab')}>
          {t('currentTab')}
        </button>
        <button type="button" aria-pressed={!picked && view === 'goneDark'} onClick={() => show('goneDark')}>
          {t('goneDark')}
        </button>
        <button type="button" aria-pressed={!picked && view === 'board'} onClick={() => show('board')}>
          {t('boardView')}
        </button>
        <button type="button" aria-pressed={!picked && view === 'insights'} onClick={() => show('insights')}>
          {t('insightsTab')}
        </button>
      </nav>
      {picked ? (
        <section aria-label={t('selectedProspect')}>
          {/* Back to wherever the prospect was picked from: the tab's person or the gone-dark list. */}
          <button type="button" class="link" onClick={() => setPicked(null)}>
            ← {view === 'board' ? t('backToBoard') : view === 'goneDark' ? t('backToList') : t('backToTab')}
          </button>
          {pickedDetail === undefined ? (
            <p class="muted">{t('loading')}</p>
          ) : pickedDetail ? (
            <ProspectDetail detail={pickedDetail} />
          ) : (
            <p class="muted">{t('notFound')}</p>
          )}
        </section>
      ) : view === 'insights' ? (
        <Insights />
      ) : view === 'board' ? (
        <Board onPick={setPicked} />
      ) : view === 'goneDark' ? (
        <StalledList onPick={setPicked} />
      ) : (
        <section aria-label={t('currentTab')}>
          <TabPersonView person={person} onSaved={reload} onChoose={choose} />
        </section>
      )}
    </main>
  );
}
