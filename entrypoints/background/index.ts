import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { handleRequest, isRequest } from '../../lib/messaging/handle';
import { isMutation } from '../../lib/messaging/schemas';
import { SITE_PATTERNS } from '../../lib/sites/hosts';
import type { Notice } from '../../lib/messaging/types';
import { BADGE_TICK_ALARM, NEXT_DUE_ALARM, refreshBadge } from './badge';
import { clipActiveTab, clipLink } from './clip';
import { storeContext } from './context';

const CLIP_LINK_MENU = 'jalur-clip-link';

/** After any change: badge first (≤ 2 s contract), then tell open pages and the tabs of supported sites. */
async function afterChange(): Promise<void> {
  await refreshBadge(await storeContext());
  const notice: Notice = { type: 'changed' };
  browser.runtime.sendMessage(notice).catch(() => undefined);
  const tabs = await browser.tabs.query({ url: SITE_PATTERNS });
  for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => undefined);
}

export default defineBackground(() => {
  // Listeners are registered synchronously at top level so a woken worker receives the event that woke it.
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (!isRequest(msg)) return undefined;
    return (async () => {
      const reply = await handleRequest(await storeContext(), msg);
      if (reply.ok && isMutation((msg as { type: string }).type)) await afterChange();
      return reply;
    })();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: CLIP_LINK_MENU,
        title: t('menuClipLink'),
        contexts: ['link'],
        targetUrlPatterns: ['*://*.linkedin.com/in/*'],
      }),
    );
  });

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
    if (alarm.name === NEXT_DUE_ALARM || alarm.name === BADGE_TICK_ALARM) await refreshBadge(await storeContext());
  });

  // Time passing makes follow-ups overdue with no change anywhere: a minute tick backs up the exact alarm.
  void browser.alarms.create(BADGE_TICK_ALARM, { periodInMinutes: 1 });
  void storeContext().then(refreshBadge);
});
