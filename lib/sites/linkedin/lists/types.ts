// What the list readers (one per LinkedIn surface) say about each person a page shows. Plain types:
// the linkedin-lists content script imports them and stays free of validation libraries.

/** The LinkedIn surfaces whose people get marks. */
export type Surface =
  | 'search'
  | 'network'
  | 'company-people'
  | 'also-viewed'
  | 'reactions'
  | 'feed'
  | 'sales-search'
  | 'sales-list';

/** Surfaces where an untracked person is offered "Add to pipeline" (and bulk clip). */
export const CLIP_SURFACES: ReadonlySet<Surface> = new Set<Surface>(['search', 'company-people']);

/** One person as a row (or a feed post) shows them. Texts are cleaned, capped, never markup. */
export interface ListPerson {
  surface: Surface;
  /** The row or post the person belongs to (a mark is kept per row). */
  row: Element;
  /** The mark is inserted right after this element: the name, or the link around it (never inside a link). */
  anchor: Element;
  /** Vanity slug, when the row links to `/in/<slug>`. */
  slug: string | null;
  /** Opaque member id (`ACoAA…`, or a Sales Navigator lead id), when the row links by id only or shows one. */
  memberId: string | null;
  name: string;
  headline: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  /** Feed only: the person wrote the post, or reposted someone else's. */
  post?: 'post' | 'repost';
}

/** One surface: where it applies, its rows, and how to read one row. */
export interface SurfaceReader {
  surface: Surface;
  /** By URL path (lower-cased, no host or query); readers that appear anywhere (reactions modal) say true. */
  applies(path: string): boolean;
  rows(doc: Document): Element[];
  read(row: Element): ListPerson | null;
}

/** The contract's shape for the side panel's "On this page" (TabRequest `pagePeople`). */
export interface PageMention {
  slug: string | null;
  memberId: string | null;
  name: string;
  headline: string | null;
  location: string | null;
  surface: string;
}
