// Reading LinkedIn conversations: who the partners are (never the viewer) and who sent the last
// message when. Used on /messaging/thread/… and for the messaging overlay's bubbles on any page.
// A conversation has the same shape in every vintage — a header naming the partner(s), then events
// (messages) carrying their sender's link or name and a time — so the reader follows that shape and
// only the containers come from selectors.ts. Message text is never read.
import { visibleText } from './dom';
import { isViewer, keyOf, personFromHref, viewerOf, type PersonKey, type Viewer } from './lists/identity';
import * as S from './selectors';
import { cap, clean, cleanName, isNoise, loose } from './text';

const MAX_HEADLINE = 300;

export interface ConversationPartner {
  /** The thread pane or overlay bubble the partner belongs to (one chip per partner per conversation). */
  conversation: Element;
  /** The chip goes right after this element (a link or name, never inside a link). */
  anchor: Element;
  slug: string | null;
  memberId: string | null;
  name: string;
  headline: string | null;
}

export interface LastMessage {
  direction: 'in' | 'out';
  /** When it was sent (epoch ms), or null when the page shows no time that can be read. */
  at: number | null;
}

function all(root: ParentNode, list: S.SelectorList): Element[] {
  const out: Element[] = [];
  for (const sel of list) for (const el of Array.from(root.querySelectorAll(sel))) if (!out.includes(el)) out.push(el);
  return out;
}

function firstIn(root: ParentNode, list: S.SelectorList): Element | null {
  for (const sel of list) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** Every open conversation on the page (thread pane, overlay bubbles), outermost matches only. */
export function conversations(doc: Document): Element[] {
  const found = all(doc, S.MSG_CONVERSATIONS);
  return found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
}

/** A person link's display name: its visible text, else its photo's alt or its title. */
function linkName(a: Element): string {
  const own = cleanName(visibleText(a.querySelector(S.ROW_VISIBLE_NAME) ?? a));
  if (own && !isNoise(own) && !/^(?:view|lihat)\b/i.test(own)) return own;
  return cleanName(a.querySelector('img')?.getAttribute('alt') ?? a.getAttribute('title') ?? '');
}

interface Sender {
  key: PersonKey | null;
  name: string;
  /** Where a chip for this sender would go: the name element or the link. */
  el: Element;
}

/** The sender an event names: its person link (with a name from the link or the event's name line). */
function senderOf(ev: Element): Sender | null {
  const nameEl = firstIn(ev, S.MSG_SENDER_NAME);
  const nameText = nameEl ? cleanName(visibleText(nameEl)) : '';
  for (const a of Array.from(ev.querySelectorAll(S.LIST_PERSON_LINK))) {
    const key = personFromHref(a.getAttribute('href'));
    if (!key) continue;
    return { key, name: nameText || linkName(a), el: nameEl ?? a };
  }
  return nameEl && nameText ? { key: null, name: nameText, el: nameEl } : null;
}

const same = (a: PersonKey, b: PersonKey) => (!!a.slug && a.slug === b.slug) || (!!a.memberId && a.memberId === b.memberId);

/** The partners of one conversation: everyone its header links to, then every other sender; never the viewer. */
export function partnersOf(conversation: Element, viewer: Viewer): ConversationPartner[] {
  const out: ConversationPartner[] = [];
  const add = (key: PersonKey, name: string, anchor: Element) => {
    if (isViewer(viewer, key)) return;
    // The same person linked twice (photo then name; header by slug, messages by id): one partner, both keys.
    const known = out.find((p) => same(p, key) || (!!name && !!p.name && loose(p.name) === loose(name)));
    if (known) {
      known.slug ??= key.slug;
      known.memberId ??= key.memberId;
      if (!known.name && name) Object.assign(known, { name, anchor });
      return;
    }
    out.push({ conversation, anchor, slug: key.slug, memberId: key.memberId, name, headline: null });
  };
  const header = firstIn(conversation, S.MSG_HEADER);
  if (header) {
    for (const a of Array.from(header.querySelectorAll(S.LIST_PERSON_LINK))) {
      const key = personFromHref(a.getAttribute('href'));
      if (key) add(key, linkName(a), a);
    }
  }
  for (const ev of all(conversation, S.MSG_EVENTS)) {
    const s = senderOf(ev);
    if (s?.key) add(s.key, s.name, s.el);
  }
  const named = out.filter((p) => p.name);
  if (named.length === 1 && header) {
    const line = firstIn(header, S.MSG_HEADER_HEADLINE);
    const text = line ? clean(visibleText(line)) : '';
    if (text && !isNoise(text)) named[0]!.headline = cap(text, MAX_HEADLINE);
  }
  return named;
}

/** Every conversation partner the page shows, per conversation (a person in two bubbles appears twice). */
export function readConversationPartners(doc: Document): ConversationPartner[] {
  const viewer = viewerOf(doc);
  return conversations(doc).flatMap((c) => partnersOf(c, viewer));
}

/** The page's people from its conversations, once each, in the side panel's "On this page" shape. */
export function messagingMentions(doc: Document): Array<{ slug: string | null; memberId: string | null; name: string; headline: string | null; location: null; surface: 'messaging' }> {
  const seen = new Set<string>();
  const out = [];
  for (const p of readConversationPartners(doc)) {
    const k = keyOf(p);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ slug: p.slug, memberId: p.memberId, name: p.name, headline: p.headline, location: null, surface: 'messaging' as const });
  }
  return out;
}

