// Requests of companies as accounts (./company-schemas.ts).
import type { StoreContext } from '../store/context';
import { accountView, addCompany, companyBySlug, companySummary, linkProspectCompany, listCompanies } from '../store/companies';
import { CommandError } from '../store/commands';
import { companyDeleteRights, deleteCompany, undoDeleteCompany } from '../store/company-delete';
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
    case 'deleteCompany':
      return deleteCompany(ctx, req.id);
    case 'undoDeleteCompany':
      return undoDeleteCompany(ctx, req.token);
    case 'companyDeleteRights': {
      const c = await ctx.db.companies.get(req.id);
      if (!c || c.deletedAt !== null) throw new CommandError('not-found', `No company ${req.id}`, 'company_not_found');
      return companyDeleteRights(ctx, c);
    }
    default:
      return undefined;
  }
}
