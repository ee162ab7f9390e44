// What the mail extractors return. Plain types only: content scripts import this file.

export type ParticipantRole = 'from' | 'to' | 'cc' | 'bcc' | 'unknown';

/** One external correspondent of the open conversation, keyed by address. */
export interface Participant {
  /** Canonical address (normaliseEmail): the identity key. */
  email: string;
  /** Cleaned display name, or null when the page shows none (or only the address). */
  name: string | null;
  /** The strongest role this address has anywhere in the thread: from > to > cc > bcc > unknown. */
  role: ParticipantRole;
  /** The element the inline chip is mounted next to: the first visible header element naming this address. */
  anchor: Element;
}

export interface MessageMeta {
  /** Sender address, or null when the page does not show one with confidence. */
  from: string | null;
  /** Local wall-clock time as shown by the mail app, ISO 8601 without offset ("2024-03-05T10:12:00"),
   * a date alone ("2024-03-05") when no time is shown, or null when not parseable. */
  date: string | null;
  /** 'out' when the mailbox owner sent it. */
  direction: 'in' | 'out';
}

export interface ConversationMeta {
  subject: string | null;
  /** In page order (Gmail and Outlook both show the oldest first by default). */
  messages: MessageMeta[];
}

/** One external sender (or, in Sent views, recipient) of a message-list row. */
export interface ListRow {
  email: string;
  name: string | null;
  row: Element;
  anchor: Element;
}

/** Which screen of the mail app a URL shows. */
export type MailView = { kind: 'conversation'; folder: string; id: string } | { kind: 'list'; folder: string } | { kind: 'other' };
