// Bringing a local-mode pipeline into a team on first sign-in. Ids are kept, so running it again
// adds nothing; a person the team already has is merged by identity key, not doubled.
import { FollowUpSchema, StageChangeSchema, TouchSchema, type FollowUp, type Prospect, type Stage } from '../model';
import { tryIntakeProspect } from '../model/prospect-intake';
import { openDueAt } from '../pipeline/follow-ups';
import type { StoreContext } from '../store/context';
import { enqueue } from '../store/outbox';
import { invalidateOverdue } from '../store/overdue';
import { fillBlanks, settleStage } from './merge';
import { recountTouches } from './pull';

export interface AdoptReport {
  added: number;
  merged: number;
  touches: number;
  followUps: number;
  /** Local rows the intake refused (e.g. written by an older version without today's checks). */
  skipped: number;
}

async function teamMatch(team: StoreContext, p: Prospect): Promise<Prospect | undefined> {
  const live = (x: Prospect) => x.deletedAt === null;
  if (p.slug) {
    const bySlug = await team.db.prospects.where('slug').equals(p.slug).filter(live).first();
    if (bySlug) return bySlug;
  }
  for (const e of p.emails) {
    const byEmail = await team.db.prospects.where('emails').equals(e).filter(live).first();
    if (byEmail) return byEmail;
  }
  return undefined;
}

/** Local stage ids → the team's, by stage key; unknown keys land in the team's first open stage. */
function stageMapper(local: Stage[], team: Stage[]) {
  const liveTeam = team.filter((s) => s.deletedAt === null).sort((a, b) => a.order - b.order);
  const byKey = new Map(liveTeam.map((s) => [s.key, s.id]));
  const fallback = liveTeam.find((s) => s.kind === 'open')?.id ?? liveTeam[0]?.id;
  const keyOf = new Map(local.map((s) => [s.id, s.key]));
  return (id: string | null): string | null => {
    if (id === null) return null;
    const mapped = byKey.get(keyOf.get(id) ?? '') ?? fallback;
    if (!mapped) throw new Error('The team has no stages yet: sync once before bringing the local pipeline in');
    return mapped;
  };
}

export async function adoptLocal(local: StoreContext, team: StoreContext): Promise<AdoptReport> {
  const [prospects, touches, followUps, changes, localStages] = await Promise.all([
    local.db.prospects.filter((p) => p.deletedAt === null).toArray(),
    local.db.touches.toArray(),
    local.db.followUps.filter((f) => f.deletedAt === null).toArray(),
    local.db.stageChanges.toArray(),
    local.db.stages.toArray(),
  ]);
  const d = team.db;
  return d.transaction('rw', [d.prospects, d.touches, d.followUps, d.stageChanges, d.stages, d.outbox, d.meta], async () => {
    const stageOf = stageMapper(localStages, await d.stages.toArray());
    const report: AdoptReport = { added: 0, merged: 0, touches: 0, followUps: 0, skipped: 0 };
    const target = new Map<string, string>();
    const mergedIds = new Set<string>();
    for (const raw of prospects) {
      // The same intake as every other way in: the local store may hold rows older versions let through.
      const checked = tryIntakeProspect(raw);
      if (!checked.ok) {
        report.skipped++;
        continue;
      }
      const p = checked.prospect;
      if (await d.prospects.get(p.id)) {
        target.set(p.id, p.id);
        continue;
      }
      const existing = await teamMatch(team, p);
      if (existing) {
        target.set(p.id, existing.id);
        mergedIds.add(p.id);
        const patch = await fillBlanks(team, existing, p);
        if (Object.keys(patch).length) {
          await d.prospects.put({ ...existing, ...patch, updatedAt: team.now() });
          await enqueue(team, 'prospect', 'upsert', existing.id, patch);
        }
        report.merged++;
        continue;
      }
      const row: Prospect = { ...p, teamId: team.teamId, ownerId: team.userId, stageId: stageOf(p.stageId)! };
      // teamMatch found nobody by slug or address in the team, rows added above included.
      await d.prospects.add(row);
      const { id: _id, ...fields } = row;
      await enqueue(team, 'prospect', 'upsert', row.id, fields);
      target.set(p.id, p.id);
      report.added++;
    }
    for (const c of changes.sort((a, b) => a.changedAt - b.changedAt)) {
      const prospectId = target.get(c.prospectId);
      if (!prospectId || (await d.stageChanges.get(c.id))) continue;
      // The team's prospect has its own creation entry; only later moves carry over.
      if (mergedIds.has(c.prospectId) && c.fromStageId === null) continue;
      const parsed = StageChangeSchema.safeParse({
        ...c,
        teamId: team.teamId,
        prospectId,
        byId: team.userId,
        fromStageId: stageOf(c.fromStageId),
        toStageId: stageOf(c.toStageId)!,
      });
      if (!parsed.success) continue;
      const row = parsed.data;
      await d.stageChanges.add(row);
      await enqueue(team, 'stage_change', 'upsert', row.id, { ...row });
    }
    for (const t of touches) {
      const prospectId = target.get(t.prospectId);
      if (!prospectId || (await d.touches.get(t.id))) continue;
      const parsed = TouchSchema.safeParse({ ...t, teamId: team.teamId, prospectId, byId: team.userId });
      if (!parsed.success) continue;
      const row = parsed.data;
      await d.touches.add(row);
      await enqueue(team, 'touch', 'upsert', row.id, { ...row });
      report.touches++;
    }
    for (const f of followUps) {
      const prospectId = target.get(f.prospectId);
      if (!prospectId || (await d.followUps.get(f.id))) continue;
      const { openDueAt: _old, ...rest } = f;
      const parsed = FollowUpSchema.safeParse({ ...rest, teamId: team.teamId, prospectId, assigneeId: team.userId });
      if (!parsed.success) continue;
      const base: FollowUp = parsed.data;
      const key = openDueAt(base);
      const row: FollowUp = key === undefined ? base : { ...base, openDueAt: key };
      await d.followUps.add(row);
      const { openDueAt: _k, id: _id, ...fields } = row;
      await enqueue(team, 'follow_up', 'upsert', row.id, fields);
      report.followUps++;
    }
    const affected = new Set(target.values());
    await recountTouches(team, affected);
    for (const id of affected) await settleStage(team, id);
    await invalidateOverdue(team);
    return report;
  });
}
