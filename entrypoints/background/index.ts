import { browser } from 'wxt/browser';
import { t } from '../../components/shared/i18n';
import { isAccountRequest } from '../../lib/messaging/account';
import { handleRequest, isRequest } from '../../lib/messaging/handle';
import { onImportProgress } from '../../lib/messaging/handle-data';
import type { ImportProgressNotice } from '../../lib/messaging/data-types';
import { PageChangedSchema, isMutation } from '../../lib/messaging/schemas';
import { admit } from '../../lib/messaging/sender-policy';
import { announceLookup } from '../../lib/messaging/lookups-in-flight';
import { SITE_PATTERNS } from '../../lib/sites/hosts';
import type { Notice } from '../../lib/messaging/types';
import { handleAccountRequest } from './account';
import { BADGE_TICK_ALARM, NEXT_DUE_ALARM, refreshBadge } from './badge';
import { clipActiveTab, clipLink } from './clip';
import { isOpenSidePanel, openSidePanelFor } from './side-panel';
import { answerPageSettings, isPageSettingsRequest, openWelcome, watchPageSettings } from './page-settings';
import { injectSurfaces, isInjectSurfacesRequest } from './inject';
import { refreshTabTitles, tabChanged, watchTabTitles } from './tab-title';
import { NOTIFICATION_ID, notifyDue, openWorkspace } from './notify';
import { restrictStorageToExtension } from './backend';
import { storeContext } from './context';
import { retentionTick } from './retention';
import { SYNC_ALARM, SYNC_RETRY_ALARM, pullForView, requestSync, runSync } from './sync';
import { afterFirstAnswer, answering } from './warm-up';
import { fromSidePanel, warmSearchSoon } from './search-warm';
import { firstScreensTick, keepFirstScreen, stampBefore, watchFirstScreens } from './first-screens';

const CLIP_LINK_MENU = 'jalur-clip-link';

/** Badge, then the due-follow-ups summary (when something newly fell due). */
async function refreshBadgeAndNotify(): Promise<void> {
  const ctx = await storeContext();
  const overdue = await refreshBadge(ctx);
  // LinkedIn tabs' own titles say the person's stage and repeat the overdue count: both may have moved.
  void refreshTabTitles(overdue).catch(() => undefined);
  await notifyDue(ctx, overdue);
}

/** After any change to what views show: badge first (≤ 2 s contract), then open pages and site tabs. */
async function refreshViews(): Promise<void> {
  await refreshBadgeAndNotify();
  const notice: Notice = { type: 'changed' };
  browser.runtime.sendMessage(notice).catch(() => undefined);
  const tabs = await browser.tabs.query({ url: SITE_PATTERNS });
  for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => undefined);
}

/** A change made here: views refresh now, and it goes out to the team shortly. */
async function afterChange(): Promise<void> {
  await refreshViews();
  requestSync(refreshViews);
}

/** In the worker's own timeline (from its start): every module evaluated, and the first request answered. */
export const WORKER_MAIN_MARK = 'jalur:worker-main';

export default defineBackground(() => {
  // Everything the bundle runs at load (modules, tables, schemas) is done by here: the bench reads it.
  performance.mark(WORKER_MAIN_MARK);
  // First of all: the session and the backend settings are for Jalur's own pages and this worker, not
  // for content scripts running inside LinkedIn or a mailbox.
  void restrictStorageToExtension();

  // A long CSV preview or import reports its progress to the options page's progress bar.
  onImportProgress((p) => {
    const notice: ImportProgressNotice = { type: 'importProgress', ...p };
    browser.runtime.sendMessage(notice).catch(() => undefined);
  });

  // Who may ask what (lib/messaging/sender-policy.ts): our pages anything, content scripts what a chip
  // needs, nobody else anything. No onMessageExternal listener: other extensions and web pages get no answer.
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // Listeners are registered synchronously at top level so a woken worker receives the event that woke it.
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    // Synchronous, so "Open in side panel" still calls sidePanel.open() within the rep's gesture.
    const verdict = admit(msg, sender, self);
    if (!verdict.ok) return Promise.resolve({ ok: false, error: verdict.error, code: 'refused' });
    if (isAccountRequest(msg)) return handleAccountRequest(msg, { changed: refreshViews });
    if (isOpenSidePanel(msg)) return openSidePanelFor(sender);
    if (isPageSettingsRequest(msg)) return answerPageSettings(msg);
    if (isInjectSurfacesRequest(msg)) return injectSurfaces(msg, sender);
    if ((msg as Notice | undefined)?.type === 'pageChanged') {
      if (!PageChangedSchema.safeParse(msg).success) return Promise.resolve({ ok: false, error: 'Invalid notice: pageChanged takes the page URL', code: 'invalid_notice' });
      void pullForView(refreshViews);
      if (sender.tab?.id !== undefined) tabChanged(sender.tab.id);
      return undefined;
    }
    if (!isRequest(msg)) return undefined;
    if (fromSidePanel(sender.url, self.origin)) warmSearchSoon();
    // A page's lookup is told to Jalur's pages while it is answered: an import there lets it go first.
    return announceLookup((msg as { type: string }).type, answering((async () => {
      const type = (msg as { type: string }).type;
      const ctx = await storeContext();
      // A panel's first screen: kept once answered, stamped as the store stood before it was read.
      const stamp = stampBefore(ctx, msg);
      const reply = await handleRequest(ctx, msg);
      if (stamp) keepFirstScreen(ctx, msg, reply, stamp);
      if (reply.ok && isMutation(type)) await afterChange();
      // A chip asking about people is someone looking at a page: a good moment to see teammates' changes.
      if (type === 'lookup') void pullForView(refreshViews);
      return reply;
    })()));
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    openWelcome(reason);
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: CLIP_LINK_MENU,
        title: t('menuClipLink'),
        contexts: ['link'],
        targetUrlPatterns: ['*://*.linkedin.com/in/*'],
      }),
    );
  });

  watchPageSettings();
  watchFirstScreens();
  watchTabTitles();

  browser.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== CLIP_LINK_MENU || !info.linkUrl) return;
    const outcome = await clipLink(await storeContext(), info.linkUrl);
    if (outcome === 'clipped') await afterChange();
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'clip-profile') return;
    const outcome = await clipActiveTab(await storeContext());
    if (outcome === 'clipped') await afterChange();
  });

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === NEXT_DUE_ALARM || alarm.name === BADGE_TICK_ALARM) {
      await refreshBadgeAndNotify();
      // Time alone moves Today on (a follow-up falls due, the day turns); a change drops the kept screens itself.
      await storeContext()
        .then(firstScreensTick)
        .catch(() => undefined);
    }
    // Optional retention (off by default) rides the minute tick; it runs at most once a day.
    if (alarm.name === BADGE_TICK_ALARM && (await retentionTick().catch(() => 0)) > 0) await afterChange();
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) await runSync(refreshViews);
  });

  // Back online: try now rather than at the end of the backoff.
  globalThis.addEventListener?.('online', () => void runSync(refreshViews, true));

  // Time passing makes follow-ups overdue with no change anywhere: a minute tick backs up the exact alarm.
  void browser.alarms.create(BADGE_TICK_ALARM, { periodInMinutes: 1 });
  // Teammates' changes arrive at least this often; pages showing a person pull sooner.
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTIFICATION_ID) openWorkspace();
  });

  // Once what woke the worker is answered (./warm-up.ts): the badge, then whatever was queued when the
  // worker stopped goes out.
  afterFirstAnswer(refreshBadgeAndNotify);
  afterFirstAnswer(() => runSync(refreshViews));
});
