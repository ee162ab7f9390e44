import { browser } from 'wxt/browser';
import { t } from '../../components/shared/i18n';
import { nextDueAfterNow, overdueCount } from '../../lib/store/queries';
import type { StoreContext } from '../../lib/store/context';

export const NEXT_DUE_ALARM = 'badge-next-due';
export const BADGE_TICK_ALARM = 'badge-tick';

/** Badge = overdue follow-ups of the current user; an alarm fires when the next one falls due. */
export async function refreshBadge(ctx: StoreContext): Promise<number> {
  const count = await overdueCount(ctx);
  // A badge has room for about four characters.
  await browser.action.setBadgeText({ text: count > 999 ? '999+' : count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await browser.action.setTitle({ title: count > 0 ? t('badgeTitle', String(count)) : t('badgeTitleNone') });
  const next = await nextDueAfterNow(ctx);
  if (next !== null) await browser.alarms.create(NEXT_DUE_ALARM, { when: next + 500 });
  else await browser.alarms.clear(NEXT_DUE_ALARM);
  return count;
}
