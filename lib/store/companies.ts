// Companies as accounts (lib/model/company.ts). Writes go through here like every other write
// (lib/store/commands.ts): the company or the prospect and its outbox entry in one transaction.
// A person belongs to a company by the company link on their profile (its slug) when a page gave
// one, else by the company name their profile shows, compared without case, accents, punctuation
// or legal forms; the rep can correct it in the person view.
import { CompanyFieldsSchema, CompanySchema, normaliseCompanyName, type Company, type CompanyFields } from '../model/company';
import { companyBySlug } from './company-match';
import type { Prospect, Stage } from '../model';
import { CommandError, mustGetProspect, tables } from './commands';
import type { StoreContext } from './context';
import { enqueue } from './outbox';
import { listStages } from './queries';
import { rescore, scoreFields } from './score';

export { companyBySlug, matchCompany, companyIdForCapture } from './company-match';

const live = <T extends { deletedAt: number | null }>(x: T) => x.deletedAt === null;

/** Inside a write transaction: point a person at a company (or at none), rescore and queue it. */
async function setCompany(ctx: StoreContext, p: Prospect, companyId: string | null): Promise<Prospect> {
  if ((p.companyId ?? null) === companyId) return p;
  const next: Prospect = { ...p, companyId, updatedAt: ctx.now() };
  Object.assign(next, await rescore(ctx, next));
  await ctx.db.prospects.put(next);
  await enqueue(ctx, 'prospect', 'upsert', p.id, { companyId, ...scoreFields(p, next) });
  return next;
}

/** People not yet linked to any company whose profile names this one. */
async function unlinkedNamed(ctx: StoreContext, company: Company): Promise<Prospect[]> {
  const key = normaliseCompanyName(company.name);
  if (!key) return [];
  return ctx.db.prospects
    .filter((p) => p.deletedAt === null && !p.companyId && normaliseCompanyName(p.company) === key)
    .toArray();
}

export interface AddCompanyResult {
  company: Company;
  created: boolean;
  /** People linked to it by this add. */
  linked: number;
}

const PAGE_FIELDS = ['name', 'industry', 'size', 'headquarters', 'website', 'followers'] as const;

/**
 * Add the company a page shows. The slug is the key: adding a tracked company again updates what the
 * page now shows (blanks never erase what is stored). Anyone in the pipeline whose profile names it
 * and who has no company yet is linked to it in the same transaction.
 */
export async function addCompany(ctx: StoreContext, raw: CompanyFields): Promise<AddCompanyResult> {
  const parsed = CompanyFieldsSchema.safeParse(raw);
  if (!parsed.success) throw new CommandError('invalid', `Company: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const fields = parsed.data;
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const now = ctx.now();
    const existing = await companyBySlug(ctx, fields.slug);
    let company: Company;
    let created = false;
    if (existing) {
      const candidate = CompanySchema.parse({ ...existing, ...fields, updatedAt: now });
      const patch: Partial<Company> = {};
      for (const f of PAGE_FIELDS) {
        const v = candidate[f];
        if (v !== null && v !== '' && v !== existing[f]) (patch as Record<string, unknown>)[f] = v;
      }
      if (Object.keys(patch).length === 0) company = existing;
      else {
        company = { ...existing, ...patch, updatedAt: now };
        await ctx.db.companies.put(company);
        await enqueue(ctx, 'company', 'upsert', company.id, patch);
        // Industry and size are score inputs: the account's people are scored again.
        if ('industry' in patch || 'size' in patch) {
          for (const p of await ctx.db.prospects.where('companyId').equals(company.id).filter(live).toArray()) {
            const next = { ...p, updatedAt: now };
            Object.assign(next, await rescore(ctx, next));
            await ctx.db.prospects.put(next);
            await enqueue(ctx, 'prospect', 'upsert', p.id, scoreFields(p, next));
          }
        }
      }
    } else {
      company = CompanySchema.parse({ ...fields, id: ctx.newId(), teamId: ctx.teamId, createdBy: ctx.userId, createdAt: now, updatedAt: now, deletedAt: null });
      created = true;
      await ctx.db.companies.add(company);
      // The server records the creator itself (created_by defaults to the pusher).
      const { id: _id, createdBy: _by, ...all } = company;
      await enqueue(ctx, 'company', 'upsert', company.id, all);
    }
    let linked = 0;
    for (const p of await unlinkedNamed(ctx, company)) {
      await setCompany(ctx, p, company.id);
      linked++;
    }
    return { company, created, linked };
  });
}

/** The rep's correction in the person view: this person works at that company (or at none). */
export async function linkProspectCompany(ctx: StoreContext, prospectId: string, companyId: string | null): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, prospectId);
    if (companyId !== null) {
      const c = await ctx.db.companies.get(companyId);
      if (!c || c.deletedAt !== null) throw new CommandError('not-found', `No company ${companyId}`);
    }
    return setCompany(ctx, p, companyId);
  });
}

export interface StageCount {
  key: string;
  name: string | null;
  count: number;
}

/** How many of the people are in each stage, in pipeline order; stages nobody is in are left out. */
export function stageCounts(people: readonly Pick<Prospect, 'stageId'>[], stages: readonly Stage[]): StageCount[] {
  const by = new Map<string, number>();
  for (const p of people) by.set(p.stageId, (by.get(p.stageId) ?? 0) + 1);
  return stages.filter((s) => by.has(s.id)).map((s) => ({ key: s.key, name: s.name, count: by.get(s.id)! }));
}

export async function companyPeople(ctx: StoreContext, companyId: string): Promise<Prospect[]> {
  const rows = await ctx.db.prospects.where('companyId').equals(companyId).filter(live).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export interface CompanySummary {
  company: Company | null;
  people: number;
  stages: StageCount[];
}

/** What the company chip shows: the company if tracked, how many of its people are, and where. */
export async function companySummary(ctx: StoreContext, slug: string): Promise<CompanySummary> {
  const company = (await companyBySlug(ctx, slug)) ?? null;
  if (!company) return { company: null, people: 0, stages: [] };
  const people = await companyPeople(ctx, company.id);
  return { company, people: people.length, stages: stageCounts(people, await listStages(ctx)) };
}

export interface AccountPerson {
  prospect: Prospect;
  stageKey: string;
  stageName: string | null;
}

export interface AccountView {
  company: Company;
  people: AccountPerson[];
  stages: StageCount[];
}

/** The side panel's account: the company, its people with their stages, and the count per stage. */
export async function accountView(ctx: StoreContext, companyId: string): Promise<AccountView> {
  const company = await ctx.db.companies.get(companyId);
  if (!company || company.deletedAt !== null) throw new CommandError('not-found', `No company ${companyId}`);
  const [people, stages] = await Promise.all([companyPeople(ctx, company.id), listStages(ctx)]);
  const byId = new Map(stages.map((s) => [s.id, s]));
  return {
    company,
    people: people.map((p) => ({ prospect: p, stageKey: byId.get(p.stageId)?.key ?? 'unknown', stageName: byId.get(p.stageId)?.name ?? null })),
    stages: stageCounts(people, stages),
  };
}

/** Companies for the person view's picker: live ones, by name. */
export async function listCompanies(ctx: StoreContext): Promise<Company[]> {
  const rows = await ctx.db.companies.orderBy('name').filter(live).toArray();
  return rows;
}
