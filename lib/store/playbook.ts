// Playbook commands (DESIGN.md §1): the SQL gate, manual score adjustment, cadence enrolment and
// steps, stage and cadence editing, team settings. Same rule as commands.ts: entity and outbox
// entry in one transaction.
import { CadenceSchema, type Cadence, type FollowUp, type Prospect, type Stage, type StageKind } from '../model';
import { DEFAULT_CADENCE } from '../model/cadence';
import type { TeamSettings } from '../model/settings';
import { completeStep, enrol, pause, resume, skipStep, stop, type CadenceOutcome, type TemplateFields } from '../pipeline/cadence';
import { acceptSql, needsSqlConfirmation, type SqlChecklist, type SqlItem } from '../pipeline/gates';
import { CommandError, insertFollowUp, logTouch, mustGetProspect, patchFollowUp, setStage, tables, updateProspect } from './commands';
import type { StoreContext } from './context';
import { enqueue } from './outbox';
import { listStages } from './queries';
import { rescore, sameScore, scoreFields } from './score';
import { SETTINGS_KEY, teamSettings } from './settings';

async function saveProspect(ctx: StoreContext, before: Prospect, patch: Partial<Prospect>): Promise<Prospect> {
  const next: Prospect = { ...before, ...patch, updatedAt: ctx.now() };
  const scored = await rescore(ctx, next);
  Object.assign(next, scored);
  await ctx.db.prospects.put(next);
  await enqueue(ctx, 'prospect', 'upsert', next.id, { ...patch, ...scoreFields(before, scored) });
  return next;
}

/** Tick or untick checklist items. When the required three are ticked the SQL gate is passed, once, by this rep. */
export async function setSqlChecklist(ctx: StoreContext, prospectId: string, items: Partial<Record<SqlItem, boolean>>): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, prospectId);
    const checklist: SqlChecklist = { ...p.sqlChecklist, ...items };
    const patch: Partial<Prospect> = { sqlChecklist: checklist };
    const gate = acceptSql(checklist, ctx.userId, ctx.now(), { sqlAt: p.sqlAt, acceptedBy: p.sqlChecklist.accepted_by ?? null });
    if (gate.ok && p.sqlAt === null) {
      patch.sqlAt = gate.sqlAt;
      patch.sqlChecklist = { ...checklist, accepted_by: ctx.userId };
    }
    return saveProspect(ctx, p, patch);
  });
}

export async function setScoreAdjustment(ctx: StoreContext, prospectId: string, points: number): Promise<Prospect> {
  if (!Number.isInteger(points) || points < -100 || points > 100)
    throw new CommandError('invalid', 'The adjustment is a whole number from -100 to 100');
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, prospectId);
    return saveProspect(ctx, p, { scoreAdjustment: points });
  });
}

/**
 * A stage move the SQL gate would question is not made until the rep confirms it; the caller gets
 * `needsConfirmation` back and asks.
 */
export async function moveStage(
  ctx: StoreContext,
  prospectId: string,
  stageKey: string,
  confirmed: boolean,
  lostReason: string | null = null,
): Promise<{ prospect: Prospect; needsConfirmation: boolean }> {
  const p = await mustGetProspect(ctx, prospectId);
  const stages = await listStages(ctx);
  const to = stages.find((s) => s.key === stageKey);
  if (!to) throw new CommandError('not-found', `Unknown stage "${stageKey}"`, 'stage_unknown', [stageKey]);
  const from = stages.find((s) => s.id === p.stageId) ?? null;
  if (!confirmed && from?.id !== to.id && needsSqlConfirmation(from, to, stages, p)) return { prospect: p, needsConfirmation: true };
  // A deal marked lost keeps the reason the rep gave with the move, in the same transaction.
  if (to.kind !== 'lost' || !lostReason) return { prospect: await setStage(ctx, prospectId, stageKey), needsConfirmation: false };
  return ctx.db.transaction('rw', tables(ctx), async () => {
    await setStage(ctx, prospectId, stageKey);
    return { prospect: await updateProspect(ctx, prospectId, { lostReason }), needsConfirmation: false };
  });
}

// ---- cadences -------------------------------------------------------------------------------

