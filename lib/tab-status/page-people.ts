// The people a LinkedIn tab shows, as Jalur's pages and the background list them ("On this page" in
// the side panel, the toolbar title of a list page): the profile person the profile script extracts,
// plus everyone the lists script reads off search results, a company's People tab, messaging and post
// authors (TabRequest `pagePeople`). Their replies come from a content script inside LinkedIn's page, so
// they are checked here like any other boundary. Pure: no browser.
import { z } from 'zod';
import type { ProspectDraft } from '../model/draft';
import type { CaptureWire } from '../messaging/types';
import { capText, cleanLine } from '../model/text';
import { canonicalSlug, profileUrl } from '../sites/linkedin/url';

/** One person a LinkedIn page shows (the `pagePeople` reply's PageMention). */
export interface Mention {
  slug: string | null;
  memberId: string | null;
  name: string;
  headline: string | null;
  location: string | null;
  surface: string;
}

/** At most this many people per page: a search page shows 10–50, a long feed a few dozen authors. */
export const PAGE_PEOPLE_MAX = 200;

const line = (max: number) =>
  z
    .string()
    .max(4000)
    .transform((s) => capText(cleanLine(s), max));

const MentionSchema = z.object({
  slug: z.string().max(200).nullable(),
  memberId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,120}$/)
    .nullable(),
  name: line(200),
  headline: line(300).nullable(),
  location: line(200).nullable(),
  surface: z.string().max(40),
});

const PagePeopleReplySchema = z.object({ people: z.array(z.unknown()).max(1000) });

/**
 * The lists script's answer, checked: a malformed person is left out (one odd row must not hide the
 * page), a malformed reply or none at all is no people. Slugs are made canonical; nameless rows dropped.
 */
export function parsePagePeople(reply: unknown): Mention[] {
  const outer = PagePeopleReplySchema.safeParse(reply);
  if (!outer.success) return [];
  const out: Mention[] = [];
  for (const raw of outer.data.people) {
    const m = MentionSchema.safeParse(raw);
    if (!m.success || !m.data.name) continue;
    const slug = m.data.slug ? canonicalSlug(`/in/${m.data.slug}/`) : null;
    if (!slug && !m.data.memberId) continue;
    out.push({ ...m.data, slug, headline: m.data.headline || null, location: m.data.location || null });
  }
  return out;
}

/** The profile person as a mention (the profile script's extraction). */
export function draftMention(d: ProspectDraft): Mention | null {
  const name = d.fields.name?.value;
  if (!d.slug || !name) return null;
  return {
    slug: d.slug,
    memberId: null,
    name: capText(cleanLine(name), 200),
    headline: d.fields.headline?.value ?? null,
    location: d.fields.location?.value ?? null,
    surface: 'profile',
  };
}

/** Everyone once, the profile person first, then the page's order; a person named by slug and member id is one. */
export function mergeMentions(profile: Mention | null, listed: Mention[]): Mention[] {
  const out: Mention[] = [];
  const slugs = new Set<string>();
  const members = new Set<string>();
  for (const m of profile ? [profile, ...listed] : listed) {
    if ((m.slug && slugs.has(m.slug)) || (m.memberId && members.has(m.memberId))) continue;
    if (m.slug) slugs.add(m.slug);
    if (m.memberId) members.add(m.memberId);
    out.push(m);
    if (out.length >= PAGE_PEOPLE_MAX) break;
  }
  return out;
}

/** The lookup request's keys for these people. */
export function lookupKeys(people: Mention[]): { slugs: string[]; memberIds: string[] } {
  return {
    slugs: people.flatMap((m) => (m.slug ? [m.slug] : [])),
    memberIds: people.flatMap((m) => (!m.slug && m.memberId ? [m.memberId] : [])),
  };
}

/** The pipeline's record of a mention among a lookup's people (answered by slug, or by member id). */
export function findTracked<P extends { key: string; memberId?: string | null }>(m: Mention, people: P[]): P | null {
  return people.find((p) => (m.slug !== null && p.key === m.slug) || (m.memberId !== null && (p.key === m.memberId || p.memberId === m.memberId))) ?? null;
}

/** What clipping a mention sends: what the page showed, keyed by slug or member id, source LinkedIn. */
export function mentionCapture(m: Mention): CaptureWire {
  return {
    slug: m.slug,
    memberId: m.memberId,
    email: null,
    name: m.name,
    headline: m.headline,
    title: null,
    company: null,
    location: m.location,
    photoUrl: null,
    linkedinUrl: m.slug ? profileUrl(m.slug) : null,
    source: 'social_selling',
  };
}
