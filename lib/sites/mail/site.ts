import type { ConversationMeta, ListRow, MailView, Participant } from './types';

/** What the mail content script needs from one mail app; Gmail and Outlook each provide one. */
export interface MailSite {
  site: 'gmail' | 'outlook';
  view(url: string): MailView | null;
  owner(doc: Document): string | null;
  /** The element to observe: the app's main region, which holds the open conversation and the list. */
  main(doc: Document): Element | null;
  participants(doc: Document, owner: string | null): Participant[];
  meta(doc: Document, owner: string | null): ConversationMeta;
  listRows(doc: Document, owner: string | null): ListRow[];
}
