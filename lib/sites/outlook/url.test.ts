import { describe, expect, it } from 'vitest';
import type { MailView } from '../mail/types';
import { isOutlookUrl, outlookMailbox, outlookView } from './url';

const ID = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ%2BJfakeFx24%3D';
const RAW = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ+JfakeFx24=';

describe('isOutlookUrl', () => {
  const matrix: [string, boolean][] = [
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office.com/mail', true],
    ['https://outlook.office365.com/mail/inbox', true],
    ['https://outlook.live.com/mail/0/inbox', true],
    [`https://outlook.office.com/mail/inbox/id/${ID}`, true],
    [`https://outlook.office.com/mail/deeplink/read/${ID}?ItemID=x`, true],
    ['https://outlook.office.com/mail/sales@kopinusantara.example/inbox', true],
    ['https://OUTLOOK.OFFICE.COM/mail/', true],
    ['https://outlook.office.com/calendar/view/month', false],
    ['https://outlook.office.com/people/', false],
    ['https://outlook.office.com/owa/?path=/mail/inbox', false], // pre-2019 OWA
    ['https://outlook.office.com/', false],
    ['https://outlook.office.com/mailbox/', false],
    ['http://outlook.office.com/mail/', false],
    ['https://outlook.com/mail/', false],
    ['https://outlook.office.com.evil.example/mail/', false],
    ['https://evil.example/outlook.office.com/mail/', false],
    ['https://outlook.office.com@evil.example/mail/', false],
    ['https://mail.google.com/mail/u/0/', false],
    ['https://outlook.office.com/mail/not%ZZan@address/inbox', false],
    ['', false],
    ['nonsense', false],
  ];
  it.each(matrix)('%s → %s', (url, expected) => {
    expect(isOutlookUrl(url)).toBe(expected);
  });
});

describe('outlookView', () => {
  const conv = (folder: string, id = RAW): MailView => ({ kind: 'conversation', folder, id });
  const list = (folder: string): MailView => ({ kind: 'list', folder });
  const other: MailView = { kind: 'other' };
  const matrix: [string, MailView | null][] = [
    [`https://outlook.office.com/mail/inbox/id/${ID}`, conv('inbox')],
    [`https://outlook.office365.com/mail/inbox/id/${ID}`, conv('inbox')],
    [`https://outlook.live.com/mail/0/inbox/id/${ID}`, conv('inbox')],
    [`https://outlook.office.com/mail/sentitems/id/${ID}`, conv('sentitems')],
    [`https://outlook.office.com/mail/archive/id/${ID}`, conv('archive')],
    [`https://outlook.office.com/mail/AAMkADFolderId%3D/id/${ID}`, conv('AAMkADFolderId=')],
    [`https://outlook.office.com/mail/id/${ID}`, conv('')],
    [`https://outlook.office.com/mail/search/id/${ID}`, conv('search')],
    [`https://outlook.office.com/mail/inbox/id/${ID}/sxs/AAMkAttachment%3D`, conv('inbox')],
    [`https://outlook.office.com/mail/deeplink/read/${ID}?ItemID=x&exvsurl=1`, conv('deeplink')],
    [`https://outlook.office.com/mail/sales@kopinusantara.example/inbox/id/${ID}`, conv('inbox')],
    [`https://outlook.office.com/mail/inbox/id/${ID}#x`, conv('inbox')],
    ['https://outlook.office.com/mail/', list('inbox')],
    ['https://outlook.office.com/mail', list('inbox')],
    ['https://outlook.office.com/mail/inbox', list('inbox')],
    ['https://outlook.live.com/mail/0/', list('inbox')],
    ['https://outlook.live.com/mail/0/junkemail', list('junkemail')],
    ['https://outlook.office.com/mail/sentitems', list('sentitems')],
    ['https://outlook.office.com/mail/sales@kopinusantara.example/inbox', list('inbox')],
    ['https://outlook.office.com/mail/deeplink/compose?to=x@y.example', other],
    ['https://outlook.office.com/mail/deeplink/read/', other],
    ['https://outlook.office.com/mail/compose', other],
    ['https://outlook.office.com/mail/inbox/compose', other],
    ['https://outlook.office.com/mail/options/general', other],
    ['https://outlook.office.com/mail/inbox/id/', other],
    ['https://outlook.office.com/mail/inbox/id/short', other],
    ['https://outlook.office.com/mail/inbox/id/has%20space%20in%20it', other],
    ['https://outlook.office.com/mail/inbox/id/%E0%A4%A', other],
    ['https://outlook.office.com/mail/inbox/whatever', other],
    ['https://outlook.office.com/calendar/', null],
    ['https://example.com/mail/inbox', null],
  ];
  it.each(matrix)('%s → %j', (url, expected) => {
    expect(outlookView(url)).toEqual(expected);
  });
});

describe('outlookMailbox', () => {
  it('is the shared or delegated mailbox in the path, canonical, else null', () => {
    expect(outlookMailbox('https://outlook.office.com/mail/Sales@KopiNusantara.example/inbox')).toBe('sales@kopinusantara.example');
    expect(outlookMailbox('https://outlook.office.com/mail/sales%40kopinusantara.example/inbox/id/AAQkAD1234')).toBe(
      'sales@kopinusantara.example',
    );
    expect(outlookMailbox('https://outlook.office.com/mail/inbox')).toBeNull();
    expect(outlookMailbox('https://outlook.live.com/mail/0/inbox')).toBeNull();
    expect(outlookMailbox('https://example.com/mail/sales@kopinusantara.example/inbox')).toBeNull();
  });
});
