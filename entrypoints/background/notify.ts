// One desktop notification summarising follow-ups that fell due, never one per item and never twice
// for the same thing (lib/pipeline/notify.ts decides). The rep can turn it off in options.
import { browser } from 'wxt/browser';
import { t } from '../../components/shared/i18n';
import { decideNotification, type NotifyState } from '../../lib/pipeline/notify';
import type { StoreContext } from '../../lib/store/context';
import { dueSoon } from '../../lib/store/queries';

export const NOTIFICATION_ID = 'jalur-due';
const STATE_KEY = 'notifyState';
/** The few longest-overdue items name themselves; the count covers the rest. */
const LOOK_AT = 200;

export async function notifyDue(ctx: StoreContext, overdue: number): Promise<boolean> {
  const stored = await browser.storage.local.get(['notifyDue', STATE_KEY]);
  if (stored.notifyDue === false) return false;
  const due = await dueSoon(ctx, 0, LOOK_AT);
  const decision = decideNotification(due, (stored[STATE_KEY] as NotifyState | undefined) ?? null, ctx.now());
  await browser.storage.local.set({ [STATE_KEY]: decision.state });
  if (!decision.show) return false;
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notifyTitle', String(Math.max(overdue, decision.count))),
    message: decision.titles.join('\n'),
    priority: 1,
  });
  return true;
}

/** Clicking the summary opens the workspace, where the due follow-ups are listed. */
export function openWorkspace(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
