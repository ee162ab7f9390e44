// Who the rep is corresponding with in Outlook on the web, read off the page they have open
// (DESIGN.md §4). Pure: reads the document, never changes or fetches it.
//
// Outlook's markup is hashed and changes with every build, so this reads structure and accessibility
// attributes only: the reading pane, one message per sent/received time, header regions labelled
// "From:"/"To:"/"Cc:" (aria-label or visible label), and persona elements. An address counts only when
// the page states it as an address: a persona's `title` (Outlook's address tooltip), or "Name <addr>"
// in angle brackets. A bare "x@y" in a name or label may be a display name ("ceo@bank.example"
// <attacker@evil.example>), so a person shown without such an address is not returned at all: "not
// recognised" is better than the wrong person.

import { bracketedAddress, displayName, normaliseEmail, parseAddressList } from '../mail/address';
import { dayFirstFor, parseMailDate } from '../mail/date';
import { isMeWord, roleOfLabel, splitLabel } from '../mail/labels';
import { HIDDEN, mergeSightings, outermost, type Sighting } from '../mail/participants';
import { cap, clean, loose } from '../mail/text';
import type { ConversationMeta, ListRow, MessageMeta, Participant, ParticipantRole } from '../mail/types';
import { outlookMailbox } from './url';
import * as S from './selectors';

export type { ConversationMeta, ListRow, MessageMeta, Participant, ParticipantRole } from '../mail/types';

function visible(doc: Document | Element, sel: string): Element | null {
  for (const el of Array.from(doc.querySelectorAll(sel))) if (!el.closest(HIDDEN)) return el;
  return null;
}

/** An address in an account label: "(addr)" or "<addr>" at the end, or the label's last word. */
function addressInLabel(label: string | null): string | null {
  if (!label) return null;
  const m = /[(<]([^()<>]+)[)>]\s*$/.exec(label);
  return normaliseEmail(m ? m[1] : clean(label).split(' ').pop());
}

/** "Mail - Dewi Lestari - Outlook": the segment before the product name (name, sometimes the address). */
function titleSegment(doc: Document): string {
  const parts = clean(doc.title).split(' - ');
  return parts.length >= 3 && /outlook/i.test(parts[parts.length - 1]!) ? parts[parts.length - 2]! : '';
}

/**
 * The signed-in account's address: the account manager's flyout, its trigger's label, the folder
 * pane's mailbox root, or the title when it shows an address. Null when the page does not show it
 * (common on outlook.live.com until the account manager has been opened); use mailboxOwnerName then.
 */
export function mailboxOwner(doc: Document): string | null {
  const flyout = normaliseEmail(doc.querySelector(S.ACCOUNT_ADDRESS)?.textContent);
  if (flyout) return flyout;
  for (const sel of S.ACCOUNT_BUTTON) {
    const b = doc.querySelector(sel);
    const e = b && (addressInLabel(b.getAttribute('aria-label')) ?? addressInLabel(b.getAttribute('title')));
    if (e) return e;
  }
  const root = visible(doc, S.FOLDER_ROOT);
  return normaliseEmail(root?.getAttribute('title')) ?? normaliseEmail(titleSegment(doc));
}

const ACCOUNT_FOR =
  /^(?:account manager for|pengelola akun untuk|kontoverwaltung für|gestionnaire de comptes pour|administrador de cuentas de|gerenciador de contas de|accountbeheer voor)\s+(.+)$/i;

/** The signed-in user's display name (account manager, its trigger label, or the title). */
export function mailboxOwnerName(doc: Document): string | null {
  const primary = displayName(doc.querySelector(S.ACCOUNT_NAME)?.textContent);
  if (primary) return primary;
  for (const sel of S.ACCOUNT_BUTTON) {
    const m = ACCOUNT_FOR.exec(clean(doc.querySelector(sel)?.getAttribute('aria-label')));
    const name = m && displayName(m[1]);
    if (name) return name;
  }
  const seg = titleSegment(doc);
  return seg && !normaliseEmail(seg) ? displayName(seg) : null;
}

/** The rep's own addresses: the owner passed in, the account manager's, and a shared mailbox in the URL. */
export function selfAddresses(doc: Document, owner: string | null): Set<string> {
  const self = new Set<string>();
  for (const e of [normaliseEmail(owner), mailboxOwner(doc), outlookMailbox(doc.URL)]) if (e) self.add(e);
  return self;
}

/** The reading pane, or null when Outlook shows none (list only, settings). May be empty. */
export function readingPane(doc: Document): Element | null {
  for (const sel of S.READING_PANE) {
    const el = visible(doc, sel);
    if (el) return el;
  }
  return null;
}

