import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n';
import { Search } from './Search';
import { SyncStatus } from '../shared/SyncStatus';
import { watchPanelRequests } from './today/open-person';
import { Today } from './today/Today';
import { useDetailById } from './useDetailById';
import { useTabPerson } from '../shared/useTabPerson';
import { Tabs } from '../ui/Tabs';
import { lazyView } from './lazy-view';
import { onOpenAccount, requestedAccount } from './account/open-account';
import { useTabCompany } from './account/useTabCompany';
import { OnThisPage } from './on-this-page/OnThisPage';
import { usePagePeople } from './on-this-page/usePagePeople';
import { OnThisPageJump } from './on-this-page/OnThisPageJump';
import { selectedView, type View } from './view-nav';

// Loaded when shown (or once the panel has painted): opening on Today or a person does not parse them.
const Board = lazyView(() => import('./board/Board').then((m) => m.Board));
const Insights = lazyView(() => import('./insights/Insights').then((m) => m.Insights));
// The person's record (and the tab's person, an account, gone dark) likewise: Today and the board open
// without parsing them; a panel opening on a person fetches them before its first render.
const ProspectDetail = lazyView(() => import('./person/ProspectDetail').then((m) => m.ProspectDetail));
const TabPersonView = lazyView(() => import('./person/TabPersonView').then((m) => m.TabPersonView));
const AccountView = lazyView(() => import('./account/AccountView').then((m) => m.AccountView));
const StalledList = lazyView(() => import('./gone-dark/StalledList').then((m) => m.StalledList));

/**
 * Starts loading the code of the view the panel opens on (`?view=`, `?person=`, `?account=`); settles
 * once a view named in the address is in. With no view named the tab's person usually leads: their
 * code loads alongside, without holding up the first render (Today may lead instead).
 */
export function preloadOpeningView(search: string): Promise<void> {
  const { view, person } = requested(search);
  if (person || view === 'person') return Promise.all([ProspectDetail.preload(), TabPersonView.preload()]).then(() => undefined);
  if (requestedAccount(search)) return AccountView.preload();
  if (view === 'board') return Board.preload();
  if (view === 'insights') return Insights.preload();
  if (view === 'goneDark') return StalledList.preload();
  if (view === null) void TabPersonView.preload();
  return Promise.resolve();
}

/** The switcher's order is the Alt+1…5 order. */
const VIEWS: ReadonlyArray<{ view: View; label: MessageKey }> = [
  { view: 'person', label: 'viewPerson' },
  { view: 'today', label: 'viewToday' },
  { view: 'board', label: 'boardView' },
  { view: 'goneDark', label: 'goneDark' },
  { view: 'insights', label: 'insightsTab' },
];

const BACK: Record<View, MessageKey> = {
  person: 'backToTab',
  today: 'backToToday',
  board: 'backToBoard',
  goneDark: 'backToList',
  insights: 'backToTab',
};

/** `?view=today|board|insights|gonedark|person` opens that view; `?person=<id>` opens a person's record. */
function requested(search: string): { view: View | null; person: string | null } {
  const q = new URLSearchParams(search);
  const v = q.get('view')?.toLowerCase();
  const view = v === 'today' || v === 'board' || v === 'insights' || v === 'person' ? v : v === 'gonedark' ? 'goneDark' : null;
  const person = q.get('person');
  return { view, person: person && person.length <= 100 ? person : null };
}

/**
 * The side panel leads with the person in front of the rep: the tab's person when the tab shows one,
 * else the Today queue — until the rep picks a view, which then stays. Views are one keystroke away
 * (Alt+1…5) or one Tab stop (a toolbar moved through with the arrow keys).
 */
