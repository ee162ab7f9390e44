// Clipping a person links them to a tracked company by the company link on their profile first, by
// name only when the page gives no slug: the extractor's companySlug travels through the capture
// message (validated) into the store.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from '../messaging/handle';
import { draftToCapture } from '../model/draft-capture';
import { extract } from '../sites/linkedin/extract';
import { addCompany } from './companies';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/linkedin/', import.meta.url));
const URL25 = 'https://www.linkedin.com/in/kalani-brightwater-fx25/';

function draft() {
  const doc = new JSDOM(readFileSync(FIXTURES + '2025-obfuscated.html', 'utf8'), { url: URL25 }).window.document;
  const r = extract(doc, URL25);
  if (!r.ok) throw new Error(r.reason);
  return r.draft;
}

const tidewell = {
  slug: 'tidewell-robotics-fx',
  // The company page's own name differs from what the profile says ("Tidewell Robotics").
  name: 'Tidewell Automation Labs',
  industry: 'Robotics Engineering',
  size: '11-50 employees',
  headquarters: null,
  website: null,
  followers: null,
};

describe('a clip joins the tracked company its profile links', () => {
  it('by slug, where the names differ', async () => {
    const { ctx } = await testStore();
    const { company } = await addCompany(ctx, tidewell);
    // A company whose name matches the profile's text: the slug wins over it.
    const { company: byName } = await addCompany(ctx, { ...tidewell, slug: 'tidewell-robotics-other', name: 'Tidewell Robotics' });
    const reply = await handleRequest(ctx, { type: 'capture', input: draftToCapture(draft()) });
    if (!reply.ok) throw new Error(reply.error);
    const p = (reply.data as { prospect: { companyId?: string | null; company: string | null } }).prospect;
    expect(p.company).toBe('Tidewell Robotics');
    expect(p.companyId).toBe(company.id);
    expect(p.companyId).not.toBe(byName.id);
  });

  it('by name when the page gives no slug; a malformed slug from a page is dropped, the clip still saved', async () => {
    const { ctx } = await testStore();
    const { company: byName } = await addCompany(ctx, { ...tidewell, slug: 'tidewell-robotics-other', name: 'Tidewell Robotics' });
    const input = { ...draftToCapture(draft()), companySlug: 'Bad Slug/<x>' };
    const reply = await handleRequest(ctx, { type: 'capture', input });
    if (!reply.ok) throw new Error(reply.error);
    expect((reply.data as { prospect: { companyId?: string | null } }).prospect.companyId).toBe(byName.id);
  });
});