/** One element per message: the largest ancestor of each message's time holding no other message's time. */
function messagesOf(pane: Element): Element[] {
  const marks = Array.from(pane.querySelectorAll(S.DATE)).filter(
    (d) => !d.closest(S.BODY) && !d.closest(S.NOT_HEADER) && !d.closest(HIDDEN),
  );
  if (!marks.length) return [pane];
  const count = (el: Element) => marks.reduce((n, m) => n + (el.contains(m) ? 1 : 0), 0);
  return outermost(
    marks.map((m) => {
      let c = m;
      while (c.parentElement && c.parentElement !== pane && count(c.parentElement) === 1) c = c.parentElement;
      return c;
    }),
  );
}

/**
 * The address a persona element states, or null. A `title` that is exactly an address is Outlook's
 * address tooltip, trusted unless it merely repeats the element's text outside a labelled header (then
 * it could be a subject or a display name shown in full). Otherwise only "Name <addr>" counts.
 */
function personaAddress(el: Element, labelled: boolean): string | null {
  const text = loose(el.textContent ?? '');
  const title = el.getAttribute('title');
  const t = normaliseEmail(title);
  if (t && (labelled || text !== t)) return t;
  return bracketedAddress(title) ?? bracketedAddress(el.getAttribute('aria-label')) ?? bracketedAddress(el.textContent);
}

function personaName(el: Element, email: string): string | null {
  for (const v of [el.getAttribute('title'), el.getAttribute('aria-label')]) {
    if (v && bracketedAddress(v) === email) {
      const n = displayName(v);
      if (n) return n;
    }
  }
  const text = clean(el.textContent);
  return isMeWord(text) ? null : displayName(text);
}

interface Region {
  el: Element;
  role: ParticipantRole;
  rest: string;
  found: number;
  /** Personas shown without an address, to anchor addresses read from the region's label. */
  named: Element[];
}

interface Scan {
  sightings: Sighting[];
  /** Name of the sender persona even when it shows no address (Outlook shows the owner by name only). */
  fromName: string | null;
}

/** Read one message's header: labelled regions, visible labels and personas, in document order. */
function scan(msg: Element): Scan {
  const sightings: Sighting[] = [];
  const regions: Region[] = [];
  let label: ParticipantRole | null = null;
  let personas = 0;
  let fromName: string | null = null;
  const visit = (n: Element, region: Region | null): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c.nodeValue ?? '').trim();
        // A visible "To:"/"Cc:" label applies to the personas after it.
        if (t.length <= 16 && /[:：]$/.test(t)) label = roleOfLabel(t) ?? label;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.matches(S.BODY) || e.matches(S.NOT_HEADER) || e.matches(HIDDEN)) continue;
      const lab = splitLabel(e.getAttribute('aria-label'));
      if (lab) {
        const r: Region = { el: e, role: lab.role, rest: lab.rest, found: 0, named: [] };
        regions.push(r);
        visit(e, r);
        continue;
      }
      // A persona is a leaf of the header: an element that also holds other people, a body or a time is a
      // container whose label merely mentions an address ("Message from Anita <a@x>").
      if (e.matches(S.PERSONA) && !e.querySelector(`${S.PERSONA}, ${S.BODY}, ${S.DATE}`)) {
        // Before any label, the first person of a header is its sender (Outlook prints no "From:").
        const role = region?.role ?? label ?? (personas === 0 && !regions.length ? 'from' : 'unknown');
        personas++;
        const email = personaAddress(e, !!region || label !== null);
        if (role === 'from' && fromName === null) fromName = displayName(e.textContent) ?? clean(e.textContent);
        if (email) {
          if (region) region.found++;
          sightings.push({ email, name: personaName(e, email), nameFromAttr: false, role, el: e, visible: true, fallback: null });
          continue;
        }
        region?.named.push(e);
      }
      visit(e, region);
    }
  };
  visit(msg, null);
  // Regions whose people show no address: read "Name <addr>" entries from the region's own label.
  for (const r of regions) {
    if (r.found) continue;
    // A label that is one bare address and nothing else ("Von: addr", no persona shown) says who it is.
    const bare = !r.named.length && normaliseEmail(r.rest);
    for (const { email, name } of bare ? [{ email: bare, name: null }] : parseAddressList(r.rest, { requireBrackets: true })) {
      const el = (name && r.named.find((p) => loose(displayName(p.textContent) ?? '') === loose(name))) || r.el;
      sightings.push({ email, name, nameFromAttr: false, role: r.role, el, visible: true, fallback: null });
      if (r.role === 'from' && fromName === null) fromName = name ?? '';
    }
  }
  // Addresses read from a region's label were added last; put every sighting back in page order.
  sightings.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  return { sightings, fromName };
}

