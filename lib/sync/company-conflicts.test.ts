// Two devices add the same LinkedIn company before syncing. The server keeps one live company per
// page and refuses the second creation naming the first; the second device adopts the team's company
// instead of setting the change aside: its people point at the team's id, nothing is lost, no issue.
// The server here is a small script with sync_push's answers for these cases (the real one is tested
// through the stand-in in test/sync/companies.test.ts).
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, type CaptureInput } from '../store/commands';
import { addCompany } from '../store/companies';
import { deleteCompany } from '../store/company-delete';
import { slugHolder, settleCompanyClashes } from './company-conflicts';
import { syncOnce } from './engine';
import { SyncError, type SyncTransport } from './transport';
import type { PullChange, PushResult, WireMutation } from './wire';

const TEAM = '00000000-0000-4000-8000-0000000000aa';
const THEIRS = '00000000-0000-4000-8000-00000000ffff';

const page = {
  slug: 'samudra-freight',
  name: 'Samudra Freight',
  industry: null,
  size: '51-200 employees',
  headquarters: 'Semarang',
  website: 'https://samudra.example/',
  followers: 4200,
};
const ayu: CaptureInput = {
  slug: 'ayu-lestari-fx',
  email: null,
  name: 'Ayu Lestari',
  headline: null,
  title: 'Head of Logistics',
  company: 'Samudra Freight',
  location: 'Semarang',
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
};

/**
 * What sync_push and sync_pull answer for a team that already has Samudra Freight (added by a
 * teammate): a company creation for that page is refused as a conflict naming it (per item, or, with
 * `wholeCall`, as the whole call's 23505), a person linked to a company the server lacks is refused
 * (foreign key), and what hangs on a person the server lacks is refused too.
 */
