// Which of Jalur's LinkedIn surface scripts a page needs, from its URL alone. The one script in the
// manifest (entrypoints/linkedin-router.ts) asks the background for these after the page's load event
// and on each in-app navigation; the background injects exactly the named ones into that tab and frame
// (entrypoints/background/inject.ts). No imports: the router must stay a few hundred bytes.

/** Every surface, in the order they are injected. The background accepts no other name. */
export const SURFACES = ['profile', 'lists', 'messaging', 'company'] as const;
export type SurfaceName = (typeof SURFACES)[number];

/** What a path opens: the member's profile (`/in/x`, the old lite site's `/mwlite/in/x`), a company page. */
const PROFILE = /^\/(?:mwlite\/)?in\/[^/]+/i;
const COMPANY = /^\/company\/[^/]+/i;

/**
 * The surfaces a LinkedIn URL needs. Lists (a reactions list opens over any page, "People also viewed"
 * sits beside profiles, the feed, search, My Network, Sales Navigator rows) and messaging (chat bubbles
 * open over any page, the thread pane, the Sales Navigator lead) apply everywhere; the profile chip only
 * on a member's profile, the company chip only on a company page.
 */
export function surfacesFor(url: string): SurfaceName[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  return SURFACES.filter((s) => (s === 'profile' ? PROFILE.test(path) : s === 'company' ? COMPANY.test(path) : true));
}
