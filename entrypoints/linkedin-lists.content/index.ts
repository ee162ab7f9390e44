import { runLists } from '../../components/chip/lists/run-lists';
import { afterPageLoad } from '../../lib/content-script/after-load';

// Marks beside people in LinkedIn lists, the feed and Sales Navigator rows. Matched to all of LinkedIn:
// Chrome injects only on full page loads and LinkedIn reaches these pages by in-app navigation.
// Nothing at injection, which runs just before the page's load event (lib/content-script/after-load.ts).
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    afterPageLoad(ctx, () => runLists(ctx));
  },
});
