import { FOLLOW_UP_CADENCE_DEFAULTS, PROSPECT_PLAYBOOK_DEFAULTS } from '../../lib/model';
import type { FollowUp, Prospect } from '../../lib/model';
import { openDueAt } from '../../lib/pipeline/follow-ups';
import { DAY_MS } from '../../lib/pipeline/staleness';

/** Seeded so two runs fill the store with the same people and the numbers compare. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Random rather than sequential ids, as crypto.randomUUID() gives the extension: keys land all over the B-tree.
function uuid(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

/** Open follow-ups fall due at most this far from now, so a clock moved past it sees every open one overdue. */
export const DUE_HORIZON_MS = 60 * DAY_MS;

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const FIRST = [
  'Ayu',
  'Budi',
  'Citra',
  'Dimas',
  'Eka',
  'Fajar',
  'Gita',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lukas',
  'Maya',
  'Nadia',
  'Oscar',
  'Putri',
  'Rizky',
  'Sari',
  'Tomás',
  'Wulan',
];
const LAST = [
  'Pratama',
  'Lestari',
  'Wijaya',
  'Santoso',
  'Hidayat',
  'Nugroho',
  'Fenwick',
  'Okonkwo',
  'Tanaka',
  'Müller',
  'Sembiring',
  'Halim',
  'Kusuma',
  'Siregar',
  'Gunawan',
];
const COMPANIES = [
  'Samudra Freight',
  'Kopi Kenangan Digital',
  'Nusantara Logistik',
  'Merapi Cloud',
  'Batik Commerce',
  'Arunika Health',
  'Selat Energy',
  'Garuda Data',
];
const TITLES = [
  'Director of Sales',
  'Procurement Manager',
  'Head of Operations',
  'Account Executive',
  'CTO',
  'Marketing Lead',
  'Founder',
  'Supply Chain Analyst',
];
const CITIES = [
  'Jakarta, Indonesia',
  'Bandung, West Java, Indonesia',
  'Surabaya, East Java, Indonesia',
  'Singapore',
  'Kuala Lumpur, Malaysia',
];

export interface ProspectBatch {
  rows: Prospect[];
  slugs: (string | null)[];
  emails: string[][];
}

/**
 * Prospects i in [from, to): most clipped from LinkedIn (slug, sometimes e-mails found later), one in ten
 * clipped from the inbox (e-mail only), a few deleted, spread over the default stages.
 */
export function prospectRows(rand: () => number, from: number, to: number, now: number, stageIds: readonly string[]): ProspectBatch {
  const rows: Prospect[] = [];
  for (let i = from; i < to; i++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const name = `${first} ${last}`;
    const company = pick(rand, COMPANIES);
    const title = pick(rand, TITLES);
    const base = `${first}-${last}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const fromInbox = rand() < 0.1;
    const slug = fromInbox ? null : `${base}-${i.toString(36)}`;
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.co.id`;
    const nEmails = fromInbox ? 1 : rand() < 0.3 ? (rand() < 0.2 ? 2 : 1) : 0;
    const emails = Array.from({ length: nEmails }, (_, k) => `${base.replace('-', '.')}${i}${k ? `.${k}` : ''}@${domain}`);
    const createdAt = now - Math.floor(rand() * 400 * DAY_MS);
    const senior = /Director|Head|CTO|Founder/.test(title);
    rows.push({
      id: uuid(rand),
      teamId: 'local',
      slug,
      // One in three clipped where LinkedIn also showed the member id (no rand(): other rows stay as they were).
      memberId: slug && i % 3 === 0 ? `ACoAA${i.toString(36).padStart(32, '0')}` : null,
      emails,
      name,
      headline: `${title} at ${company}`,
      title,
      company,
      location: pick(rand, CITIES),
      photoUrl: slug ? `https://media.licdn.com/dms/image/${slug}.jpg` : null,
      linkedinUrl: slug ? `https://www.linkedin.com/in/${slug}/` : null,
      source: fromInbox ? 'email' : 'social_selling',
      temperature: 'cold',
      temperatureSet: false,
      stageId: pick(rand, stageIds),
      stageEnteredAt: createdAt,
      score: senior ? 20 : 0,
      scoreBreakdown: senior ? [{ rule: 'seniority', points: 20, detail: title.toLowerCase() }] : [],
      ownerId: 'local',
      ...PROSPECT_PLAYBOOK_DEFAULTS,
      lastTouchAt: rand() < 0.6 ? createdAt + Math.floor(rand() * (now - createdAt)) : null,
      touchCount: Math.floor(rand() * 6),
      createdAt,
      updatedAt: createdAt,
      deletedAt: rand() < 0.02 ? now - DAY_MS : null,
    });
  }
  return { rows, slugs: rows.map((r) => r.slug), emails: rows.map((r) => r.emails) };
}

/**
 * Follow-ups of the local user as they pile up over a year of work: most done, a few deleted, some
 * snoozed (a third of those already woken), about one in twelve due within the next 60 days and a
 * small overdue backlog (~3 % with the woken snoozes). Open ones are never more than 60 days out.
 */
export function followUpRows(
  rand: () => number,
  count: number,
  now: number,
  prospectIds: readonly string[],
): { rows: FollowUp[]; overdue: number; open: number } {
  const rows: FollowUp[] = [];
  let overdue = 0;
  let openCount = 0;
  for (let i = 0; i < count; i++) {
    const r = rand();
    const createdAt = now - Math.floor(rand() * 120 * DAY_MS);
    const past = now - 1 - Math.floor(rand() * DUE_HORIZON_MS);
    const future = now + 1 + Math.floor(rand() * DUE_HORIZON_MS);
    const timing =
      r < 0.85
        ? { dueAt: past, doneAt: now - Math.floor(rand() * DAY_MS), snoozedUntil: null, deletedAt: null }
        : r < 0.87
          ? { dueAt: future, doneAt: null, snoozedUntil: null, deletedAt: now - DAY_MS }
          : r < 0.9
            ? { dueAt: past, doneAt: null, snoozedUntil: rand() < 0.67 ? future : past, deletedAt: null }
            : r < 0.98
              ? { dueAt: future, doneAt: null, snoozedUntil: null, deletedAt: null }
              : { dueAt: past, doneAt: null, snoozedUntil: null, deletedAt: null };
    const open = openDueAt(timing);
    if (open !== undefined) openCount += 1;
    if (open !== undefined && open <= now) overdue += 1;
    rows.push({
      id: uuid(rand),
      teamId: 'local',
      prospectId: pick(rand, prospectIds),
      assigneeId: 'local',
      ...FOLLOW_UP_CADENCE_DEFAULTS,
      title: pick(rand, ['Send the proposal', 'Call back after the demo', 'Ask for a referral', 'Check in on the trial']),
      ...timing,
      createdAt: Math.min(createdAt, timing.dueAt),
      updatedAt: now - Math.floor(rand() * DAY_MS),
      ...(open === undefined ? {} : { openDueAt: open }),
    });
  }
  return { rows, overdue, open: openCount };
}