export function SidePanelApp() {
  const { tabId, person, reload, choose } = useTabPerson(true);
  // Everyone the LinkedIn tab shows ("On this page"), below the tab's own person.
  const page = usePagePeople(tabId);
  const initial = useRef(requested(location.search)).current;
  // null: follow the tab (person if it shows one, else Today).
  const [chosen, setChosen] = useState<View | null>(initial.view);
  const [picked, setPicked] = useState<string | null>(initial.person);
  // null: opened directly (`?person=`, the popup), from no view; Back then returns to the view the panel shows.
  const [pickedFrom, setPickedFrom] = useState<View | null>(null);
  const [query, setQuery] = useState('');
  const pickedDetail = useDetailById(picked);
  // An account opened from the person view's company line or `?account=`; the tab's company page otherwise.
  const [account, setAccount] = useState<string | null>(() => requestedAccount(location.search));
  const tabCompany = useTabCompany(tabId);
  const toolbar = useRef<HTMLDivElement>(null);

  const tabShowsPerson = person.kind === 'draft';
  const tabUndecided = person.kind === 'loading' || (person.kind === 'failed' && person.reason === 'not-rendered');
  const pageShowsPeople = page.list.kind === 'ready' && page.list.rows.length > 0;
  const view: View = chosen ?? (tabShowsPerson || tabUndecided || pageShowsPeople ? 'person' : 'today');

  const show = (v: View) => {
    setPicked(null);
    setAccount(null);
    setChosen(v);
  };
  const pick = (from: View) => (id: string) => {
    setPickedFrom(from);
    setPicked(id);
  };
  useEffect(() => onOpenAccount((id) => (setPicked(null), setAccount(id))), []);
  // Following the tab (no view chosen) onto a LinkedIn company page: its account leads.
  const tabAccount = chosen === null && !tabShowsPerson && tabCompany !== null;

  useEffect(
    () =>
      watchPanelRequests((target) => {
        if (target.view === 'today') show('today');
        else {
          setPickedFrom(null);
          setPicked(target.prospectId);
        }
      }),
    [],
  );

  useEffect(() => {
    // When the page is idle, so their code never competes with the opening view's first rows.
    const preload = () => {
      for (const v of [Board, Insights, ProspectDetail, TabPersonView, AccountView, StalledList]) void v.preload();
    };
    let idle: number | null = null;
    const later = setTimeout(() => {
      if ('requestIdleCallback' in window) idle = requestIdleCallback(preload, { timeout: 5000 });
      else preload();
    }, 1500);
    return () => {
      clearTimeout(later);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, []);

  // Alt+1…5: straight to a view from anywhere in the panel (the physical digit key, whatever the layout).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const n = /^Digit([1-5])$/.exec(e.code)?.[1];
      if (!n) return;
      e.preventDefault();
      const v = VIEWS[Number(n) - 1]!.view;
      show(v);
      requestAnimationFrame(() => toolbar.current?.querySelector<HTMLElement>(`[data-tab="${v}"]`)?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A person opened from a view belongs to it: that view's tab stays selected, and choosing it goes back.
  // An account has no tab: none is marked while it (or a person opened from it) is shown.
  const selected = selectedView({ view, picked: picked !== null, pickedFrom, account: !!(account || tabAccount) });

  return (
    <main class="panel">
      <header class="bar">
        <h1>Jalur</h1>
        <SyncStatus />
      </header>
      <Tabs
        label={t('panelViews')}
        prefix="view"
        items={VIEWS.map(({ view: v, label }, i) => ({ id: v, label: t(label), shortcut: `Alt+${i + 1}` }))}
        selected={selected}
        onSelect={show}
        listRef={toolbar}
      />
      <Search onPick={pick(view)} onQuery={setQuery} />
      {picked ? (
        <section aria-label={t('selectedProspect')}>
          {/* Back to wherever the prospect was picked from. */}
          <button type="button" class="link" onClick={() => setPicked(null)}>
            ← {account || tabAccount ? t('accountBackTo') : t(BACK[pickedFrom ?? view])}
          </button>
          {pickedDetail === undefined ? (
            <p class="muted">{t('loading')}</p>
          ) : pickedDetail ? (
            <ProspectDetail detail={pickedDetail} />
          ) : (
            <p class="muted">{t('notFound')}</p>
          )}
        </section>
      ) : account || tabAccount ? (
        <section aria-label={t('accountHeading')}>
          {account && (
            <button type="button" class="link" onClick={() => setAccount(null)}>
              ← {t('accountBack')}
            </button>
          )}
          <AccountView {...(account ? { id: account } : { slug: tabCompany! })} onPick={pick(view)} />
        </section>
      ) : view === 'insights' ? (
        <Insights />
      ) : view === 'board' ? (
        <Board onPick={pick('board')} query={query} />
      ) : view === 'goneDark' ? (
        <StalledList onPick={pick('goneDark')} />
      ) : view === 'today' ? (
        <Today onOpen={pick('today')} />
      ) : (
        <section aria-label={t('currentTab')}>
          {/* A list page (search results, People tab) has no person of its own: its people are the list below. */}
          {!(pageShowsPeople && person.kind === 'failed' && person.reason === 'not-a-profile') && (
            <>
              {/* On a profile the person leads and the page's other people sit far below: one line up here reaches them. */}
              <OnThisPageJump list={page.list} />
              <TabPersonView person={person} onSaved={reload} onChoose={choose} />
            </>
          )}
          <OnThisPage list={page.list} reload={page.reload} onOpen={pick('person')} />
        </section>
      )}
    </main>
  );
}
