// Deleting an account, and undoing it. Like deleting a person (./delete.ts): a tombstone on the
// company, one transaction with its outbox entries, and an undo token naming exactly what the delete
// took — here the people whose link to the company it removed, so undo gives back those links and no
// others (someone re-linked meanwhile keeps the rep's newer choice).
//
// The server cannot lift a company's tombstone (only a prospect has a `restore`), so undo works in
// two ways: while the delete is still queued and unsent it is simply taken back out of the queue;
// once it may be at the server, the company comes back as a new record with the same fields (and the
// people are linked to that), which is what a teammate then sees too.
import { z } from 'zod';
import { CompanySchema, type Company } from '../model/company';
import type { Prospect } from '../model';
import { REMOTE_META, type Member } from '../sync/remote-meta';
import { CommandError, tables } from './commands';
import { companyBySlug } from './company-match';
import type { StoreContext } from './context';
import { enqueue, queuesForSync, sentThrough } from './outbox';
import { rescore, scoreFields } from './score';

export const CompanyDeleteTokenSchema = z.object({
  companyId: z.string().uuid(),
  at: z.number().int().nonnegative(),
  /** The people the delete unlinked. */
  people: z.array(z.string().uuid()).max(100_000),
});
export type CompanyDeleteToken = z.infer<typeof CompanyDeleteTokenSchema>;

export interface CompanyDeleteResult {
  token: CompanyDeleteToken;
  name: string;
  /** How many people lost their link to it. */
  unlinked: number;
}

export interface CompanyUndoResult {
  /** The account as it is now (a new id when it had to be added again), null when it could not come back. */
  companyId: string | null;
  name: string;
  /** Back (restored or added again), already back, or back as the live company that holds its LinkedIn page now. */
  outcome: 'restored' | 'already' | 'joined' | 'gone';
  relinked: number;
}

export interface CompanyDeleteRights {
  allowed: boolean;
  /** Set when not allowed: only whoever added it or a team admin may delete it. */
  reason: 'not-creator' | null;
}

async function myRole(ctx: StoreContext): Promise<string | null> {
  const members = (await ctx.db.meta.get(REMOTE_META.team_member))?.value as Record<string, Member> | undefined;
  const me = members?.[ctx.userId];
  return me && !me.deleted ? me.role : null;
}

/**
 * The backend's rule (supabase/migrations/20261205181000_companies.sql, company_defaults): a team's
 * owners and admins, or whoever added the company. Local mode: the rep may delete anything. A company
 * whose creator this device does not know (stored before creators were kept) is left to the server.
 */
export async function companyDeleteRights(ctx: StoreContext, c: Pick<Company, 'createdBy'>): Promise<CompanyDeleteRights> {
  if (ctx.teamId === 'local') return { allowed: true, reason: null };
  if (c.createdBy === undefined || c.createdBy === ctx.userId) return { allowed: true, reason: null };
  const role = await myRole(ctx);
  if (role === 'owner' || role === 'admin') return { allowed: true, reason: null };
  return { allowed: false, reason: 'not-creator' };
}

async function liveCompany(ctx: StoreContext, id: string): Promise<Company> {
  const c = await ctx.db.companies.get(id);
  if (!c || c.deletedAt !== null) throw new CommandError('not-found', `No company ${id}`, 'company_not_found');
  return c;
}

/** Inside a write transaction: point a person at a company (or none), rescore and queue it. */
async function relink(ctx: StoreContext, p: Prospect, companyId: string | null, now: number): Promise<void> {
  const next: Prospect = { ...p, companyId, updatedAt: now };
  Object.assign(next, await rescore(ctx, next));
  await ctx.db.prospects.put(next);
  await enqueue(ctx, 'prospect', 'upsert', p.id, { companyId, ...scoreFields(p, next) });
}

/**
 * Deletes the account: a tombstone on the company, and its people lose their link (each queued as an
 * explicit "no company", so teammates' devices unlink them too). Refused where the team's rule does
 * not let this rep delete it, naming the company.
 */
export async function deleteCompany(ctx: StoreContext, id: string): Promise<CompanyDeleteResult> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const c = await liveCompany(ctx, id);
    if (!(await companyDeleteRights(ctx, c)).allowed) {
      throw new CommandError('invalid', `Only whoever added ${c.name} or a team admin can delete it`, 'company_delete_forbidden', [c.name]);
    }
    const now = ctx.now();
    const people = await ctx.db.prospects.where('companyId').equals(id).filter((p) => p.deletedAt === null).toArray();
    await ctx.db.companies.put({ ...c, deletedAt: now, updatedAt: now });
    // The people ride along in the queued delete (the wire sends the id alone): if the server refuses
    // the delete, lib/sync/company-conflicts.ts gives them their link back.
    await enqueue(ctx, 'company', 'delete', id, { deletedAt: now, people: people.map((p) => p.id) });
    for (const p of people) await relink(ctx, p, null, now);
    return { token: { companyId: id, at: now, people: people.map((p) => p.id) }, name: c.name, unlinked: people.length };
  });
}

/**
 * Brings the account back with the links the delete removed (people deleted or linked elsewhere
 * meanwhile are left as they are). Where a teammate added the same LinkedIn company meanwhile, the
 * people join that one instead of making a second.
 */
export async function undoDeleteCompany(ctx: StoreContext, token: CompanyDeleteToken): Promise<CompanyUndoResult> {
  const t = CompanyDeleteTokenSchema.parse(token);
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const c = await ctx.db.companies.get(t.companyId);
    if (!c) return { companyId: null, name: '', outcome: 'gone', relinked: 0 };
    if (c.deletedAt === null) return { companyId: c.id, name: c.name, outcome: 'already', relinked: 0 };
    if (!(await companyDeleteRights(ctx, c)).allowed) {
      throw new CommandError('invalid', `Only whoever added ${c.name} or a team admin can delete it`, 'company_delete_forbidden', [c.name]);
    }
    const now = ctx.now();
    let target: Company;
    let outcome: CompanyUndoResult['outcome'] = 'restored';
    const holder = c.slug ? await companyBySlug(ctx, c.slug) : undefined;
    if (holder) {
      target = holder;
      outcome = 'joined';
    } else {
      const queued = queuesForSync(ctx)
        ? (await ctx.db.outbox.where('entityId').equals(c.id).toArray()).filter((e) => e.entity === 'company' && e.op === 'delete')
        : [];
      const sent = await sentThrough(ctx);
      if (queued.every((e) => (e.seq ?? 0) > sent) && (queued.length > 0 || !queuesForSync(ctx))) {
        // Not sent yet (or nothing is ever sent): the delete is taken back and the record lifted.
        await ctx.db.outbox.bulkDelete(queued.map((e) => e.seq!));
        target = { ...c, deletedAt: null, updatedAt: now };
        await ctx.db.companies.put(target);
      } else {
        // The tombstone may be at the server, which never lifts one: the same company, added again.
        target = CompanySchema.parse({ ...c, id: ctx.newId(), createdBy: ctx.userId, createdAt: now, updatedAt: now, deletedAt: null });
        await ctx.db.companies.add(target);
        const { id: _id, createdBy: _by, ...all } = target;
        await enqueue(ctx, 'company', 'upsert', target.id, all);
      }
    }
    let relinked = 0;
    const rows = await ctx.db.prospects.bulkGet(t.people);
    for (const p of rows) {
      if (!p || p.deletedAt !== null || (p.companyId ?? null) !== null) continue;
      await relink(ctx, p, target.id, now);
      relinked++;
    }
    return { companyId: target.id, name: target.name, outcome, relinked };
  });
}
