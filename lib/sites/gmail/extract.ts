// Who the rep is corresponding with in Gmail, read off the page they have open (DESIGN.md §4). Pure:
// reads the document, never changes or fetches it.
//
// Gmail writes every person in a message header or list row as `span[email][name]`, the address taken
// from the message headers, never from the display name, so the `email` attribute is the key and the
// name is only a label. The open conversation is found from its subject heading; everything outside
// its messages' headers (the list cached behind it, bodies and quoted text, compose windows, the
// side panel, Chat) is ignored.

import { displayName, normaliseEmail } from '../mail/address';
import { dayFirstFor, parseMailDate } from '../mail/date';
import { isMeWord, roleOfLabel } from '../mail/labels';
import { HIDDEN, hiddenWithin, mergeSightings, outermost, type Sighting } from '../mail/participants';
import { cap, clean } from '../mail/text';
import type { ConversationMeta, ListRow, MessageMeta, Participant, ParticipantRole } from '../mail/types';
import * as S from './selectors';

export type { ConversationMeta, ListRow, MessageMeta, Participant, ParticipantRole } from '../mail/types';

/** The address at the end of "Google Account: Name\n(addr)" (any UI language). */
function addressInLabel(label: string | null): string | null {
  if (!label) return null;
  const paren = /\(([^()]+)\)\s*$/.exec(label);
  return normaliseEmail(paren ? paren[1] : clean(label).split(' ').pop());
}

function accountAddress(doc: Document): string | null {
  for (const sel of S.ACCOUNT) {
    for (const a of Array.from(doc.querySelectorAll(sel))) {
      const e = addressInLabel(a.getAttribute('aria-label')) ?? addressInLabel(a.getAttribute('title'));
      if (e) return e;
    }
  }
  return null;
}

/** "Inbox (3) - dewi@x - Gmail", "Subject - dewi@x - Kopi Teknik Mail": the mailbox is always the segment
 * before the product name. Only that segment is read: the subject in front is sender-controlled. */
function titleAddress(doc: Document): string | null {
  const parts = clean(doc.title).split(' - ');
  return parts.length >= 3 ? normaliseEmail(parts[parts.length - 2]) : null;
}

/**
 * The address of the mailbox on screen: from the title (which names the mailbox shown, also when it
 * is a delegated one), else from the Google bar's account button. Null while neither has rendered.
 */
export function mailboxOwner(doc: Document): string | null {
  return titleAddress(doc) ?? accountAddress(doc);
}

/**
 * Every address that is the rep's own: the owner passed in, the mailbox in the title, the signed-in
 * account, and addresses Gmail labels "me" (in the user's UI language) in headers and list rows, which
 * is how it shows the owner's aliases and send-as addresses.
 */
export function selfAddresses(doc: Document, owner: string | null): Set<string> {
  const self = new Set<string>();
  for (const e of [normaliseEmail(owner), titleAddress(doc), accountAddress(doc)]) if (e) self.add(e);
  for (const el of Array.from(doc.querySelectorAll(`${S.MAIN} ${S.LIST_PERSON}`))) {
    if (el.closest(S.BODY) || !(isMeWord(el.getAttribute('name')) || isMeWord(clean(el.textContent)))) continue;
    const e = normaliseEmail(el.getAttribute('email'));
    if (e) self.add(e);
  }
  return self;
}

/**
 * The container of the open conversation: the nearest ancestor of the visible subject heading that
 * holds messages. Null in list views and while a conversation has not rendered. Gmail keeps
 * conversations opened before hidden in the DOM; their headings are skipped.
 */
export function conversationRoot(doc: Document): Element | null {
  for (const h of Array.from(doc.querySelectorAll(S.SUBJECT))) {
    if (h.closest(HIDDEN) || h.closest(S.NOT_THREAD)) continue;
    for (let n = h.parentElement; n; n = n.parentElement) {
      if (n.matches(S.MAIN) || n.querySelector(S.MESSAGE)) return n;
    }
    return null;
  }
  return null;
}

function messagesOf(root: Element): Element[] {
  return outermost(Array.from(root.querySelectorAll(S.MESSAGE))).filter(
    (m) => !hiddenWithin(m, root) && !m.closest(S.NOT_THREAD) && !m.closest(S.BODY),
  );
}

function personEmail(el: Element): string | null {
  const attr = el.getAttribute('email');
  // Hovercard ids are addresses for people and opaque ids for other things (groups, Chat spaces).
  return attr !== null ? normaliseEmail(attr) : normaliseEmail(el.getAttribute('data-hovercard-id'));
}

/** The `name` attribute holds the full name; the text may be a truncated first name or "me". */
function nameOf(el: Element): { name: string | null; nameFromAttr: boolean } {
  // `name` is Gmail's only on `email` spans (an avatar's `name` is a widget id); chips use `data-name`.
  const attr = el.hasAttribute('email') ? el.getAttribute('name') : el.getAttribute('data-name');
  if (attr && !isMeWord(attr)) {
    const name = displayName(attr);
    if (name) return { name, nameFromAttr: true };
  }
  const text = clean(el.textContent);
  return { name: isMeWord(text) ? null : displayName(text), nameFromAttr: false };
}