interface Owner {
  /** The signed-in address, when the page shows it. */
  address: string | null;
  self: Set<string>;
  /** The owner's display name. */
  name: string | null;
}

function ownerOf(doc: Document, owner: string | null): Owner {
  return { address: normaliseEmail(owner) ?? mailboxOwner(doc), self: selfAddresses(doc, owner), name: mailboxOwnerName(doc) };
}

/** "You", or the owner's own display name. */
function isOwnerName(text: string | null, o: Owner): boolean {
  return !!text && (isMeWord(text) || (!!o.name && loose(text) === loose(o.name)));
}

/**
 * Addresses Outlook shows as "You" belong to the owner. While the owner's address is unknown, so do
 * addresses shown with the owner's display name: dropping a namesake is safer than a chip on the rep.
 */
function addOwnerAliases(sightings: Sighting[], o: Owner): void {
  for (const s of sightings) {
    const text = clean(s.el.textContent);
    if (isMeWord(text) || isMeWord(s.name) || (!o.address && (isOwnerName(s.name, o) || isOwnerName(text, o)))) o.self.add(s.email);
  }
}

/**
 * One entry per external address in the open conversation: senders and recipients of every message
 * header shown, without the owner, deduplicated by address, with the strongest role and the first
 * element naming it as the anchor. People shown without an address are left out.
 */
export function conversationParticipants(doc: Document, owner: string | null): Participant[] {
  const pane = readingPane(doc);
  if (!pane) return [];
  const o = ownerOf(doc, owner);
  const all = messagesOf(pane).flatMap((m) => scan(m).sightings);
  addOwnerAliases(all, o);
  return mergeSightings(all, o.self);
}

function subjectOf(pane: Element): string | null {
  for (const sel of S.SUBJECT) {
    const h = Array.from(pane.querySelectorAll(sel)).find((e) => !e.closest(S.BODY) && !e.closest(S.NOT_HEADER));
    const subject = h ? cap(clean(h.textContent) || clean(h.getAttribute('title')), 300) : '';
    if (subject) return subject;
  }
  return null;
}

/** Subject, and per message its sender, date and direction: what logging a touch needs. No body. */
export function conversationMeta(doc: Document, owner: string | null = mailboxOwner(doc)): ConversationMeta {
  const pane = readingPane(doc);
  if (!pane) return { subject: null, messages: [] };
  const o = ownerOf(doc, owner);
  const dayFirst = dayFirstFor(doc.documentElement.getAttribute('lang'));
  const msgs = messagesOf(pane);
  const scans = msgs.map(scan);
  addOwnerAliases(
    scans.flatMap((s) => s.sightings),
    o,
  );
  const messages: MessageMeta[] = [];
  scans.forEach(({ sightings, fromName }, i) => {
    const dateEl = msgs[i]!.querySelector(S.DATE);
    // A pane with no message header at all ("Select an item to read") has no message.
    if (!sightings.length && fromName === null && !dateEl) return;
    let from = sightings.find((s) => s.role === 'from')?.email ?? null;
    // Outlook shows the owner's own messages by name only ("Dewi Lestari", no address).
    const mine = from ? o.self.has(from) : isOwnerName(fromName, o);
    if (!from && mine) from = o.address;
    const raw = dateEl?.getAttribute('title') || clean(dateEl?.textContent);
    messages.push({ from, date: parseMailDate(raw, dayFirst === undefined ? {} : { dayFirst }), direction: mine ? 'out' : 'in' });
  });
  return { subject: subjectOf(pane), messages };
}

/** The external senders of each conversation row in the message list, anchored on their name. */
export function listRows(doc: Document, owner: string | null): ListRow[] {
  const o = ownerOf(doc, owner);
  let lists = Array.from(doc.querySelectorAll(S.MESSAGE_LIST[0]!));
  if (!lists.length) lists = Array.from(doc.querySelectorAll(S.MESSAGE_LIST[1]!)).filter((l) => !l.closest(S.NOT_LIST));
  const out: ListRow[] = [];
  for (const list of lists) {
    if (list.closest(HIDDEN)) continue;
    for (const row of Array.from(list.querySelectorAll(S.LIST_ROW))) {
      if (row.matches(HIDDEN)) continue;
      const seen = new Set<string>();
      for (const el of Array.from(row.querySelectorAll(S.LIST_SENDER))) {
        const email = normaliseEmail(el.getAttribute('title'));
        const text = clean(el.textContent);
        // A title that repeats the text may be the subject or a display name: not an address tooltip.
        if (!email || loose(text) === email || seen.has(email) || o.self.has(email)) continue;
        if (isMeWord(text) || (!o.address && isOwnerName(text, o))) continue;
        seen.add(email);
        out.push({ email, name: displayName(text), row, anchor: el });
      }
    }
  }
  return out;
}
