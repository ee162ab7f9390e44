import { runMailInline } from '../../components/chip/mail-inline';
import { gmail } from '../../lib/sites/gmail/site';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runMailInline(ctx, gmail);
  },
});
