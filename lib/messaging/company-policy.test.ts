// What the company chip may ask, and what a company page's content script may not: the chip reads its
// summary and adds the company; the account list, corrections and the account view are the side
// panel's (a page that got hold of the content script must not read the team's accounts).
import { describe, expect, it } from 'vitest';
import { admit, type SenderInfo } from './sender-policy';
import { RequestSchema, isMutation } from './schemas';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const COMPANY_PAGE = 'https://www.linkedin.com/company/kopi-kenangan-digital/about/';
const page: SenderInfo = { id: ID, url: COMPANY_PAGE, tab: { id: 3, url: COMPANY_PAGE } };
const panel: SenderInfo = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
const company = {
  slug: 'kopi-kenangan-digital',
  name: 'Kopi Kenangan Digital',
  industry: null,
  size: null,
  headquarters: null,
  website: null,
  followers: null,
};

describe('the company chip’s requests', () => {
  it('a content script may read a company summary and add the company', () => {
    expect(admit({ type: 'companySummary', slug: 'kopi-kenangan-digital' }, page, SELF)).toEqual({ ok: true, from: 'contentScript' });
    expect(admit({ type: 'addCompany', company }, page, SELF)).toEqual({ ok: true, from: 'contentScript' });
  });

  it.each([
    { type: 'companies' },
    { type: 'companyAccount', slug: 'kopi-kenangan-digital' },
    { type: 'linkCompany', prospectId: '00000000-0000-4000-8000-000000000001', companyId: null },
    { type: 'deleteCompany', id: '00000000-0000-4000-8000-000000000001' },
    { type: 'companyDeleteRights', id: '00000000-0000-4000-8000-000000000001' },
    { type: 'undoDeleteCompany', token: { companyId: '00000000-0000-4000-8000-000000000001', at: 1, people: [] } },
  ])('a content script may not ask $type', (msg) => {
    const v = admit(msg, page, SELF);
    expect(v.ok).toBe(false);
    expect(admit(msg, panel, SELF)).toEqual({ ok: true, from: 'extension' });
  });

  it('payloads are validated whole: a bad slug, a missing name or an extra key is refused', () => {
    expect(RequestSchema.safeParse({ type: 'companySummary', slug: 'a/b' }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'addCompany', company: { ...company, name: '' } }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'addCompany', company, extra: 1 }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'addCompany', company }).success).toBe(true);
  });

  it('reads refresh nothing; adding a company or correcting a link refreshes every view', () => {
    expect(isMutation('companySummary')).toBe(false);
    expect(isMutation('companyAccount')).toBe(false);
    expect(isMutation('companies')).toBe(false);
    expect(isMutation('addCompany')).toBe(true);
    expect(isMutation('linkCompany')).toBe(true);
  });
});
