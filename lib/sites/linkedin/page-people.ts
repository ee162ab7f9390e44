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

/** A row's person, unless it is the viewer. */
export function readRef(ref: RowRef, viewer: Viewer): ListPerson | null {
  const p = ref.reader.read(ref.row);
  return p && !isViewer(viewer, p) ? p : null;
}

/** Every person the page shows, once each (first appearance wins), never the viewer. */
export function listPeople(doc: Document, url: string): ListPerson[] {
  const viewer = viewerOf(doc);
  const seen = new Set<string>();
  const out: ListPerson[] = [];
  for (const ref of pageRows(doc, url)) {
    const p = readRef(ref, viewer);
    if (!p || seen.has(keyOf(p))) continue;
    seen.add(keyOf(p));
    out.push(p);
  }
  return out;
}

/** The contract's answer to `pagePeople`. */
export function pagePeople(doc: Document, url: string): PageMention[] {
  const listed = listPeople(doc, url);
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
