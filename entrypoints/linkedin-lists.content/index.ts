import { runLists } from '../../components/chip/lists/run-lists';

// Marks beside people in LinkedIn lists, the feed and Sales Navigator rows. Matched to all of LinkedIn:
// Chrome injects only on full page loads and LinkedIn reaches these pages by in-app navigation.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runLists(ctx);
  },
});
