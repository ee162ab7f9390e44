import type { MailSite } from '../mail/site';
import { conversationMeta, conversationParticipants, listRows, mailboxOwner, readingPane } from './extract';
import { MESSAGE_LIST } from './selectors';
import { outlookView } from './url';

function commonAncestor(a: Element, b: Element): Element | null {
  for (let n: Element | null = a; n; n = n.parentElement) if (n.contains(b)) return n;
  return null;
}

export const outlook: MailSite = {
  site: 'outlook',
  view: outlookView,
  owner: mailboxOwner,
  // Outlook puts the message list and the reading pane side by side: watch the nearest element holding both.
  main: (doc) => {
    const pane = readingPane(doc);
    const list = MESSAGE_LIST.map((s) => doc.querySelector(s)).find((e) => e) ?? null;
    if (pane && list) return commonAncestor(pane, list);
    return pane ?? list;
  },
  participants: conversationParticipants,
  meta: conversationMeta,
  listRows,
};