function templateFields(p: Prospect): TemplateFields {
  return { name: p.name, company: p.company, title: p.title, headline: p.headline, location: p.location };
}

async function mustGetCadence(ctx: StoreContext, id: string): Promise<Cadence> {
  const c = await ctx.db.cadences.get(id);
  if (!c || c.deletedAt !== null) throw new CommandError('not-found', 'That cadence no longer exists', 'cadence_gone');
  return c;
}

/** The open follow-up of the prospect's enrolment, if any. */
async function openStepFollowUp(ctx: StoreContext, p: Prospect): Promise<FollowUp | undefined> {
  if (!p.enrolment) return undefined;
  const rows = await ctx.db.followUps.where('prospectId').equals(p.id).toArray();
  return rows.find((f) => f.cadenceId === p.enrolment!.cadenceId && f.deletedAt === null && f.doneAt === null);
}

/** Writes an outcome: the enrolment on the prospect, its next follow-up, and its touch. */
async function apply(ctx: StoreContext, p: Prospect, outcome: CadenceOutcome): Promise<Prospect> {
  let current = p;
  if (outcome.touch) {
    const { prospect } = await logTouch(ctx, {
      prospectId: p.id,
      channel: outcome.touch.channel,
      direction: 'out',
      note: null,
      occurredAt: outcome.touch.occurredAt,
    });
    current = prospect;
  }
  if (outcome.next) {
    const n = outcome.next;
    await insertFollowUp(ctx, {
      prospectId: p.id,
      title: n.title,
      note: n.note,
      dueAt: n.dueAt,
      channel: n.channel,
      cadenceId: n.cadenceId,
      cadenceStep: n.cadenceStep,
    });
  }
  const next: Prospect = { ...current, enrolment: outcome.enrolment, updatedAt: ctx.now() };
  await ctx.db.prospects.put(next);
  await enqueue(ctx, 'prospect', 'upsert', p.id, { enrolment: outcome.enrolment });
  return next;
}

/** When the team counts a step late: by the end of its day, or at its exact time (a team setting). */
async function dueRuleOf(ctx: StoreContext) {
  return (await teamSettings(ctx)).dueRule;
}

/** Enrol in a cadence (ending any current enrolment): step 1 becomes a follow-up due at its time. */
export async function enrolProspect(ctx: StoreContext, prospectId: string, cadenceId: string, timeZone: string): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    let p = await mustGetProspect(ctx, prospectId);
    const cadence = await mustGetCadence(ctx, cadenceId);
    if (p.enrolment && (p.enrolment.status === 'active' || p.enrolment.status === 'paused'))
      p = await cadenceAction(ctx, prospectId, 'stop');
    return apply(ctx, p, enrol(cadence, ctx.now(), timeZone, { fields: templateFields(p), dueRule: await dueRuleOf(ctx) }));
  });
}

export type CadenceAction = 'skip' | 'pause' | 'resume' | 'stop';

/** Skip the pending step, pause, resume or stop. The open step's follow-up goes away with it. */
export async function cadenceAction(ctx: StoreContext, prospectId: string, action: CadenceAction): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, prospectId);
    const e = p.enrolment;
    if (!e) throw new CommandError('invalid', `${p.name} is not in a cadence`);
    const now = ctx.now();
    const open = await openStepFollowUp(ctx, p);
    if (action === 'resume')
      return apply(
        ctx,
        p,
        resume(e, await mustGetCadence(ctx, e.cadenceId), now, { fields: templateFields(p), dueRule: await dueRuleOf(ctx) }),
      );
    if (open) await patchFollowUp(ctx, open.id, { deletedAt: now });
    if (action === 'pause') return apply(ctx, p, pause(e, now));
    if (action === 'stop') return apply(ctx, p, stop(e, now));
    const cadence = await mustGetCadence(ctx, e.cadenceId);
    return apply(
      ctx,
      p,
      skipStep(e, cadence, now, { fields: templateFields(p), step: open?.cadenceStep ?? undefined, dueRule: await dueRuleOf(ctx) }),
    );
  });
}

