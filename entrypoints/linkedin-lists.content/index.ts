import { browser } from 'wxt/browser';
import { runLists } from '../../components/chip/lists/run-lists';
import { afterPageLoad } from '../../lib/content-script/after-load';
import type { TabRequest } from '../../lib/messaging/types';
import { profileKeys } from '../../lib/sites/linkedin/url';

// Marks beside people in LinkedIn lists, the feed and Sales Navigator rows. Injected by the background
// on every LinkedIn page (a reactions list or "People also viewed" can show anywhere) when the router
// asks for it (entrypoints/linkedin-router.ts), after the page's load event.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  // Not in the manifest: the router (entrypoints/linkedin-router.ts) has the background inject it where the URL needs it.
  registration: 'runtime',
  main(ctx) {
    afterPageLoad(ctx, () => {
      runLists(ctx);
      // The profile script runs only where a profile was opened. Off a profile, the popup's and side
      // panel's `extract` still hears "not a profile" (as the profile script answered on every page when
      // it was injected everywhere), not silence, which reads as "Jalur does not run here".
      browser.runtime.onMessage.addListener((msg: unknown) => {
        if ((msg as TabRequest | undefined)?.type !== 'extract') return undefined;
        const keys = profileKeys(location.href);
        return keys.slug || keys.memberId ? undefined : Promise.resolve({ ok: false, reason: 'not-a-profile' });
      });
    });
  },
});