function server({ wholeCall = false, deleteForbidden = false } = {}) {
  const companies = new Map<string, Record<string, unknown>>([
    [THEIRS, { id: THEIRS, team_id: TEAM, name: 'Samudra Freight', linkedin_slug: 'samudra-freight', industry: 'Truck Transportation', size: null,
      headquarters: null, website: null, followers: 4100, created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', deleted_at: null }],
  ]);
  const prospects = new Map<string, Record<string, unknown>>();
  const pushed: WireMutation[][] = [];
  let seq = 1;
  const changes: PullChange[] = [{ entity: 'company', id: THEIRS, seq, data: companies.get(THEIRS)! }];
  const result = (m: WireMutation, status: PushResult['status'], code?: string, reason?: string, conflict_id?: string): PushResult => ({
    mutation_id: m.mutation_id, status, code, reason, conflict_id,
  });
  const transport: SyncTransport = {
    async push(_team, batch) {
      pushed.push(batch);
      return batch.map((m) => {
        const f = (m.fields ?? {}) as Record<string, unknown>;
        if (m.entity === 'company' && m.op === 'delete') {
          return deleteForbidden ? result(m, 'rejected', 'forbidden', 'only whoever added the company or a team admin can delete it') : result(m, 'applied');
        }
        if (m.entity === 'company') {
          const holder = [...companies.values()].find((c) => c.linkedin_slug === f.linkedin_slug && c.id !== m.id && !c.deleted_at);
          if (holder && !companies.has(m.id)) {
            const reason = `linkedin_slug ${String(f.linkedin_slug)} already belongs to company ${String(holder.id)}`;
            if (wholeCall) throw new SyncError('invalid', reason, 409, '23505');
            return result(m, 'rejected', 'conflict', reason, String(holder.id));
          }
          companies.set(m.id, { ...(companies.get(m.id) ?? { id: m.id, team_id: TEAM, deleted_at: null }), ...f });
          changes.push({ entity: 'company', id: m.id, seq: ++seq, data: companies.get(m.id)! });
          return result(m, 'applied');
        }
        if (m.entity === 'prospect') {
          if (typeof f.company_id === 'string' && !companies.has(f.company_id)) {
            return result(m, 'rejected', 'invalid', 'insert or update on table "prospects" violates foreign key constraint "prospects_company_id_fkey"');
          }
          prospects.set(m.id, { ...(prospects.get(m.id) ?? {}), ...f });
          return result(m, 'applied');
        }
        const pid = f.prospect_id;
        if (typeof pid === 'string' && !prospects.has(pid)) return result(m, 'rejected', 'invalid', 'prospect_id refers to nothing in this team');
        return result(m, 'applied');
      });
    },
    async pull(_team, since) {
      const page = changes.filter((c) => c.seq > since);
      return { changes: page, next_cursor: page.at(-1)?.seq ?? since, has_more: false };
    },
  };
  return { transport, companies, prospects, pushed };
}

async function device() {
  const s = await testStore();
  return { ...s, ctx: { ...s.ctx, teamId: TEAM, userId: '00000000-0000-4000-8000-0000000000b1' } };
}

describe('a company two devices added', () => {
  it('is adopted: the person clipped here joins the team’s company, blanks are filled, nothing is set aside', async () => {
    const { ctx } = await device();
    const { prospect } = await captureProspect(ctx, ayu);
    const { company: mine } = await addCompany(ctx, page);
    expect((await ctx.db.prospects.get(prospect.id))?.companyId).toBe(mine.id);
    const srv = server();

    const round = await syncOnce(ctx, srv.transport);
    expect(round.quarantined).toBe(0);
    expect(round.rejected).toBe(0);
    expect(await ctx.db.syncIssues.count()).toBe(0);
    expect(await ctx.db.outbox.count()).toBe(0);
    // One company here, the team's; the local copy is gone and the person points at the team's.
    expect((await ctx.db.companies.toArray()).map((c) => c.id)).toEqual([THEIRS]);
    expect((await ctx.db.prospects.get(prospect.id))?.companyId).toBe(THEIRS);
    expect(srv.prospects.get(prospect.id)?.company_id).toBe(THEIRS);
    // What only the copy knew fills the team's blanks (never overwrites what it has).
    expect(srv.companies.get(THEIRS)).toMatchObject({ industry: 'Truck Transportation', size: '51-200 employees', headquarters: 'Semarang', followers: 4100 });
    expect(await ctx.db.companies.get(THEIRS)).toMatchObject({ size: '51-200 employees', website: 'https://samudra.example/' });
    expect(srv.companies.size).toBe(1);
  });

  it('is adopted when the server refuses the whole call over it, too', async () => {
    const { ctx } = await device();
    const { prospect } = await captureProspect(ctx, ayu);
    await addCompany(ctx, page);
    const srv = server({ wholeCall: true });
    // Only the company's creation in the batch: the whole-call refusal is narrowed down to it.
    const round = await syncOnce(ctx, srv.transport);
    expect(round.quarantined).toBe(0);
    expect(await ctx.db.syncIssues.count()).toBe(0);
    expect((await ctx.db.prospects.get(prospect.id))?.companyId).toBe(THEIRS);
    expect(srv.prospects.get(prospect.id)?.company_id).toBe(THEIRS);
  });

  it('is adopted before it is ever sent when a pull brings the team’s company first', async () => {
    const { ctx } = await device();
    const { prospect } = await captureProspect(ctx, ayu);
    const { company: mine } = await addCompany(ctx, page);
    const srv = server();
    await ctx.db.companies.put({ ...mine, id: THEIRS, createdAt: 1, industry: 'Truck Transportation' }); // as a pull would
    expect(await settleCompanyClashes(ctx)).toBe(1);
    expect(await ctx.db.companies.get(mine.id)).toBeUndefined();
    expect((await ctx.db.prospects.get(prospect.id))?.companyId).toBe(THEIRS);
    expect((await ctx.db.outbox.toArray()).some((e) => e.entity === 'company' && e.entityId === mine.id)).toBe(false);
    await syncOnce(ctx, srv.transport);
    expect(srv.pushed.flat().some((m) => m.entity === 'company' && m.id === mine.id)).toBe(false);
    expect(await ctx.db.syncIssues.count()).toBe(0);
  });

  it('reads the holder from the refusal (conflict id, else the id in the reason), only for a company creation', async () => {
    const create = { mutationId: 'm', entity: 'company' as const, op: 'upsert' as const, entityId: '00000000-0000-4000-8000-000000000001', fields: { createdAt: 1, slug: 'x' }, hlc: 'h', createdAt: 1 };
    expect(slugHolder(create, 'conflict', 'whatever', THEIRS)).toBe(THEIRS);
    expect(slugHolder(create, '23505', `linkedin_slug x already belongs to company ${THEIRS.toUpperCase()}`)).toBe(THEIRS);
    expect(slugHolder(create, 'invalid', 'value too long')).toBeNull();
    expect(slugHolder({ ...create, fields: { name: 'X' } }, 'conflict', 'x', THEIRS)).toBeNull();
    expect(slugHolder({ ...create, entity: 'prospect' }, 'conflict', 'x', THEIRS)).toBeNull();
  });
});

describe('a company delete the team refuses', () => {
  it('brings the company and its people’s links back here, and lists the server’s reason', async () => {
    const { ctx } = await device();
    const { prospect } = await captureProspect(ctx, { ...ayu, company: 'Samudra Freight' });
    const srv = server();
    await syncOnce(ctx, srv.transport); // pulls the team's company, added by a teammate
    await ctx.db.prospects.update(prospect.id, { companyId: THEIRS });
    await syncOnce(ctx, srv.transport);
    await deleteCompany(ctx, THEIRS);
    expect((await ctx.db.prospects.get(prospect.id))?.companyId ?? null).toBeNull();

    await syncOnce(ctx, server({ deleteForbidden: true }).transport);
    expect((await ctx.db.companies.get(THEIRS))?.deletedAt).toBeNull();
    expect((await ctx.db.prospects.get(prospect.id))?.companyId).toBe(THEIRS);
    const issues = await ctx.db.syncIssues.toArray();
    expect(issues.map((i) => [i.entity, i.code, i.reason])).toEqual([['company', 'forbidden', 'only whoever added the company or a team admin can delete it']]);
  });
});
