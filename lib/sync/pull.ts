// Applying what teammates changed: each sync_pull page lands in one IndexedDB transaction together
// with the cursor that follows it, so a worker stopped mid-pull resumes exactly where it was.
import type { OutboxEntry, Prospect } from '../model';
import type { StoreContext } from '../store/context';
import { adjustOverdue } from '../store/overdue';
import { eraseLocally } from '../store/delete';
import { teamSettingsFromServer } from '../model/settings';
import { SETTINGS_KEY } from '../store/settings';
import { cadenceFromRow, companyFromRow, followUpFromRow, prospectFromRow, stageChangeFromRow, stageFromRow, touchFromRow } from './map-in';
import { CURSOR_KEY, REMOTE_META, type Member, type RemoteMetaEntity } from './remote-meta';
import { SyncError, type SyncTransport } from './transport';
import type { PullChange, PullPage } from './wire';

export const PULL_PAGE = 1000;

function syncTables(ctx: StoreContext) {
  const d = ctx.db;
  return [d.prospects, d.touches, d.followUps, d.stageChanges, d.stages, d.outbox, d.meta, d.syncIssues, d.cadences, d.companies];
}

/** Unpushed local edits stay visible over what the server sent until they are pushed themselves. */
function overlayPending(p: Prospect, pending: OutboxEntry[]): Prospect {
  let next = p;
  for (const e of pending) {
    if (e.op === 'delete') next = { ...next, deletedAt: (e.fields.deletedAt as number | undefined) ?? next.deletedAt ?? e.createdAt };
    // An undo of a delete not yet pushed: the person stays back.
    else if (e.op === 'restore') next = { ...next, deletedAt: null };
    else {
      const { id: _i, teamId: _t, ...fields } = e.fields as Partial<Prospect>;
      next = { ...next, ...fields };
    }
  }
  return next;
}

/** The person was erased on this device and the erase is still queued (their rows must not come back). */
async function erasedHere(ctx: StoreContext, prospectId: string): Promise<boolean> {
  if (await ctx.db.prospects.get(prospectId)) return false;
  return (await ctx.db.outbox.where('entityId').equals(prospectId).toArray()).some((e) => e.op === 'erase');
}

/** touchCount and lastTouchAt are derived on each device from the touches it has. */
export async function recountTouches(ctx: StoreContext, prospectIds: Iterable<string>): Promise<void> {
  for (const id of prospectIds) {
    const p = await ctx.db.prospects.get(id);
    if (!p) continue;
    const touches = await ctx.db.touches.where('prospectId').equals(id).toArray();
    const lastTouchAt = touches.reduce<number | null>((m, t) => (m === null || t.occurredAt > m ? t.occurredAt : m), null);
    if (p.touchCount !== touches.length || p.lastTouchAt !== lastTouchAt) {
      await ctx.db.prospects.put({ ...p, touchCount: touches.length, lastTouchAt });
    }
  }
}

async function keepRemote(ctx: StoreContext, entity: RemoteMetaEntity, c: PullChange): Promise<void> {
  const key = REMOTE_META[entity];
  if (entity === 'team') {
    await ctx.db.meta.put({ key, value: c.data });
    return;
  }
  const row = await ctx.db.meta.get(key);
  const members = { ...((row?.value as Record<string, Member> | undefined) ?? {}) };
  const d = c.data;
  members[c.id] = {
    userId: c.id,
    displayName: typeof d.display_name === 'string' ? d.display_name : null,
    email: typeof d.email === 'string' ? d.email : null,
    role: typeof d.role === 'string' ? d.role : 'rep',
    deleted: d.deleted_at !== null && d.deleted_at !== undefined,
  };
  await ctx.db.meta.put({ key, value: members });
}

export interface AppliedPage {
  applied: number;
  unreadable: number;
}

