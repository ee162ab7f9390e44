// A company as an account: the LinkedIn company page a rep added, and the people of the pipeline who
// work there (prospects point at it with `companyId`). Every way a company enters the store (the
// chip's Add company, the side panel, a teammate's synced row) is parsed with this schema, so page
// text is cleaned and capped like a prospect's (lib/model/text.ts).
import { z } from 'zod';
import { Id, Millis, OptionalText, RequiredText } from './common';

export const COMPANY_LIMITS = { name: 160, industry: 120, size: 60, headquarters: 160, website: 2048 } as const;

/** A LinkedIn company slug as the URL gives it (`/company/<slug>/`): lower-case, no separators. */
export const CompanySlug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s/?#%\\<>"'`\u0000-\u001f\u007f-\u009f]+$/u, 'is not a LinkedIn company slug')
  .refine((s) => s === s.toLowerCase(), 'is not lower-case');

/** A company's own site: http(s) only (a page could plant `javascript:`), kept as written. */
const Website = z
  .string()
  .nullable()
  .transform((s) => {
    if (!s) return null;
    try {
      const u = new URL(s.trim());
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && s.trim().length <= COMPANY_LIMITS.website
        ? u.href
        : null;
    } catch {
      return null;
    }
  });

export const CompanySchema = z.object({
  id: Id,
  teamId: z.string().max(64),
  slug: CompanySlug.nullable(),
  name: RequiredText(COMPANY_LIMITS.name),
  industry: OptionalText(COMPANY_LIMITS.industry),
  /** LinkedIn's size band as the page words it ("51-200 employees"); the ICP size rule matches it. */
  size: OptionalText(COMPANY_LIMITS.size),
  headquarters: OptionalText(COMPANY_LIMITS.headquarters),
  website: Website,
  followers: z.number().int().min(0).max(1e10).nullable(),
  /**
   * Who added it (the team's delete rule: whoever added a company, or an admin, may delete it). null:
   * the server no longer knows (the member left); absent: not known on this device (a row stored
   * before the creator was kept), so the server decides.
   */
  createdBy: z.string().max(64).nullable().optional(),
  createdAt: Millis,
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
});
export type Company = z.infer<typeof CompanySchema>;

/** What a company page shows, as the chip sends it (no ids, no times). */
export const CompanyFieldsSchema = z.object({
  slug: CompanySlug,
  name: RequiredText(COMPANY_LIMITS.name),
  industry: OptionalText(COMPANY_LIMITS.industry),
  size: OptionalText(COMPANY_LIMITS.size),
  headquarters: OptionalText(COMPANY_LIMITS.headquarters),
  website: z.string().max(COMPANY_LIMITS.website).nullable(),
  followers: z.number().int().min(0).max(1e10).nullable(),
});
export type CompanyFields = z.input<typeof CompanyFieldsSchema>;

// Legal forms and filler that differ between how a person's profile and the company page write the
// same company ("PT Maju Jaya Tbk" / "Maju Jaya", "Acme, Inc." / "ACME").
const LEGAL = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'kk', 'pte', 'pty',
  'pt', 'tbk', 'cv', 'persero', 'sdn', 'bhd', 'group', 'the',
]);

/**
 * A company name reduced to what identifies it: accents, case, punctuation and legal forms dropped.
 * "" when nothing is left (a name of legal words only never matches anything).
 */
export function normaliseCompanyName(name: string | null | undefined): string {
  if (!name) return '';
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !LEGAL.has(w));
  return words.join(' ');
}