// ---- the last message: direction and time -------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 0, januari: 0, january: 0, feb: 1, februari: 1, february: 1, mar: 2, maret: 2, march: 2, apr: 3, april: 3,
  may: 4, mei: 4, jun: 5, juni: 5, june: 5, jul: 6, juli: 6, july: 6, aug: 7, agu: 7, agt: 7, agustus: 7, august: 7,
  sep: 8, sept: 8, september: 8, oct: 9, okt: 9, oktober: 9, october: 9, nov: 10, november: 10, dec: 11, des: 11, desember: 11, december: 11,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, minggu: 0, monday: 1, mon: 1, senin: 1, tuesday: 2, tue: 2, selasa: 2, wednesday: 3, wed: 3, rabu: 3,
  thursday: 4, thu: 4, kamis: 4, friday: 5, fri: 5, jumat: 5, "jum'at": 5, saturday: 6, sat: 6, sabtu: 6,
};

// Node.DOCUMENT_POSITION_* by value: lib/ runs without a browser's globals too.
const FOLLOWING = 4;

function midnight(t: number): Date {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** The day a heading names ("Today", "Kemarin", "Monday", "Dec 3", "3 Des 2025"), as local midnight; null if none. */
export function dayOf(heading: string, now: number): Date | null {
  const s = clean(heading).toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const today = midnight(now);
  const back = (days: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  if (/^(?:today|hari ini)\b/.test(s)) return today;
  if (/^(?:yesterday|kemarin)\b/.test(s)) return back(1);
  const wd = WEEKDAYS[s.split(' ')[0] ?? ''];
  if (wd !== undefined && !/\d/.test(s)) return back(((today.getDay() - wd + 7) % 7) || 7);
  const md = /^([a-z]+) (\d{1,2})(?: (\d{4}))?/.exec(s) ?? null;
  const dm = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?/.exec(s) ?? null;
  const [month, day, year] = md ? [MONTHS[md[1]!], Number(md[2]), md[3]] : dm ? [MONTHS[dm[2]!], Number(dm[1]), dm[3]] : [undefined, 0, undefined];
  if (month === undefined || day < 1 || day > 31) return null;
  let d = new Date(year ? Number(year) : today.getFullYear(), month, day);
  // Without a year LinkedIn means the latest such day: "Dec 30" read on 2 January is last year's.
  if (!year && d.getTime() > today.getTime()) d = new Date(d.getFullYear() - 1, month, day);
  return d;
}

/** "10:42 AM", "14.05", "9:05 PM" → minutes after midnight; null if the text is no clock time. */
export function clockOf(text: string): number | null {
  const m = /(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*m?\b/i.exec(clean(text));
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const ap = m[3]?.toLowerCase();
  if (min > 59 || h > 23 || (ap && (h < 1 || h > 12))) return null;
  if (ap === 'p' && h < 12) h += 12;
  if (ap === 'a' && h === 12) h = 0;
  return h * 60 + min;
}

/** An event's time, from its `datetime` or its clock text and the day heading before it. */
function timeOf(conversation: Element, ev: Element, now: number): number | null {
  const el = firstIn(ev, S.MSG_TIME);
  if (!el) return null;
  const exact = el.getAttribute('datetime');
  if (exact) {
    const t = Date.parse(exact);
    if (Number.isFinite(t)) return Math.min(t, now);
  }
  const minutes = clockOf(el.textContent ?? '');
  if (minutes === null) return null;
  // The last day heading at or before the event (headings sit between events, or at the top of one).
  let day: Date | null = null;
  for (const h of all(conversation, S.MSG_DAY_HEADING)) {
    if (h === el) continue;
    const before = h.compareDocumentPosition(el) & FOLLOWING;
    if (before) day = dayOf(h.textContent ?? '', now) ?? day;
  }
  const base = day ?? midnight(now);
  let t = new Date(base.getFullYear(), base.getMonth(), base.getDate(), Math.floor(minutes / 60), minutes % 60).getTime();
  // A bare clock time later than now can only be yesterday's.
  if (!day && t > now) t -= 86_400_000;
  return Math.min(t, now);
}

/**
 * Who sent the conversation's last message and when: the last event's sender (or, for a message that
 * continues a group, the group's), "out" when that is the viewer. Null when the conversation shows
 * no message (a folded bubble) or no sender can be told.
 */
export function lastMessage(conversation: Element, viewer: Viewer, now: number): LastMessage | null {
  const events = all(conversation, S.MSG_EVENTS);
  if (events.length === 0) return null;
  // Events in document order: selector order is per vintage, the page's order is what counts.
  events.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  let direction: LastMessage['direction'] | null = null;
  const byClass = conversation.querySelector(S.MSG_EVENT_FROM_OTHER) !== null;
  for (let i = events.length - 1; i >= 0 && direction === null; i--) {
    const ev = events[i]!;
    const s = senderOf(ev);
    if (s?.key) direction = isViewer(viewer, s.key) ? 'out' : 'in';
    else if (byClass) direction = ev.matches(S.MSG_EVENT_FROM_OTHER) || ev.querySelector(S.MSG_EVENT_FROM_OTHER) ? 'in' : 'out';
  }
  if (direction === null) return null;
  let at: number | null = null;
  // A message that continues a group carries no time of its own: the group's is the nearest before it.
  for (let i = events.length - 1; i >= 0 && at === null; i--) at = timeOf(conversation, events[i]!, now);
  return { direction, at };
}

/** How many events (messages or groups) a conversation shows: without a time, a newer last message is told by a longer list. */
export function eventCount(conversation: Element): number {
  return all(conversation, S.MSG_EVENTS).length;
}

/** The viewer as the page shows them (re-exported so the content script needs one import). */
export { viewerOf };
