// Prospects from a CSV file, through the store: the plan (lib/io/import-plan.ts) is made against the
// prospects as they are at that moment and applied in the same IndexedDB transaction, so a capture
// arriving between preview and import cannot be doubled, and a refused file leaves nothing behind.
//
// Writes follow captureProspect's rules (a match updates, blanks never erase, a slug is never
// replaced, addresses are only added) plus what a file may also say: source, stage and deal value.
// Every new or changed prospect and every stage change is queued in the outbox like any capture.
import { PROSPECT_PLAYBOOK_DEFAULTS, ProspectSchema, type OutboxEntity, type OutboxEntry, type Prospect, type StageChange } from '../model';
import type { TeamSettings } from '../model/settings';
import type { Source } from '../model/enums';
import { planImport, type ColumnMapping, type ExistingProspect, type ImportFile, type ImportPlan, type StageRef } from '../io/import-plan';
import { nextMqlAt } from '../pipeline/gates';
import { computeScore } from '../pipeline/score';
import { temperatureFor } from '../pipeline/temperature';
import { formatHlc, tickHlc, type HlcState } from '../sync/hlc';
import { stageChange, tables } from './commands';
import type { StoreContext } from './context';
import { invalidateOverdue } from './overdue';
import { entryStage, listStages } from './queries';
import { scoreFields } from './score';
import { teamSettings } from './settings';

export interface ImportOptions {
  mapping?: ColumnMapping;
  skipBadRows: boolean;
  defaultSource?: Source;
  /** Other names a rep may write for a stage (the default names in each language), by stage key. */
  stageNames?: (key: string) => readonly string[];
}

export class ImportError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(
      plan.fileErrors[0]?.message ??
        `${plan.badRows} ${plan.badRows === 1 ? 'row has' : 'rows have'} errors; fix them or choose to skip bad rows`,
    );
  }
}

export interface ImportOutcome {
  plan: ImportPlan;
  created: Prospect[];
  updated: Prospect[];
}

interface Snapshot {
  byId: Map<string, Prospect>;
  bySlug: Map<string, string>;
  byEmail: Map<string, string>;
  stageKeyOf: Map<string, string>;
  stages: StageRef[];
}

/** Live prospects only: deleted ones do not hold their keys (as in findByIdentity). */
async function snapshot(ctx: StoreContext, stageNames: ImportOptions['stageNames']): Promise<Snapshot> {
  const stages = await listStages(ctx);
  const live = await ctx.db.prospects.filter((p) => p.deletedAt === null).toArray();
  const byId = new Map(live.map((p) => [p.id, p]));
  const bySlug = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const p of live) {
    if (p.slug) bySlug.set(p.slug, p.id);
    for (const e of p.emails) byEmail.set(e, p.id);
  }
  return {
    byId,
    bySlug,
    byEmail,
    stageKeyOf: new Map(stages.map((s) => [s.id, s.key])),
    stages: stages.map((s) => ({ key: s.key, names: [...(s.name ? [s.name] : []), ...(stageNames?.(s.key) ?? [])] })),
  };
}

function plan(file: ImportFile, snap: Snapshot, options: ImportOptions): ImportPlan {
  return planImport(file, {
    stages: snap.stages,
    mapping: options.mapping,
    skipBadRows: options.skipBadRows,
    defaultSource: options.defaultSource,
    existing: {
      idBySlug: (slug) => snap.bySlug.get(slug),
      idByEmail: (email) => snap.byEmail.get(email),
      get: (id): ExistingProspect | undefined => {
        const p = snap.byId.get(id);
        return p && { ...p, stageKey: snap.stageKeyOf.get(p.stageId) ?? null };
      },
    },
  });
}

/** What importing would do, against the store as it is now; writes nothing. */
export async function previewImport(ctx: StoreContext, file: ImportFile, options: ImportOptions): Promise<ImportPlan> {
  return plan(file, await snapshot(ctx, options.stageNames), options);
}

/** The outbox entries of one import, with one clock read and one clock write instead of one per row. */
class Queue {
  readonly entries: OutboxEntry[] = [];
  private clock: HlcState;
  constructor(
    private readonly ctx: StoreContext,
    start: HlcState,
  ) {
    this.clock = start;
  }
  add(entity: OutboxEntity, entityId: string, fields: Record<string, unknown>): void {
    this.clock = tickHlc(this.clock, this.ctx.now());
    this.entries.push({
      mutationId: this.ctx.newId(),
      entity,
      op: 'upsert',
      entityId,
      fields,
      hlc: formatHlc(this.clock, this.ctx.nodeId),
      createdAt: this.ctx.now(),
    });
  }
  get state(): HlcState {
    return this.clock;
  }
}

