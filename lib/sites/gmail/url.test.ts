import { describe, expect, it } from 'vitest';
import type { MailView } from '../mail/types';
import { gmailView, isGmailUrl } from './url';

const G = 'https://mail.google.com/mail/u/0/';
const ID = 'FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk';

describe('isGmailUrl', () => {
  const matrix: [string, boolean][] = [
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/1/', true],
    ['https://mail.google.com/mail/', true],
    ['https://mail.google.com/mail', true],
    ['https://mail.google.com/mail/u/0/?tab=rm&ogbl#inbox', true],
    ['https://mail.google.com/mail/b/ALGkd0x1abc/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/0/d/AEoRXRTabc/#inbox', true],
    ['https://MAIL.GOOGLE.COM/mail/u/0/#inbox', true],
    ['https://mail.google.com./mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/0/?ik=abc&view=pt&search=all&permthid=thread-f:1', false], // print
    ['https://mail.google.com/mail/u/0/?ik=abc&view=om&permmsgid=msg-f:1', false], // show original
    ['https://mail.google.com/mail/u/0/h/abc/?&', false], // basic HTML
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com/', false],
    ['http://mail.google.com/mail/u/0/#inbox', false],
    ['https://gmail.com/mail/u/0/#inbox', false],
    ['https://mail.google.com.evil.example/mail/u/0/#inbox', false],
    ['https://evil.example/mail.google.com/mail/u/0/', false],
    ['https://mail.google.com@evil.example/mail/u/0/', false],
    ['https://user:pw@mail.google.com/mail/u/0/', false],
    ['https://inbox.google.com/u/0/', false],
    ['https://calendar.google.com/calendar/u/0/r', false],
    ['javascript:alert(1)//mail.google.com/mail/', false],
    ['', false],
    ['not a url', false],
    [`${G}#inbox/${'a'.repeat(5000)}`, false],
  ];
  it.each(matrix)('%s → %s', (url, expected) => {
    expect(isGmailUrl(url)).toBe(expected);
  });
});

describe('gmailView', () => {
  const conv = (folder: string, id = ID): MailView => ({ kind: 'conversation', folder, id });
  const list = (folder: string): MailView => ({ kind: 'list', folder });
  const other: MailView = { kind: 'other' };
  const matrix: [string, MailView | null][] = [
    // conversations
    [`${G}#inbox/${ID}`, conv('inbox')],
    [`${G}#sent/${ID}`, conv('sent')],
    [`${G}#all/${ID}`, conv('all')],
    [`${G}#starred/${ID}`, conv('starred')],
    [`${G}#spam/${ID}`, conv('spam')],
    [`${G}#label/Clients/${ID}`, conv('label/Clients')],
    [`${G}#label/Clients%2FJakarta/${ID}`, conv('label/Clients%2FJakarta')],
    [`${G}#label/Clients/Jakarta/${ID}`, conv('label/Clients/Jakarta')],
    [`${G}#search/invoice/${ID}`, conv('search/invoice')],
    [`${G}#search/from%3Aanita+invoice/${ID}`, conv('search/from%3Aanita+invoice')],
    [`${G}#advanced-search/from=anita&subset=all/${ID}`, conv('advanced-search/from=anita&subset=all')],
    [`${G}#category/promotions/${ID}`, conv('category/promotions')],
    [`https://mail.google.com/mail/u/0/?tab=rm&ogbl#inbox/${ID}`, conv('inbox')],
    [`${G}#inbox/${ID}?compose=new`, conv('inbox')],
    [`${G}#inbox/${ID}?projector=1&messagePartId=0.1`, conv('inbox')],
    [`${G}#inbox/${ID}/`, conv('inbox')],
    [`${G}#inbox/16a1b2c3d4e5f6a7`, conv('inbox', '16a1b2c3d4e5f6a7')], // legacy hex id
    [`${G}#search/invoice/1695a2b3c4d5e6f7`, conv('search/invoice', '1695a2b3c4d5e6f7')],
    // lists
    [G, list('inbox')],
    [`${G}#`, list('inbox')],
    [`${G}#inbox`, list('inbox')],
    [`${G}#inbox/p2`, list('inbox')],
    [`${G}#inbox?compose=new`, list('inbox')],
    [`${G}#sent`, list('sent')],
    [`${G}#label/Clients`, list('label/Clients')],
    [`${G}#label/${ID}`, list(`label/${ID}`)], // a label whose name looks like an id
    [`${G}#label/Clients/p3`, list('label/Clients')],
    [`${G}#search/q`, list('search/q')],
    [`${G}#search/invoiceAcmeCorp2024Q3`, list('search/invoiceAcmeCorp2024Q3')],
    [`${G}#search/q/p2`, list('search/q')],
    [`${G}#category/social`, list('category/social')],
    // other screens
    [`${G}#settings/general`, other],
    [`${G}#contacts`, other],
    [`${G}#chat/dm/${ID}`, other],
    [`${G}#chat/space/AAAAabcdefg`, other],
    [`${G}#search`, other],
    [`${G}#label`, other],
    [`${G}#inbox/abc`, other],
    [`${G}#inbox/${ID}/extra`, other],
    [`${G}#create-filter/from=x`, other],
    // not Gmail
    ['https://mail.google.com/mail/u/0/?view=pt#inbox', null],
    ['https://example.com/mail/u/0/#inbox/' + ID, null],
  ];
  it.each(matrix)('%s → %j', (url, expected) => {
    expect(gmailView(url)).toEqual(expected);
  });
});
