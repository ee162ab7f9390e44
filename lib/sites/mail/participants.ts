// Turning every place a page names an address into one participant per address: the owner and their
// aliases dropped, the strongest role kept, the best name and the first visible element chosen.

import type { Participant, ParticipantRole } from './types';

/** One element of a message header that names an address. */
export interface Sighting {
  email: string;
  name: string | null;
  /** The name came from a machine-written attribute (Gmail's `name`), not from possibly truncated text. */
  nameFromAttr: boolean;
  role: ParticipantRole;
  el: Element;
  /** A chip may be mounted next to it: shown on screen, not inside a details popup. */
  visible: boolean;
  /** Where the chip goes when no sighting of this address is visible (e.g. the recipients line). */
  fallback: Element | null;
}

const RANK: Record<ParticipantRole, number> = { from: 4, to: 3, cc: 2, bcc: 1, unknown: 0 };

/** Merge sightings (in document order) into participants, excluding `self` addresses. */
export function mergeSightings(sightings: Iterable<Sighting>, self: ReadonlySet<string>): Participant[] {
  const by = new Map<string, { p: Participant; nameFromAttr: boolean; visible: boolean }>();
  for (const s of sightings) {
    if (self.has(s.email)) continue;
    const cur = by.get(s.email);
    if (!cur) {
      by.set(s.email, {
        p: { email: s.email, name: s.name, role: s.role, anchor: s.visible ? s.el : (s.fallback ?? s.el) },
        nameFromAttr: s.nameFromAttr && !!s.name,
        visible: s.visible,
      });
      continue;
    }
    if (RANK[s.role] > RANK[cur.p.role]) cur.p.role = s.role;
    if (s.name && (!cur.p.name || (s.nameFromAttr && !cur.nameFromAttr))) {
      cur.p.name = s.name;
      cur.nameFromAttr = s.nameFromAttr;
    }
    if (s.visible && !cur.visible) {
      cur.p.anchor = s.el;
      cur.visible = true;
    }
  }
  return Array.from(by.values(), (v) => v.p);
}

/** Inline styles and attributes mail apps use to keep cached views in the DOM while not shown. */
export const HIDDEN = '[hidden], [style*="display: none"], [style*="display:none"], [style*="visibility: hidden"]';

/** Hidden by an ancestor up to (not including) `stop`, the way the page hides cached views and popups. */
export function hiddenWithin(el: Element, stop: Element | null, ariaToo = false): boolean {
  for (let n: Element | null = el; n && n !== stop; n = n.parentElement) {
    if (n.matches(HIDDEN) || (ariaToo && n.getAttribute('aria-hidden') === 'true')) return true;
  }
  return false;
}

/** Keep only elements not contained in another element of the list. The list is in document order, so
 * kept elements are disjoint and only the last kept one can contain the next. */
export function outermost(els: Iterable<Element>): Element[] {
  const out: Element[] = [];
  for (const el of els) if (!out.length || !out[out.length - 1]!.contains(el)) out.push(el);
  return out;
}