/** The last header label ("to", "cc:", "bcc:") written before `el` in the recipients line. */
function labelBefore(el: Element, line: Element): ParticipantRole | null {
  let role: ParticipantRole | null = null;
  let done = false;
  const visit = (n: Node): void => {
    for (let c = n.firstChild; c && !done; c = c.nextSibling) {
      if (c === el) {
        done = true;
      } else if (c.nodeType === 3) {
        for (const w of (c.nodeValue ?? '').split(/[\s,;]+/)) role = roleOfLabel(w) ?? role;
      } else if (c.nodeType === 1 && (!(c as Element).matches(S.PERSON) || c.contains(el))) {
        visit(c); // names are not labels: skip the text of people, unless `el` is inside
      }
    }
  };
  visit(line);
  return role;
}

function roleOf(el: Element): ParticipantRole {
  if (el.closest(S.DETAILS_TABLE)) {
    const label = el.closest(S.DETAILS_ROW)?.querySelector(S.DETAILS_LABEL);
    return roleOfLabel(clean(label?.textContent)) ?? 'unknown';
  }
  if (el.closest(S.SENDER)) return 'from';
  const line = el.closest(S.RECIPIENT_LINE);
  if (line) return labelBefore(el, line) ?? 'to';
  return el.matches(S.RECIPIENT) ? 'to' : 'unknown';
}

function* sightingsIn(msg: Element): Generator<Sighting> {
  const collapsed = msg.matches(S.COLLAPSED);
  const area = msg.querySelector(S.RECIPIENT_AREA);
  let sawFrom = false;
  for (const el of Array.from(msg.querySelectorAll(S.PERSON))) {
    if (el.closest(S.BODY) || el.closest(S.NOT_THREAD)) continue;
    const email = personEmail(el);
    if (!email) continue;
    let role = roleOf(el);
    // A collapsed message shows its sender first, without the .gD class in some builds.
    if (role === 'unknown' && collapsed && !sawFrom) role = 'from';
    if (role === 'from') sawFrom = true;
    const visible = !el.closest(S.DETAILS_TABLE) && !hiddenWithin(el, msg, true);
    yield { email, ...nameOf(el), role, el, visible, fallback: role === 'from' ? null : area };
  }
}

/**
 * One entry per external address in the open conversation: senders and recipients of every message
 * shown, expanded or collapsed, without the owner or their aliases, deduplicated by address, with the
 * strongest role and the first visible element naming it as the anchor. Empty in list views.
 */
export function conversationParticipants(doc: Document, owner: string | null): Participant[] {
  const root = conversationRoot(doc);
  if (!root) return [];
  const all: Sighting[] = [];
  for (const msg of messagesOf(root)) for (const s of sightingsIn(msg)) all.push(s);
  return mergeSightings(all, selfAddresses(doc, owner));
}

/** Subject, and per message its sender, date and direction: what logging a touch needs. No body. */
export function conversationMeta(doc: Document, owner: string | null = mailboxOwner(doc)): ConversationMeta {
  const root = conversationRoot(doc);
  if (!root) return { subject: null, messages: [] };
  const heading = Array.from(root.querySelectorAll(S.SUBJECT)).find((h) => !h.closest(HIDDEN));
  const subject = cap(clean(heading?.textContent), 300) || null;
  const self = selfAddresses(doc, owner);
  const dayFirst = dayFirstFor(doc.documentElement.getAttribute('lang'));
  const messages: MessageMeta[] = messagesOf(root).map((msg) => {
    let from: string | null = null;
    for (const s of sightingsIn(msg)) {
      if (s.role === 'from') {
        from = s.email;
        break;
      }
    }
    const dateEl = Array.from(msg.querySelectorAll(S.DATE)).find((d) => !d.closest(S.BODY));
    return {
      from,
      date: parseMailDate(dateEl?.getAttribute('title'), dayFirst === undefined ? {} : { dayFirst }),
      direction: from && self.has(from) ? 'out' : 'in',
    };
  });
  return { subject, messages };
}

/**
 * The external people of each visible message-list row (senders; in Sent, the recipients Gmail shows
 * as "To: …"), one entry per row and address, anchored on the element naming them.
 */
export function listRows(doc: Document, owner: string | null): ListRow[] {
  const self = selfAddresses(doc, owner);
  const hiddenTable = new Map<Element, boolean>();
  const out: ListRow[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.LIST_ROW))) {
    // Rows share their table's visibility; Gmail keeps other folders' lists in the DOM, hidden.
    const table = row.parentElement;
    if (!table) continue;
    let hidden = hiddenTable.get(table);
    if (hidden === undefined) {
      hidden = !table.closest(S.MAIN) || !!table.closest(S.NOT_LIST) || !!table.closest(HIDDEN);
      hiddenTable.set(table, hidden);
    }
    if (hidden || row.matches(HIDDEN)) continue;
    const cell = S.LIST_SENDERS.map((sel) => row.querySelector(sel)).find(Boolean) ?? row;
    const seen = new Set<string>();
    for (const el of Array.from(cell.querySelectorAll(S.LIST_PERSON))) {
      const email = normaliseEmail(el.getAttribute('email'));
      if (!email || self.has(email) || seen.has(email)) continue;
      seen.add(email);
      out.push({ email, name: nameOf(el).name, row, anchor: el });
    }
  }
  return out;
}
