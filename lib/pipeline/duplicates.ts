// Likely duplicates of one person (the same human clipped twice under different keys, e.g. from
// LinkedIn and from mail). Only a suggestion: nothing here merges anything. Pure, so the rules are
// tested without a store.
import type { Prospect } from '../model';

export type DuplicateReason = 'name-company' | 'email-domain';

export interface DuplicateSuggestion {
  prospect: Prospect;
  reason: DuplicateReason;
}

type Person = Pick<Prospect, 'id' | 'name' | 'company' | 'emails' | 'deletedAt'>;

/** Lower-case, accents and punctuation gone, words split: "Siti  Rahmawati-Putri" → ["siti", "rahmawati", "putri"]. */
export function words(s: string | null | undefined): string[] {
  if (!s) return [];
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Legal forms and filler that say nothing about which company it is.
const COMPANY_NOISE = new Set(['pt', 'tbk', 'cv', 'inc', 'ltd', 'llc', 'gmbh', 'ag', 'co', 'corp', 'corporation', 'company', 'limited', 'plc', 'sa', 'bv', 'the', 'persero', 'group']);

export function companyKey(company: string | null | undefined): string {
  return words(company)
    .filter((w) => !COMPANY_NOISE.has(w))
    .join('');
}

// Mail providers anyone can sign up at: their domain says nothing about the employer.
const FREE_MAIL = new Set([
  'gmail', 'googlemail', 'yahoo', 'ymail', 'outlook', 'hotmail', 'live', 'msn', 'icloud', 'me', 'mac', 'aol', 'proton', 'protonmail',
  'gmx', 'mail', 'yandex', 'zoho', 'fastmail', 'hey', 'rocketmail',
]);
// Second-level labels under country codes (co.id, com.sg, ac.uk): not the organisation's name.
const SUFFIX_LABELS = new Set(['co', 'com', 'net', 'org', 'or', 'ac', 'go', 'gov', 'edu', 'biz', 'web', 'my', 'sch', 'ltd', 'plc']);

/** The organisation part of an address's domain ("siti@mail.nusantara-logistik.co.id" → "nusantaralogistik"), or null for free mail. */
export function domainKey(email: string): string | null {
  const domain = email.split('@')[1];
  if (!domain) return null;
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  labels.pop(); // top-level domain
  while (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  const org = labels[labels.length - 1];
  if (!org || FREE_MAIL.has(org)) return null;
  const key = org.replace(/[^a-z0-9]/g, '');
  return key.length >= 3 ? key : null;
}

/** Whether an address's domain is the company's: equal, or one the start of the other ("nusantara" for "Nusantara Logistik"). */
export function domainMatchesCompany(email: string, company: string | null | undefined): boolean {
  const d = domainKey(email);
  const c = companyKey(company);
  if (!d || c.length < 3) return false;
  return d === c || (d.length >= 4 && c.startsWith(d)) || (c.length >= 4 && d.startsWith(c));
}

/** Two names that could be one person: a shared word of two letters or more ("Siti R." and "Siti Rahmawati"). */
function namesOverlap(a: Person, b: Person): boolean {
  const mine = new Set(words(a.name).filter((w) => w.length >= 2));
  if (words(b.name).some((w) => mine.has(w))) return true;
  // A mail correspondent may carry only an address: "siti.rahmawati@…" names them too.
  return b.emails.some((e) => words(e.split('@')[0]).some((w) => w.length >= 3 && mine.has(w)));
}

function reasonFor(target: Person, other: Person): DuplicateReason | null {
  const sameName = words(target.name).join(' ') === words(other.name).join(' ');
  const ck = companyKey(target.company);
  if (sameName && ck !== '' && ck === companyKey(other.company)) return 'name-company';
  if (!namesOverlap(target, other) && !namesOverlap(other, target)) return null;
  if (other.emails.some((e) => domainMatchesCompany(e, target.company))) return 'email-domain';
  if (target.emails.some((e) => domainMatchesCompany(e, other.company))) return 'email-domain';
  return null;
}

/**
 * Which of `candidates` are likely the same person as `target`: the same name at the same company, or
 * a similar name with an address at the other's company. Deleted people and the target itself never;
 * same name and company first.
 */
export function duplicateSuggestions<P extends Person>(target: P, candidates: readonly P[]): { prospect: P; reason: DuplicateReason }[] {
  const out: { prospect: P; reason: DuplicateReason }[] = [];
  const seen = new Set<string>([target.id]);
  for (const c of candidates) {
    if (seen.has(c.id) || c.deletedAt !== null) continue;
    seen.add(c.id);
    const reason = reasonFor(target, c);
    if (reason) out.push({ prospect: c, reason });
  }
  return out.sort((a, b) => (a.reason === b.reason ? a.prospect.name.localeCompare(b.prospect.name) : a.reason === 'name-company' ? -1 : 1));
}
