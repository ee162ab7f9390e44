import { runMailInline } from '../../components/chip/mail-inline';
import { outlook } from '../../lib/sites/outlook/site';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runMailInline(ctx, outlook);
  },
});
