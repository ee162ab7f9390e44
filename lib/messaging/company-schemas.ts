// Requests of companies as accounts (lib/store/companies.ts), validated in the background like every
// request. A content script may ask only what the company chip needs: `companySummary` and
// `addCompany` (lib/messaging/sender-policy.ts); the rest are the side panel's.
import { z } from 'zod';
import { Id } from '../model/common';
import { CompanyFieldsSchema, CompanySlug } from '../model/company';
import { CompanyDeleteTokenSchema } from '../store/company-delete';

export const COMPANY_REQUESTS = [
  z.object({ type: z.literal('companySummary'), slug: CompanySlug }).strict(),
  z.object({ type: z.literal('addCompany'), company: CompanyFieldsSchema }).strict(),
  z.object({ type: z.literal('companyAccount'), id: Id.optional(), slug: CompanySlug.optional() }).strict(),
  z.object({ type: z.literal('companies') }).strict(),
  z.object({ type: z.literal('linkCompany'), prospectId: Id, companyId: Id.nullable() }).strict(),
  z.object({ type: z.literal('deleteCompany'), id: Id }).strict(),
  z.object({ type: z.literal('undoDeleteCompany'), token: CompanyDeleteTokenSchema.strict() }).strict(),
  z.object({ type: z.literal('companyDeleteRights'), id: Id }).strict(),
] as const;

export const COMPANY_QUERIES = ['companySummary', 'companyAccount', 'companies', 'companyDeleteRights'] as const;

/** What a company chip may ask (added to CONTENT_SCRIPT_REQUESTS). */
export const COMPANY_CHIP_REQUESTS = ['companySummary', 'addCompany'] as const;