/** Done. A cadence step's follow-up also logs its touch and schedules the next step (below). */
export async function completeFollowUp(ctx: StoreContext, id: string): Promise<FollowUp> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const done = await patchFollowUp(ctx, id, { doneAt: ctx.now() });
    await completeCadenceFollowUp(ctx, done);
    return done;
  });
}

/**
 * Inside completeFollowUp's transaction: a step's follow-up marked done logs its touch and
 * schedules the next step. A follow-up for a step already passed (done elsewhere) changes nothing.
 */
export async function completeCadenceFollowUp(ctx: StoreContext, f: FollowUp): Promise<void> {
  if (!f.cadenceId) return;
  const p = await ctx.db.prospects.get(f.prospectId);
  if (!p || p.deletedAt !== null || p.enrolment?.cadenceId !== f.cadenceId) return;
  const cadence = await ctx.db.cadences.get(f.cadenceId);
  if (!cadence) return;
  const outcome = completeStep(p.enrolment, cadence, ctx.now(), {
    fields: templateFields(p),
    step: f.cadenceStep ?? undefined,
    dueRule: await dueRuleOf(ctx),
  });
  if (outcome.enrolment === p.enrolment) return;
  await apply(ctx, p, outcome);
}

export interface CadenceInput {
  id?: string;
  name: string;
  description: string | null;
  steps: Cadence['steps'];
}

export async function saveCadence(ctx: StoreContext, input: CadenceInput): Promise<Cadence> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const existing = input.id ? await ctx.db.cadences.get(input.id) : undefined;
    const cadence = CadenceSchema.parse({
      id: existing?.id ?? ctx.newId(),
      teamId: ctx.teamId,
      name: input.name,
      description: input.description,
      steps: input.steps,
      updatedAt: ctx.now(),
      deletedAt: null,
    });
    await ctx.db.cadences.put(cadence);
    await enqueue(ctx, 'cadence', 'upsert', cadence.id, { name: cadence.name, description: cadence.description, steps: cadence.steps });
    return cadence;
  });
}

export async function deleteCadence(ctx: StoreContext, id: string): Promise<void> {
  await ctx.db.transaction('rw', tables(ctx), async () => {
    const c = await mustGetCadence(ctx, id);
    await ctx.db.cadences.put({ ...c, deletedAt: ctx.now(), updatedAt: ctx.now() });
    await enqueue(ctx, 'cadence', 'delete', id, { deletedAt: ctx.now() });
  });
}

/** Local mode's first run: the default cadence (a team gets its own from the server). */
export async function ensureDefaultCadence(ctx: StoreContext): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.cadences, async () => {
    if ((await ctx.db.cadences.count()) > 0) return;
    await ctx.db.cadences.add({ ...DEFAULT_CADENCE, id: ctx.newId(), teamId: ctx.teamId, updatedAt: ctx.now(), deletedAt: null });
  });
}

// ---- stages and settings (admins, in a team) -------------------------------------------------

export interface StageInput {
  id?: string;
  name: string | null;
  kind?: StageKind;
  probability: number;
  staleDays: number | null;
}

function keyFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 32) || 'stage';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

function stageFields(s: Stage) {
  return { key: s.key, name: s.name, order: s.order, kind: s.kind, probability: s.probability, staleDays: s.staleDays };
}

