// Accounts two devices both added. A team has one live company per LinkedIn page (slug); when two
// reps add the same page before either synced, the server takes the first and refuses the second's
// creation ("linkedin_slug … already belongs to company <id>"). That is not an error the rep should
// see in a list of refused changes: the second device adopts the team's company — its people are
// re-pointed to the team's id (queued changes too), what only the local copy knew fills the team's
// blanks, and the local copy goes. Nothing is set aside and nothing is lost.
//
// The same happens when a pull brings the team's company before this device pushed its own copy.
//
// And a delete the server refuses (the team's rule: only whoever added a company or an admin) gives
// the company back here, with the people the delete had unlinked, so this device does not keep
// showing a company as gone that the team still has.
import type { OutboxEntry, Prospect } from '../model';
import { CompanySchema, type Company } from '../model/company';
import type { StoreContext } from '../store/context';
import { enqueue } from '../store/outbox';
import { rescore, scoreFields } from '../store/score';
import type { PushResult } from './wire';

export interface CompanyConflict {
  localId: string;
  remoteId: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SLUG_TAKEN = /linkedin_slug\b.*\balready belongs to company\b/i;

/** A queued change that creates a company (rather than editing one the server has). */
export const createsCompany = (e: OutboxEntry) => e.entity === 'company' && e.op === 'upsert' && 'createdAt' in e.fields;

/**
 * The company the server says already holds this page, from a refusal of a company creation: the
 * result's conflict id, else the id the reason names. null for any other refusal.
 */
export function slugHolder(e: OutboxEntry, code: string | null | undefined, reason: string | null | undefined, conflictId?: string | null): string | null {
  if (!createsCompany(e)) return null;
  const text = reason ?? '';
  if (code !== 'conflict' && code !== '23505' && !SLUG_TAKEN.test(text)) return null;
  const id = (conflictId && UUID.test(conflictId) ? conflictId : null) ?? (SLUG_TAKEN.test(text) ? (UUID.exec(text.slice(text.search(SLUG_TAKEN)))?.[0] ?? null) : null);
  return id && id.toLowerCase() !== e.entityId.toLowerCase() ? id.toLowerCase() : null;
}

/** The company creations of a batch the server refused because the team already has that page. */
export function companyConflictsOf(entries: readonly OutboxEntry[], results: ReadonlyMap<string, PushResult>): CompanyConflict[] {
  const out: CompanyConflict[] = [];
  for (const e of entries) {
    const r = results.get(e.mutationId);
    if (r?.status !== 'rejected') continue;
    const remoteId = slugHolder(e, r.code, r.reason, r.conflict_id);
    if (remoteId) out.push({ localId: e.entityId, remoteId });
  }
  return out;
}

/**
 * Which refused changes of a batch wait for an adoption (re-pointed, then sent again) rather than
 * being set aside: the refused copies' own changes, links to them, and — where a person's creation
 * carried such a link and so was refused whole — what hangs on that person (their first stage
 * change, touches, follow-ups).
 */
export function adoptionHolds(entries: readonly OutboxEntry[], results: ReadonlyMap<string, PushResult>): {
  conflicts: CompanyConflict[];
  holds: (e: OutboxEntry) => boolean;
} {
  const conflicts = companyConflictsOf(entries, results);
  if (conflicts.length === 0) return { conflicts, holds: () => false };
  const adopting = new Set(conflicts.map((c) => c.localId));
  const rejected = (e: OutboxEntry) => results.get(e.mutationId)?.status === 'rejected';
  const linked = (e: OutboxEntry) =>
    (e.entity === 'company' && adopting.has(e.entityId)) || (typeof e.fields.companyId === 'string' && adopting.has(e.fields.companyId));
  const people = new Set(entries.filter((e) => e.entity === 'prospect' && 'createdAt' in e.fields && linked(e) && rejected(e)).map((e) => e.entityId));
  const holds = (e: OutboxEntry) =>
    rejected(e) && (linked(e) || (typeof e.fields.prospectId === 'string' && people.has(e.fields.prospectId)));
  return { conflicts, holds };
}

const PAGE_FIELDS = ['name', 'industry', 'size', 'headquarters', 'website', 'followers'] as const;

function allTables(ctx: StoreContext) {
  const d = ctx.db;
  return [d.prospects, d.companies, d.outbox, d.meta, d.stages, d.cadences, d.touches, d.followUps, d.stageChanges];
}

/**
 * Moves the local copy `localId` onto the team's company `remoteId`: people linked to the copy (and
 * queued links to it) point at the team's company, the team's blanks are filled from the copy, and
 * the copy and its queued changes go. Returns false when the team's company is not in the store (pull
 * first), or is deleted there: then the copy stays and its creation is sent again.
 */
export async function adoptCompany(ctx: StoreContext, localId: string, remoteId: string): Promise<boolean> {
  return ctx.db.transaction('rw', allTables(ctx), async () => {
    const team = await ctx.db.companies.get(remoteId);
    if (!team || team.deletedAt !== null) return false;
    const copy = await ctx.db.companies.get(localId);
    const now = ctx.now();
    // Queued changes: the copy's own go (its fields are folded in below); links are re-pointed.
    await ctx.db.outbox.toCollection().modify((e, ref) => {
      if (e.entity === 'company' && e.entityId === localId) delete (ref as { value?: unknown }).value;
      else if (e.fields.companyId === localId) e.fields = { ...e.fields, companyId: remoteId };
    });
    const people = await ctx.db.prospects.where('companyId').equals(localId).toArray();
    for (const p of people) {
      const next: Prospect = { ...p, companyId: remoteId };
      // The team's industry and size may score differently.
      if (p.deletedAt === null) Object.assign(next, await rescore(ctx, next));
      await ctx.db.prospects.put(next);
      // A link to the copy can only have been queued (the server never had the copy); should it have
      // left the queue anyhow, the link to the team's company is queued afresh.
      const queued = (await ctx.db.outbox.where('entityId').equals(p.id).toArray()).some((e) => e.fields.companyId === remoteId);
      const fields = { ...(queued ? {} : { companyId: remoteId }), ...(p.deletedAt === null ? scoreFields(p, next) : {}) };
      if (Object.keys(fields).length) await enqueue(ctx, 'prospect', 'upsert', p.id, fields);
    }
    if (copy) {
      await ctx.db.companies.delete(localId);
      if (copy.deletedAt === null) {
        const patch: Partial<Company> = {};
        for (const f of PAGE_FIELDS) {
          if ((team[f] === null || team[f] === '') && copy[f] !== null && copy[f] !== '') (patch as Record<string, unknown>)[f] = copy[f];
        }
        if (Object.keys(patch).length) {
          await ctx.db.companies.put(CompanySchema.parse({ ...team, ...patch, updatedAt: now }));
          await enqueue(ctx, 'company', 'upsert', remoteId, patch);
        }
      }
    }
    return true;
  });
}

/**
 * After a pull: a company this device added and has not pushed yet whose LinkedIn page the team's
 * company (just pulled) has. The local copy is adopted into the team's before it is ever sent.
 */
export async function settleCompanyClashes(ctx: StoreContext): Promise<number> {
  const creates = await ctx.db.outbox.filter(createsCompany).toArray();
  if (creates.length === 0) return 0;
  const unpushed = new Set(creates.map((e) => e.entityId));
  let adopted = 0;
  for (const localId of unpushed) {
    const local = await ctx.db.companies.get(localId);
    if (!local || local.deletedAt !== null || !local.slug) continue;
    const team = await ctx.db.companies
      .where('slug')
      .equals(local.slug)
      .filter((c) => c.deletedAt === null && !unpushed.has(c.id))
      .first();
    if (team && (await adoptCompany(ctx, localId, team.id))) adopted++;
  }
  return adopted;
}

/**
 * Company deletes the server refused for the team's rule: the company comes back here, and so do the
 * links the delete took (people re-linked elsewhere meanwhile keep that). The refusal itself stays
 * listed with the server's reason.
 */
export async function restoreRefusedCompanyDeletes(ctx: StoreContext, entries: readonly OutboxEntry[], results: ReadonlyMap<string, PushResult>): Promise<number> {
  const refused = entries.filter((e) => {
    const r = results.get(e.mutationId);
    return e.entity === 'company' && e.op === 'delete' && r?.status === 'rejected' && r.code === 'forbidden';
  });
  if (refused.length === 0) return 0;
  let restored = 0;
  await ctx.db.transaction('rw', allTables(ctx), async () => {
    const now = ctx.now();
    for (const e of refused) {
      const c = await ctx.db.companies.get(e.entityId);
      if (!c || c.deletedAt === null) continue;
      await ctx.db.companies.put({ ...c, deletedAt: null, updatedAt: now });
      const ids = Array.isArray(e.fields.people) ? e.fields.people.filter((x): x is string => typeof x === 'string') : [];
      for (const p of await ctx.db.prospects.bulkGet(ids)) {
        if (!p || p.deletedAt !== null || (p.companyId ?? null) !== null) continue;
        const next: Prospect = { ...p, companyId: c.id, updatedAt: now };
        Object.assign(next, await rescore(ctx, next));
        await ctx.db.prospects.put(next);
        await enqueue(ctx, 'prospect', 'upsert', p.id, { companyId: c.id, ...scoreFields(p, next) });
      }
      restored++;
    }
  });
  return restored;
}
