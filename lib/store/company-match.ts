// Which tracked company a person works at (lib/store/companies.ts). Apart from the commands so the
// capture path (lib/store/commands.ts) can ask without an import cycle.
import { normaliseCompanyName, type Company } from '../model/company';
import type { StoreContext } from './context';

const live = (c: Company) => c.deletedAt === null;

export async function companyBySlug(ctx: StoreContext, slug: string): Promise<Company | undefined> {
  return ctx.db.companies.where('slug').equals(slug.toLowerCase()).filter(live).first();
}

/** The live company a person works at: by the company link's slug first, else by normalised name. */
export async function matchCompany(
  ctx: StoreContext,
  person: { companySlug?: string | null; company?: string | null },
): Promise<Company | undefined> {
  if (person.companySlug) {
    const bySlug = await companyBySlug(ctx, person.companySlug);
    if (bySlug) return bySlug;
  }
  const key = normaliseCompanyName(person.company);
  if (!key) return undefined;
  // Accounts number in the hundreds, not the 100,000s of people: a pass over them is cheap.
  return ctx.db.companies.filter((c) => c.deletedAt === null && normaliseCompanyName(c.name) === key).first();
}

/** Inside a capture's transaction: the company a newly clipped person works at, if tracked. */
export async function companyIdForCapture(
  ctx: StoreContext,
  person: { companySlug?: string | null; company?: string | null },
): Promise<string | null> {
  return (await matchCompany(ctx, person))?.id ?? null;
}

