// Plain message types of companies as accounts (no zod here: content scripts import these).
import type { Company, CompanyFields } from '../model/company';
import type { Prospect } from '../model';
import type { AccountView, CompanySummary } from '../store/companies';
import type { CompanyDeleteResult, CompanyDeleteRights, CompanyDeleteToken, CompanyUndoResult } from '../store/company-delete';

export type CompanyRequest =
  | { type: 'companySummary'; slug: string }
  | { type: 'addCompany'; company: CompanyFields }
  | { type: 'companyAccount'; id?: string; slug?: string }
  | { type: 'companies' }
  | { type: 'linkCompany'; prospectId: string; companyId: string | null }
  | { type: 'deleteCompany'; id: string }
  | { type: 'undoDeleteCompany'; token: CompanyDeleteToken }
  | { type: 'companyDeleteRights'; id: string };

export interface CompanyResponses {
  companySummary: CompanySummary;
  addCompany: CompanySummary & { created: boolean; linked: number };
  /** null: no such tracked company (e.g. the tab's company page is not in the pipeline). */
  companyAccount: { account: AccountView | null };
  companies: { companies: Company[] };
  linkCompany: { prospect: Prospect };
  deleteCompany: CompanyDeleteResult;
  undoDeleteCompany: CompanyUndoResult;
  companyDeleteRights: CompanyDeleteRights;
}

export type { AccountView, Company, CompanySummary, CompanyDeleteResult, CompanyDeleteRights, CompanyDeleteToken, CompanyUndoResult };
