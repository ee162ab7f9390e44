import type { MailSite } from '../mail/site';
import { conversationMeta, conversationParticipants, listRows, mailboxOwner } from './extract';
import { MAIN } from './selectors';
import { gmailView } from './url';

export const gmail: MailSite = {
  site: 'gmail',
  view: gmailView,
  owner: mailboxOwner,
  main: (doc) => doc.querySelector(MAIN),
  participants: conversationParticipants,
  meta: conversationMeta,
  listRows,
};
