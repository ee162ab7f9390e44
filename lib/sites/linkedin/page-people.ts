// Everyone a LinkedIn page shows in its lists, feed and Sales Navigator rows, from each surface's
// reader (./lists/*). The linkedin-lists content script marks them and answers the side panel's
// "On this page" (TabRequest `pagePeople`) with them. The viewer is never among them.
import { alsoViewed } from './lists/also-viewed';
import { companyPeople } from './lists/company-people';
import { feed } from './lists/feed';
import { messagingMentions } from './messaging';
import { isViewer, keyOf, viewerOf, type Viewer } from './lists/identity';
import { network } from './lists/network';
import { reactions } from './lists/reactions';
import { salesList, salesSearch } from './lists/sales-nav';
import { search } from './lists/search';
import type { ListPerson, PageMention, SurfaceReader } from './lists/types';

export const READERS: readonly SurfaceReader[] = [search, network, companyPeople, alsoViewed, reactions, feed, salesSearch, salesList];

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return '';
  }
}

/** The readers that apply to a URL. */
export function readersFor(url: string): SurfaceReader[] {
  const path = pathOf(url);
  return READERS.filter((r) => r.applies(path));
}

export interface RowRef {
  reader: SurfaceReader;
  row: Element;
}

/** Every row of every surface the page shows, unread (the content script reads each once). */
export function pageRows(doc: Document, url: string): RowRef[] {
  const out: RowRef[] = [];
  for (const reader of readersFor(url)) for (const row of reader.rows(doc)) out.push({ reader, row });
  return out;
}

/** How a row is read: afresh (the default), or through a `rowReader` that keeps what it read. */
export type ReadRow = (ref: RowRef) => ListPerson | null;

const readFresh: ReadRow = (ref) => ref.reader.read(ref.row);

/** A row's person, unless it is the viewer. */
export function readRef(ref: RowRef, viewer: Viewer, read: ReadRow = readFresh): ListPerson | null {
  const p = read(ref);
  return p && !isViewer(viewer, p) ? p : null;
}

/**
 * A reader that reads each row once and answers again from what it read while the row still holds the
 * same person link (same element, same href): reading a row walks its subtree for name, headline and
 * location, and the marks and `pagePeople` (the toolbar title asks it after every load, the side
 * panel on each change) would otherwise read every row again. LinkedIn reuses row nodes for other
 * people: a link that moved, left the row or changed its href is read afresh.
 */
export function rowReader(): ReadRow {
  const known = new WeakMap<Element, { person: ListPerson; href: string | null }>();
  return (ref) => {
    const had = known.get(ref.row);
    if (had && had.person.anchor.isConnected && ref.row.contains(had.person.anchor) && had.person.anchor.getAttribute('href') === had.href)
      return had.person;
    const person = ref.reader.read(ref.row);
    if (person) known.set(ref.row, { person, href: person.anchor.getAttribute('href') });
    else known.delete(ref.row);
    return person;
  };
}

/** Every person the page shows, once each (first appearance wins), never the viewer. */
export function listPeople(doc: Document, url: string, o: { read?: ReadRow; viewer?: Viewer } = {}): ListPerson[] {
  const viewer = o.viewer ?? viewerOf(doc);
  const seen = new Set<string>();
  const out: ListPerson[] = [];
  for (const ref of pageRows(doc, url)) {
    const p = readRef(ref, viewer, o.read);
    if (!p || seen.has(keyOf(p))) continue;
    seen.add(keyOf(p));
    out.push(p);
  }
  return out;
}

/** The contract's answer to `pagePeople` (`o` as for listPeople: the lists script passes what it already read). */
export function pagePeople(doc: Document, url: string, o: { read?: ReadRow; viewer?: Viewer } = {}): PageMention[] {
  const listed = listPeople(doc, url, o);
  return listed
    .map((p): PageMention => ({
      slug: p.slug,
      memberId: p.memberId,
      name: p.name,
      headline: p.headline,
      location: p.location,
      surface: p.surface,
    }))
    // Conversation partners (thread pane, overlay bubbles) the lists do not already show.
    .concat(messagingMentions(doc).filter((m) => !listed.some((p) => keyOf(p) === keyOf(m))));
}
