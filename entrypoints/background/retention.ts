import { browser } from 'wxt/browser';
import { RETENTION_KEY, RetentionMonths, runRetention } from '../../lib/store/retention';
import { storeContext } from './context';

/** On the background's minute tick: erase lost prospects past the rep's retention (once a day, off by default). */
export async function retentionTick(): Promise<number> {
  const parsed = RetentionMonths.safeParse((await browser.storage.local.get(RETENTION_KEY))[RETENTION_KEY] ?? null);
  if (!parsed.success || parsed.data === null) return 0;
  const { erased } = await runRetention(await storeContext(), parsed.data);
  return erased;
}