/** One page, one transaction: rows, derived counts, the overdue count and the cursor move together. */
export async function applyPage(ctx: StoreContext, page: PullPage): Promise<AppliedPage> {
  return ctx.db.transaction('rw', syncTables(ctx), async () => {
    const touched = new Set<string>();
    let applied = 0;
    let unreadable = 0;
    for (const c of page.changes) {
      try {
        switch (c.entity) {
          case 'stage':
            await ctx.db.stages.put(stageFromRow(c.data));
            break;
          case 'prospect': {
            const pending = (await ctx.db.outbox.where('entityId').equals(c.id).toArray()).filter((e) => e.entity === 'prospect');
            // Erased here and not yet pushed: the team's copy must not bring the person back.
            if (pending.some((e) => e.op === 'erase')) break;
            const before = await ctx.db.prospects.get(c.id);
            const row = overlayPending(prospectFromRow(c.data), pending);
            await ctx.db.prospects.put({ ...row, touchCount: before?.touchCount ?? 0, lastTouchAt: before?.lastTouchAt ?? null });
            touched.add(c.id);
            break;
          }
          case 'erasure':
            // A teammate erased this person: everything about them goes, locally too.
            await eraseLocally(ctx, c.id);
            break;
          case 'touch': {
            const t = touchFromRow(c.data);
            if (await erasedHere(ctx, t.prospectId)) break;
            if (c.data.deleted_at) await ctx.db.touches.delete(c.id);
            else await ctx.db.touches.put(t);
            touched.add(t.prospectId);
            break;
          }
          case 'follow_up': {
            const before = await ctx.db.followUps.get(c.id);
            const after = followUpFromRow(c.data);
            if (!before && (await erasedHere(ctx, after.prospectId))) break;
            await ctx.db.followUps.put(after);
            await adjustOverdue(ctx, before, after);
            break;
          }
          case 'stage_change': {
            const change = stageChangeFromRow(c.data);
            if (await erasedHere(ctx, change.prospectId)) break;
            await ctx.db.stageChanges.put(change);
            break;
          }
          case 'cadence':
            await ctx.db.cadences.put(cadenceFromRow(c.data));
            break;
          case 'company': {
            // Unpushed local edits of the account stay over what the server sent until pushed.
            const pending = (await ctx.db.outbox.where('entityId').equals(c.id).toArray()).filter((e) => e.entity === 'company');
            let row = companyFromRow(c.data);
            for (const e of pending) row = e.op === 'delete' ? { ...row, deletedAt: row.deletedAt ?? e.createdAt } : { ...row, ...(e.fields as Partial<typeof row>) };
            await ctx.db.companies.put(row);
            break;
          }
          case 'team_settings': {
            const settings = teamSettingsFromServer(c.data);
            if (!settings.ok) throw new Error(`team settings: ${settings.error}`);
            await ctx.db.meta.put({ key: SETTINGS_KEY, value: settings.settings });
            break;
          }
          case 'team':
          case 'team_member':
            await keepRemote(ctx, c.entity, c);
            break;
          default:
            // An entity from a newer server: nothing here can show it; the cursor still moves on.
            continue;
        }
        applied++;
      } catch (err) {
        unreadable++;
        await ctx.db.syncIssues.add({
          at: ctx.now(),
          mutationId: '',
          entity: c.entity,
          entityId: c.id,
          code: 'unreadable',
          reason: err instanceof Error ? err.message.slice(0, 500) : String(err),
        });
      }
    }
    await recountTouches(ctx, touched);
    await ctx.db.meta.put({ key: CURSOR_KEY, value: page.next_cursor });
    return { applied, unreadable };
  });
}

export async function storedCursor(ctx: StoreContext): Promise<number> {
  const row = await ctx.db.meta.get(CURSOR_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Pulls from the stored cursor until the server has nothing more; returns how many rows landed.
 * A page may hold fewer than `limit` rows and still have more (the server also ends a page at about
 * 1 MB), so only `has_more` ends the loop; a page that says "more" without moving the cursor
 * would loop forever, so it is an error instead.
 */
export async function pullAll(ctx: StoreContext, transport: SyncTransport, limit = PULL_PAGE): Promise<number> {
  let total = 0;
  for (let pages = 0; pages < 100_000; pages++) {
    const since = await storedCursor(ctx);
    const page = await transport.pull(ctx.teamId, since, limit);
    if (page.has_more && (page.changes.length === 0 || page.next_cursor <= since)) {
      throw new SyncError('server', 'The server said there was more to pull but sent nothing new');
    }
    const { applied } = await applyPage(ctx, page);
    total += applied;
    if (!page.has_more) break;
  }
  return total;
}
