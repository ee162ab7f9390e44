// One validation for every way a prospect enters the store: a capture, the rep's edit, a CSV import,
// a restored backup, a teammate's row pulled from the server, a local pipeline brought into a team.
// Field rules live in ProspectSchema (cleaned text, LinkedIn-only profile URL, media-CDN-only photo,
// valid e-mails, canonical slug); this module adds what a single row cannot say: rejection of what
// the rep typed (told, not silently dropped) and the identity keys that must stay unique among live
// prospects (DESIGN.md §3).
import { z } from 'zod';
import { ProspectSchema, canonicalProfileUrl, type Prospect } from './prospect';

export class IntakeError extends Error {
  constructor(
    readonly code: 'invalid' | 'duplicate-identity',
    message: string,
  ) {
    super(message);
  }
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid prospect';
  const where = first.path.map(String).join('.');
  return where ? `${where}: ${first.message}` : first.message;
}

/** A prospect row as the store keeps it, cleaned; throws IntakeError('invalid') naming the field. */
export function intakeProspect(raw: unknown): Prospect {
  const parsed = ProspectSchema.safeParse(raw);
  if (!parsed.success) throw new IntakeError('invalid', describe(parsed.error));
  return parsed.data;
}

/** The same, without throwing: for bulk paths that report a bad row and carry on. */
export function tryIntakeProspect(raw: unknown): { ok: true; prospect: Prospect } | { ok: false; reason: string } {
  const parsed = ProspectSchema.safeParse(raw);
  return parsed.success ? { ok: true, prospect: parsed.data } : { ok: false, reason: describe(parsed.error) };
}

/**
 * What the rep typed or a page offered as the LinkedIn URL: its canonical form, null when blank;
 * anything that is not a LinkedIn member profile is an error the rep sees (stored rows drop it).
 */
export function linkedinUrlInput(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const url = canonicalProfileUrl(raw);
  if (url === null) throw new IntakeError('invalid', 'The LinkedIn URL must be a LinkedIn profile such as https://www.linkedin.com/in/name/');
  return url;
}

type Keyed = Pick<Prospect, 'slug' | 'emails'> & { memberId?: string | null };

/** Identity keys of a prospect: `slug:<slug>`, `member:<id>` and `email:<address>`. */
export function identityKeys(p: Keyed): string[] {
  return [...(p.slug ? [`slug:${p.slug}`] : []), ...(p.memberId ? [`member:${p.memberId}`] : []), ...p.emails.map((e) => `email:${e}`)];
}

export interface IdentityClash {
  key: string;
  /** Positions (in the list given) of the live prospects sharing the key, first holder first. */
  rows: number[];
  names: string[];
}

/** Live prospects in `list` that share a slug, member id or e-mail address; deleted ones hold no keys. */
export function identityClashes(list: readonly (Keyed & Pick<Prospect, 'name' | 'deletedAt'>)[]): IdentityClash[] {
  const holders = new Map<string, number[]>();
  list.forEach((p, i) => {
    if (p.deletedAt !== null) return;
    for (const k of identityKeys(p)) {
      const rows = holders.get(k);
      if (rows) rows.push(i);
      else holders.set(k, [i]);
    }
  });
  const clashes: IdentityClash[] = [];
  for (const [key, rows] of holders) {
    if (rows.length > 1) clashes.push({ key, rows, names: rows.map((i) => list[i]!.name) });
  }
  return clashes;
}

/** A sentence naming the first clashes, for a refused file. */
export function clashMessage(clashes: readonly IdentityClash[], max = 3): string {
  const shown = clashes.slice(0, max).map((c) => {
    const [kind, value] = [c.key.slice(0, c.key.indexOf(':')), c.key.slice(c.key.indexOf(':') + 1)];
    const who = c.rows.map((r, i) => `row ${r} (${c.names[i]})`).join(' and ');
    const what = kind === 'slug' ? 'LinkedIn profile' : kind === 'member' ? 'LinkedIn member id' : 'e-mail address';
    return `${who} share the ${what} ${value}`;
  });
  const more = clashes.length > max ? `, and ${clashes.length - max} more` : '';
  return `Two live prospects cannot share a key: ${shown.join('; ')}${more}.`;
}