/** Add a stage (at the end of the open stages) or change one's name, probability or stale limit. */
export async function saveStage(ctx: StoreContext, input: StageInput): Promise<Stage> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const all = await ctx.db.stages.toArray();
    const live = all.filter((s) => s.deletedAt === null).sort((a, b) => a.order - b.order);
    const existing = input.id ? live.find((s) => s.id === input.id) : undefined;
    if (input.id && !existing) throw new CommandError('not-found', 'That stage no longer exists');
    const name = input.name?.trim() || null;
    if (!existing && !name) throw new CommandError('invalid', 'Name the new stage');
    if (input.probability < 0 || input.probability > 100) throw new CommandError('invalid', 'Win probability is between 0 and 100 %');
    if (input.staleDays !== null && (!Number.isInteger(input.staleDays) || input.staleDays < 1 || input.staleDays > 3650)) {
      throw new CommandError('invalid', 'Stale after is a whole number of days from 1 to 3650, or empty for never');
    }
    let stage: Stage;
    if (existing) {
      stage = { ...existing, name, probability: input.probability, staleDays: input.staleDays, updatedAt: ctx.now() };
    } else {
      const lastOpen = live.filter((s) => s.kind === 'open').at(-1);
      const order = lastOpen ? lastOpen.order + 1 : 0;
      // Make room after the last open stage so won and lost stay at the end.
      for (const s of live.filter((x) => x.order >= order)) {
        const moved = { ...s, order: s.order + 1, updatedAt: ctx.now() };
        await ctx.db.stages.put(moved);
        await enqueue(ctx, 'stage', 'upsert', s.id, { order: moved.order });
      }
      stage = {
        id: ctx.newId(),
        teamId: ctx.teamId,
        key: keyFor(name!, new Set(all.map((s) => s.key))),
        name,
        order,
        kind: input.kind ?? 'open',
        probability: input.probability,
        staleDays: input.staleDays,
        updatedAt: ctx.now(),
        deletedAt: null,
      };
    }
    await ctx.db.stages.put(stage);
    await enqueue(
      ctx,
      'stage',
      'upsert',
      stage.id,
      existing ? { name, probability: stage.probability, staleDays: stage.staleDays } : stageFields(stage),
    );
    return stage;
  });
}

/** Swap a stage with its neighbour (-1 earlier, +1 later). */
export async function reorderStage(ctx: StoreContext, id: string, delta: -1 | 1): Promise<void> {
  await ctx.db.transaction('rw', tables(ctx), async () => {
    const live = (await listStages(ctx)).sort((a, b) => a.order - b.order);
    const i = live.findIndex((s) => s.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= live.length) return;
    const a = live[i]!;
    const b = live[j]!;
    for (const [s, order] of [
      [a, b.order],
      [b, a.order],
    ] as const) {
      await ctx.db.stages.put({ ...s, order, updatedAt: ctx.now() });
      await enqueue(ctx, 'stage', 'upsert', s.id, { order });
    }
  });
}

/** Remove a stage; its prospects move to `reassignTo` first (each move a stage change, as always). */
export async function removeStage(ctx: StoreContext, id: string, reassignTo: string): Promise<number> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const live = await listStages(ctx);
    const stage = live.find((s) => s.id === id);
    if (!stage) throw new CommandError('not-found', 'That stage no longer exists');
    const target = live.find((s) => s.key === reassignTo && s.id !== id);
    if (!target) throw new CommandError('invalid', 'Choose another stage for its prospects');
    if (live.length <= 2) throw new CommandError('invalid', 'A pipeline needs at least two stages');
    const holders = await ctx.db.prospects.where('stageId').equals(id).toArray();
    let moved = 0;
    for (const p of holders) {
      if (p.deletedAt !== null) continue;
      await setStage(ctx, p.id, target.key);
      moved++;
    }
    await ctx.db.stages.put({ ...stage, deletedAt: ctx.now(), updatedAt: ctx.now() });
    await enqueue(ctx, 'stage', 'delete', id, { deletedAt: ctx.now() });
    return moved;
  });
}

/** New rules apply to everyone: settings saved, then every live prospect rescored (queued only if it moved). */
export async function saveSettings(ctx: StoreContext, settings: TeamSettings): Promise<number> {
  await ctx.db.transaction('rw', tables(ctx), async () => {
    await ctx.db.meta.put({ key: SETTINGS_KEY, value: settings });
    await enqueue(ctx, 'team_settings', 'upsert', ctx.teamId, { ...settings });
  });
  let changed = 0;
  const ids = await ctx.db.prospects.toCollection().primaryKeys();
  for (let i = 0; i < ids.length; i += 500) {
    await ctx.db.transaction('rw', tables(ctx), async () => {
      for (const id of ids.slice(i, i + 500)) {
        const p = await ctx.db.prospects.get(id);
        if (!p || p.deletedAt !== null) continue;
        const scored = await rescore(ctx, p);
        if (sameScore(scored, p)) continue;
        await ctx.db.prospects.put({ ...p, ...scored, updatedAt: ctx.now() });
        await enqueue(ctx, 'prospect', 'upsert', p.id, scoreFields(p, scored));
        changed++;
      }
    });
  }
  return changed;
}