const HLC_KEY = 'hlc';

function scored(p: Prospect, settings: TeamSettings, touches: Parameters<typeof computeScore>[0]['touches'], now: number) {
  const { score, breakdown } = computeScore({ ...p, touches, manualAdjustment: p.scoreAdjustment }, now, settings.scoringRules);
  return { score, scoreBreakdown: breakdown, mqlAt: nextMqlAt(p.mqlAt, score, settings.mqlThreshold, now) };
}

/**
 * Applies the file in one transaction, or throws ImportError (nothing written) when the plan made
 * now is not importable: a bad row without "skip bad rows", or a file-level problem.
 */
export async function applyImport(ctx: StoreContext, file: ImportFile, options: ImportOptions): Promise<ImportOutcome> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const snap = await snapshot(ctx, options.stageNames);
    const p = plan(file, snap, options);
    if (!p.importable) throw new ImportError(p);
    const now = ctx.now();
    const settings = await teamSettings(ctx);
    const stages = await listStages(ctx);
    const stageByKey = new Map(stages.map((s) => [s.key, s]));
    // Where a capture would start them, unless the file names a stage.
    const first = await entryStage(ctx);
    const hlc = ((await ctx.db.meta.get(HLC_KEY))?.value as HlcState | undefined) ?? { millis: 0, counter: 0 };
    const queue = new Queue(ctx, hlc);
    const changes: StageChange[] = [];
    const created: Prospect[] = [];
    const updated: Prospect[] = [];

    for (const c of p.creates) {
      const r = c.record;
      const stage = (r.stageKey && stageByKey.get(r.stageKey)) || first;
      const draft: Prospect = {
        id: ctx.newId(),
        teamId: ctx.teamId,
        slug: r.slug,
        emails: r.emails,
        name: r.name,
        headline: r.headline,
        title: r.title,
        company: r.company,
        location: r.location,
        photoUrl: null,
        linkedinUrl: r.linkedinUrl,
        source: r.source,
        temperature: temperatureFor(r.source),
        temperatureSet: false,
        stageId: stage.id,
        stageEnteredAt: now,
        score: 0,
        scoreBreakdown: [],
        ownerId: ctx.userId,
        ...PROSPECT_PLAYBOOK_DEFAULTS,
        dealValue: r.dealValue,
        lastTouchAt: null,
        touchCount: 0,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      const prospect = ProspectSchema.parse({ ...draft, ...scored(draft, settings, [], now) });
      const change = stageChange(ctx, prospect.id, null, stage.id, now);
      created.push(prospect);
      changes.push(change);
      const { id: _id, ...fields } = prospect;
      queue.add('prospect', prospect.id, fields);
      queue.add('stage_change', change.id, { ...change });
    }

    for (const u of p.updates) {
      const before = snap.byId.get(u.id)!;
      const { addEmails, stageKey, ...fieldChanges } = u.changes;
      const patch: Partial<Prospect> = { ...fieldChanges };
      if (addEmails?.length) patch.emails = [...before.emails, ...addEmails];
      if (fieldChanges.source !== undefined && !before.temperatureSet) patch.temperature = temperatureFor(fieldChanges.source);
      const stage = stageKey ? stageByKey.get(stageKey) : undefined;
      let change = null;
      if (stage && stage.id !== before.stageId) {
        patch.stageId = stage.id;
        patch.stageEnteredAt = now;
        change = stageChange(ctx, before.id, before.stageId, stage.id, now);
      }
      const merged = ProspectSchema.parse({ ...before, ...patch, updatedAt: now });
      const touches = await ctx.db.touches.where('prospectId').equals(before.id).toArray();
      const score = scored(merged, settings, touches, now);
      const next: Prospect = { ...merged, ...score };
      updated.push(next);
      queue.add('prospect', next.id, { ...patch, ...scoreFields(before, score) });
      if (change) {
        changes.push(change);
        queue.add('stage_change', change.id, { ...change });
      }
    }

    await ctx.db.prospects.bulkAdd(created);
    await ctx.db.prospects.bulkPut(updated);
    await ctx.db.stageChanges.bulkAdd(changes);
    await ctx.db.outbox.bulkAdd(queue.entries);
    if (queue.entries.length) await ctx.db.meta.put({ key: HLC_KEY, value: queue.state });
    // Bulk writers bypass the incremental overdue count (lib/store/overdue.ts).
    await invalidateOverdue(ctx);
    return { plan: p, created, updated };
  });
}
