// Requests of companies as accounts (./company-schemas.ts).
import type { StoreContext } from '../store/context';
import { accountView, addCompany, companyBySlug, companySummary, linkProspectCompany, listCompanies } from '../store/companies';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

export async function dispatchCompany(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'companySummary':
      return companySummary(ctx, req.slug);
    case 'addCompany': {
      const { created, linked, company } = await addCompany(ctx, req.company);
      return { ...(await companySummary(ctx, company.slug ?? req.company.slug)), created, linked };
    }
    case 'companyAccount': {
      const id = req.id ?? (req.slug ? (await companyBySlug(ctx, req.slug))?.id : undefined);
      if (!id) return { account: null };
      const c = await ctx.db.companies.get(id);
      return { account: c && c.deletedAt === null ? await accountView(ctx, id) : null };
    }
    case 'companies':
      return { companies: await listCompanies(ctx) };
    case 'linkCompany':
      return { prospect: await linkProspectCompany(ctx, req.prospectId, req.companyId) };
    default:
      return undefined;
  }
}
