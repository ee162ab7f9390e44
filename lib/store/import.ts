// Prospects from a CSV file, through the store: the plan (lib/io/import-plan.ts) is made against the
// prospects as they are at that moment, and a refused file (a bad row, a file-level problem) leaves
// nothing behind.
//
// A big file is planned and written in slices with a pause between them (`ImportRun`): 100,000 rows
// take seconds, and the service worker that runs this must keep answering chips meanwhile. So the
// writes are one transaction per slice, not one for the file, and each slice looks again at the
// identity keys it is about to take: someone clipped while the import runs is not doubled (the row is
// left to the clip; importing the file again merges it). An interrupted import is safe to run again.
//
// Writes follow captureProspect's rules (a match updates, blanks never erase, a slug is never
// replaced, addresses are only added) plus what a file may also say: source, stage (recorded in the
// stage history at the row's date when it gives one) and deal value, and LinkedIn's "Connected On" as
// a dated connection touch. Every new or changed prospect, stage change and touch is queued in the
// outbox like any capture.
import {
  PROSPECT_PLAYBOOK_DEFAULTS,
  ProspectSchema,
  TouchSchema,
  type OutboxEntity,
  type OutboxEntry,
  type Prospect,
  type StageChange,
  type Touch,
} from '../model';
import type { TeamSettings } from '../model/settings';
import type { Source } from '../model/enums';
import { planImport, planImportInChunks, type ColumnMapping, type ExistingProspect, type ImportFile, type ImportPlan, type PlanOptions, type StageRef } from '../io/import-plan';
import { nextMqlAt } from '../pipeline/gates';
import { computeScore } from '../pipeline/score';
import { temperatureFor } from '../pipeline/temperature';
import { formatHlc, tickHlc, type HlcState } from '../sync/hlc';
import { stageChange } from './commands';
import type { StoreContext } from './context';
import { PROSPECTS_STAMP_KEY } from './change-stamp';
import { queueEntries, queuesForSync } from './outbox';
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
  /** Planned creates whose LinkedIn URL or address someone else took while the import ran. */
  raced: number;
}

export interface ImportProgress {
  phase: 'checking' | 'importing';
  done: number;
  total: number;
}

/** A page's lookup starting, awaited while a slice writes: `promise` resolves when one starts; `stop` once done with it. */
export interface LookupStart {
  promise: Promise<void>;
  stop: () => void;
}

/** How a long import shares the thread: rows per slice, what to await between slices, progress, cancel. */
export interface ImportRun {
  chunk?: number;
  /** Rows per slice of the dry run (it writes nothing, so slices may be larger); default `chunk`. */
  planChunk?: number;
  pause?: () => Promise<void>;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Aim each write slice's transaction at about this many milliseconds: the rows per slice follow how
   * fast the last slices went (at most `chunk`). A chip's lookup that arrives mid-import waits for the
   * one transaction holding the prospects, so that wait is what this bounds, on a fast or a slow,
   * busy machine alike; a fixed row count was 220 ms a slice on a 2-core laptop. Unset: `chunk` rows.
   */
  sliceMs?: number;
  /**
   * A page's lookup starting (a chip, a list's marks), for a slice to give way to: it resolves when one
   * starts, or never; the slice calls `stop` when done with it. With it, a slice of new people is written
   * in steps of GIVE_WAY_STEP rows, and a lookup starting mid-slice ends the slice at the step written:
   * those rows commit whole and the rest come next (see GIVE_WAY_STEP).
   */
  giveWay?: () => LookupStart;
  /** Where slice times are read from (milliseconds); default performance.now. */
  clock?: () => number;
  /**
   * Cancel: looked at between slices. A dry run stops with nothing to show; an import stops after the
   * slice being written commits, and ImportCancelled says what is in (see applyImport).
   */
  signal?: AbortSignal;
}

/**
 * The rep cancelled. During the dry run nothing was written (`outcome` null); during the import every
 * slice before the cancel is in, whole, and nothing after it: `outcome` counts what went in. Importing
 * the same file again carries on where it stopped, since rows already in match and come out unchanged.
 */
export class ImportCancelled extends Error {
  constructor(readonly outcome: ImportOutcome | null) {
    super('The import was cancelled');
  }
}

/** A slice written before its stamp was read found that someone else wrote meanwhile: it is rolled back and written again. */
class Raced extends Error {}

const WRITE_CHUNK = 1000;
/**
 * The fewest rows a timed slice writes. A transaction's commit costs about what 60 rows' writes do in
 * Chromium (scripts/idb-cost.mts: 20–25 ms a commit on the 2-core machine under load, 0.4 ms a row),
 * so slices much smaller than this would spend more on commits than on rows, slowing the import
 * twofold for a chip that waits for the commit anyway.
 */
const MIN_TIMED_SLICE = 100;
/** A timed import's first slice, before anything was measured. */
const FIRST_TIMED_SLICE = 100;
/**
 * Rows a slice asks the database for at once when it may give way to a lookup (ImportRun.giveWay).
 * Chromium's IndexedDB answers one context's requests after another's in the order asked, and a slice
 * holds the prospects until it commits, so a chip's lookup that starts mid-slice waited for every write
 * the slice had asked for and its commit: most of a chip's time during an import on the 2-core machine.
 * Asked for a step at a time, the slice stops asking when a lookup starts and commits what it wrote,
 * and the lookup's reads, queued before the next slice's, go first. 100,000 rows with a chip every
 * 300 ms, in turns with whole slices (scripts/import-ab.mts, two runs, load 3–5): chip median
 * 51.4 / 63.0 → 40.1 / 48.7 ms, p95 95 / 112 → 68 / 87, apply 67 / 84 → 80 / 96 s. Two steps in flight
 * gained no apply time and cost the chips it was for; steps of 20 rows, then a pause for the lookup,
 * cost more apply time for the same chips. The slice after one cut short is written whole, so lookups in
 * a stream slow an import but never shrink its slices to a step.
 */
export const GIVE_WAY_STEP = 40;

/**
 * The rows of the next timed slice (ImportRun.sliceMs): as many as the last slice's pace fits into the
 * target, growing at most twofold a step (one quick slice proves little), never under
 * MIN_TIMED_SLICE nor over `max`.
 */
export function nextSliceRows(rows: number, tookMs: number, targetMs: number, max: number): number {
  const fit = tookMs > 0 ? Math.floor((rows * targetMs) / tookMs) : rows * 2;
  return Math.max(MIN_TIMED_SLICE, Math.min(max, rows * 2, fit));
}

interface Snapshot {
  now: number;
  /**
   * The prospects' change stamp (./change-stamp.ts) read before the rows: while it is the same, no
   * context wrote a prospect since, so what was planned against these rows still holds.
   */
  stamp: string | undefined;
  /** Connection touches' times by prospect, read only when the file has a "Connected On" column. */
  connectedAt: Map<string, number[]>;
  byId: Map<string, Prospect>;
  bySlug: Map<string, string>;
  byEmail: Map<string, string>;
  byMemberId: Map<string, string>;
  stageKeyOf: Map<string, string>;
  stages: StageRef[];
}

/** Live prospects only: deleted ones do not hold their keys (as in findByIdentity). */
async function snapshot(ctx: StoreContext, stageNames: ImportOptions['stageNames'], withConnections: boolean): Promise<Snapshot> {
  const stamp = await prospectsStamp(ctx);
  const stages = await listStages(ctx);
  const connectedAt = new Map<string, number[]>();
  if (withConnections) {
    await ctx.db.touches.each((t) => {
      if (t.channel === 'connection_request') connectedAt.set(t.prospectId, [...(connectedAt.get(t.prospectId) ?? []), t.occurredAt]);
    });
  }
  // The whole table in one read (getAll), tombstones dropped here: a Dexie filter walks a cursor row by row.
  const live = (await ctx.db.prospects.toArray()).filter((p) => p.deletedAt === null);
  const byId = new Map(live.map((p) => [p.id, p]));
  const bySlug = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const byMemberId = new Map<string, string>();
  for (const p of live) {
    if (p.slug) bySlug.set(p.slug, p.id);
    if (p.memberId) byMemberId.set(p.memberId, p.id);
    for (const e of p.emails) byEmail.set(e, p.id);
  }
  return {
    now: ctx.now(),
    stamp,
    connectedAt,
    byId,
    bySlug,
    byEmail,
    byMemberId,
    stageKeyOf: new Map(stages.map((s) => [s.id, s.key])),
    stages: stages.map((s) => ({ key: s.key, names: [...(s.name ? [s.name] : []), ...(stageNames?.(s.key) ?? [])] })),
  };
}

/**
 * The prospects' change stamp now; undefined while no prospect was ever written (a new store). Every
 * context writes through the stamping middleware, and a restore, which passes it by, leaves a new stamp
 * (./restore-stream.ts), so an unchanged stamp, undefined included, means nobody wrote a prospect since.
 */
async function prospectsStamp(ctx: StoreContext): Promise<string | undefined> {
  const v = (await ctx.db.caches.get(PROSPECTS_STAMP_KEY))?.value;
  return typeof v === 'string' ? v : undefined;
}

function planOptions(snap: Snapshot, options: ImportOptions): PlanOptions {
  return {
    stages: snap.stages,
    mapping: options.mapping,
    skipBadRows: options.skipBadRows,
    defaultSource: options.defaultSource,
    now: snap.now,
    existing: {
      idBySlug: (slug) => snap.bySlug.get(slug),
      idByEmail: (email) => snap.byEmail.get(email),
      idByMemberId: (memberId) => snap.byMemberId.get(memberId),
      get: (id): ExistingProspect | undefined => {
        const p = snap.byId.get(id);
        return p && { ...p, stageKey: snap.stageKeyOf.get(p.stageId) ?? null, connectedAt: snap.connectedAt.get(id) ?? [] };
      },
    },
  };
}

async function plan(file: ImportFile, snap: Snapshot, options: ImportOptions, run: ImportRun | undefined): Promise<ImportPlan> {
  if (!run?.pause) return planImport(file, planOptions(snap, options));
  const pause = run.pause;
  return planImportInChunks(file, planOptions(snap, options), {
    chunk: run.planChunk ?? run.chunk,
    pause: async () => {
      await pause();
      if (run.signal?.aborted) throw new ImportCancelled(null);
    },
    onProgress: (p) => run.onProgress?.({ phase: 'checking', ...p }),
  });
}

/** What importing would do, against the store as it is now; writes nothing. */
export async function previewImport(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<ImportPlan> {
  return (await planned(ctx, file, options, run)).plan;
}

/**
 * A dry run's plan with the change stamp it was made at. Handed back to applyImport, it is used as it
 * is while no prospect was written since (the stamp is unchanged): a 100,000-row file is then planned
 * once, in the dry run, instead of once more when the rep clicks Import.
 */
export interface PlannedImport {
  readonly file: ImportFile;
  readonly options: ImportOptions;
  readonly plan: ImportPlan;
  readonly stamp: string | undefined;
}

/** The dry run, keeping what applyImport needs to reuse it (see PlannedImport). */
export async function planned(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<PlannedImport> {
  const snap = await snapshot(ctx, options.stageNames, mapsConnections(file, options));
  return { file, options, plan: await plan(file, snap, options, run), stamp: snap.stamp };
}

function mapsConnections(file: ImportFile, options: ImportOptions): boolean {
  return (options.mapping ?? file.mapping).includes('connectedOn');
}

/** Whether two runs over `file` ask for the same thing (no mapping: the one guessed for the file). */
function sameOptions(file: ImportFile, a: ImportOptions, b: ImportOptions): boolean {
  return (
    a.skipBadRows === b.skipBadRows &&
    a.defaultSource === b.defaultSource &&
    JSON.stringify(a.mapping ?? file.mapping) === JSON.stringify(b.mapping ?? file.mapping)
  );
}

/** LinkedIn's "Connected On" as a touch: a connection, by the rep, on that day. */
function connectionTouch(ctx: StoreContext, prospectId: string, at: number, now: number): Touch {
  return TouchSchema.parse({
    id: ctx.newId(),
    teamId: ctx.teamId,
    prospectId,
    channel: 'connection_request',
    direction: 'out',
    note: null,
    occurredAt: at,
    createdAt: now,
    byId: ctx.userId,
  });
}

/** The outbox entries of one import, with one clock read and one clock write instead of one per row. */
class Queue {
  readonly entries: OutboxEntry[] = [];
  private clock: HlcState;
  constructor(
    private readonly ctx: StoreContext,
    start: HlcState,
    /** False in local mode, where nothing is queued (queuesForSync): no entry is even built. */
    private readonly queuing: boolean,
  ) {
    this.clock = start;
  }
  add(entity: OutboxEntity, entityId: string, fields: Record<string, unknown>): void {
    if (!this.queuing) return;
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
 * Applies the file, or throws ImportError (nothing written) when the plan made now is not importable:
 * a bad row without "skip bad rows", or a file-level problem. Written in slices (see the top).
 */
export async function applyImport(
  ctx: StoreContext,
  file: ImportFile,
  options: ImportOptions,
  run: ImportRun = {},
  dryRun?: PlannedImport,
): Promise<ImportOutcome> {
  // The dry run's plan while nothing changed since (same file, same choices, same stamp); else a new one.
  const reuse = dryRun && dryRun.file === file && sameOptions(file, dryRun.options, options) && dryRun.stamp === (await prospectsStamp(ctx));
  const fresh = reuse ? null : await planned(ctx, file, options, run);
  const p = reuse ? dryRun.plan : fresh!.plan;
  // The stamp the rows were planned at: a slice checks the keys it takes again only when it moved.
  let seenStamp = reuse ? dryRun.stamp : fresh!.stamp;
  // Once another context wrote a prospect, a key it took may be in any later slice (see the loop).
  let othersWrote = false;
  if (!p.importable) throw new ImportError(p);
  const queuing = queuesForSync(ctx);
  const settings = await teamSettings(ctx);
  const stages = await listStages(ctx);
  const stageByKey = new Map(stages.map((s) => [s.key, s]));
  // Where a capture would start them, unless the file names a stage.
  const first = await entryStage(ctx);
  const created: Prospect[] = [];
  const updated: Prospect[] = [];
  let raced = 0;
  const chunk = Math.max(1, run.chunk ?? WRITE_CHUNK);
  const clock = run.clock ?? (() => performance.now());
  let rowsPerSlice = run.sliceMs ? Math.min(chunk, FIRST_TIMED_SLICE) : chunk;
  const total = p.creates.length + p.updates.length;

  /** New prospects and their first stage change, built before the slice's transaction opens so it stays short. */
  const buildCreates = (slice: typeof p.creates) => {
    const now = ctx.now();
    return slice.map((c) => {
      const r = c.record;
      const stage = (r.stageKey && stageByKey.get(r.stageKey)) || first;
      const id = ctx.newId();
      const touch = r.connectedAt !== null ? connectionTouch(ctx, id, r.connectedAt, now) : null;
      // The row's stage date, when it gives one for the stage it names.
      const enteredAt = r.stageKey && r.stageAt !== null ? r.stageAt : now;
      const draft: Prospect = {
        id,
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
        stageEnteredAt: enteredAt,
        score: 0,
        scoreBreakdown: [],
        ownerId: ctx.userId,
        ...PROSPECT_PLAYBOOK_DEFAULTS,
        dealValue: r.dealValue,
        currency: r.currency,
        lastTouchAt: touch?.occurredAt ?? null,
        touchCount: touch ? 1 : 0,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        memberId: r.memberId,
      };
      const prospect = ProspectSchema.parse({ ...draft, ...scored(draft, settings, touch ? [touch] : [], now) });
      return { prospect, touch, change: stageChange(ctx, prospect.id, null, stage.id, enteredAt) };
    });
  };

  type Built = ReturnType<typeof buildCreates>[number];

  /**
   * Keys someone took since the snapshot (a clip while the import runs): that person is left to them.
   * Looked up only when some context wrote a prospect since (the stamp moved): two index reads a row
   * were most of a slice's time, for a race that almost never happens.
   */
  const takenKeys = async (built: Built[]): Promise<Set<string>> => {
    const taken = new Set<string>();
    const slugs = built.flatMap((b) => (b.prospect.slug ? [b.prospect.slug] : []));
    const emails = built.flatMap((b) => b.prospect.emails);
    const ids = built.flatMap((b) => (b.prospect.memberId ? [b.prospect.memberId] : []));
    // One request per key, all in flight at once: anyOf walks a cursor, one round trip per key.
    const [bySlug, byEmail, byId] = await Promise.all([
      Promise.all(slugs.map((slug) => ctx.db.prospects.where('slug').equals(slug).toArray())),
      Promise.all(emails.map((email) => ctx.db.prospects.where('emails').equals(email).toArray())),
      Promise.all(ids.map((id) => ctx.db.prospects.where('memberId').equals(id).toArray())),
    ]);
    for (const q of bySlug.flat()) if (q.deletedAt === null) taken.add(`s:${q.slug}`);
    for (const q of byEmail.flat()) if (q.deletedAt === null) for (const e of q.emails) taken.add(`e:${e}`);
    for (const q of byId.flat()) if (q.deletedAt === null) taken.add(`m:${q.memberId}`);
    return taken;
  };

  /** The slice's new prospects, their stage changes, touches and outbox entries, minus those whose keys were taken. */
  const admitCreates = (built: Built[], taken: ReadonlySet<string>, queue: Queue, changes: StageChange[], touches: Touch[], out: Prospect[]) => {
    for (const { prospect, change, touch } of built) {
      if ((prospect.slug && taken.has(`s:${prospect.slug}`)) || (prospect.memberId && taken.has(`m:${prospect.memberId}`)) || prospect.emails.some((e) => taken.has(`e:${e}`))) {
        raced++;
        continue;
      }
      out.push(prospect);
      changes.push(change);
      const { id: _id, ...fields } = prospect;
      queue.add('prospect', prospect.id, fields);
      queue.add('stage_change', change.id, { ...change });
      if (touch) {
        touches.push(touch);
        queue.add('touch', touch.id, { ...touch });
      }
    }
  };

  const writeUpdates = async (slice: typeof p.updates, queue: Queue, changes: StageChange[], newTouches: Touch[], out: Prospect[]) => {
    // The prospect as it is now, not as planned: a change made meanwhile is kept under the file's.
    const current = await ctx.db.prospects.bulkGet(slice.map((u) => u.id));
    // Each one's touches (for its score), all requested at once rather than one round trip after another.
    const touchesOf: Touch[][] = await Promise.all(
      current.map((before) => (before && before.deletedAt === null ? ctx.db.touches.where('prospectId').equals(before.id).toArray() : Promise.resolve([]))),
    );
    const now = ctx.now();
    for (let k = 0; k < slice.length; k++) {
      const u = slice[k]!;
      const before = current[k];
      if (!before || before.deletedAt !== null) continue;
      const { addEmails, stageKey, stageAt, connectedAt, ...fieldChanges } = u.changes;
      const patch: Partial<Prospect> = { ...fieldChanges };
      const newEmails = (addEmails ?? []).filter((e) => !before.emails.includes(e));
      if (newEmails.length) patch.emails = [...before.emails, ...newEmails];
      if (fieldChanges.source !== undefined && !before.temperatureSet) patch.temperature = temperatureFor(fieldChanges.source);
      const stage = stageKey ? stageByKey.get(stageKey) : undefined;
      let change = null;
      if (stage && stage.id !== before.stageId) {
        // The row's date, unless the person moved since the plan was made (then the move is now).
        const at = stageAt !== undefined && stageAt >= before.stageEnteredAt ? stageAt : now;
        patch.stageId = stage.id;
        patch.stageEnteredAt = at;
        change = stageChange(ctx, before.id, before.stageId, stage.id, at);
      }
      const touches = touchesOf[k]!;
      let touch: Touch | null = null;
      const day = (t: number) => Math.floor(t / 86_400_000);
      if (connectedAt !== undefined && !touches.some((t) => t.channel === 'connection_request' && day(t.occurredAt) === day(connectedAt))) {
        touch = connectionTouch(ctx, before.id, connectedAt, now);
        touches.push(touch);
        patch.lastTouchAt = Math.max(before.lastTouchAt ?? 0, connectedAt);
        patch.touchCount = before.touchCount + 1;
      }
      if (Object.keys(patch).length === 0) continue;
      const merged = ProspectSchema.parse({ ...before, ...patch, updatedAt: now });
      const score = scored(merged, settings, touches, now);
      const next: Prospect = { ...merged, ...score };
      out.push(next);
      queue.add('prospect', next.id, { ...patch, ...scoreFields(before, score) });
      if (change) {
        changes.push(change);
        queue.add('stage_change', change.id, { ...change });
      }
      if (touch) {
        newTouches.push(touch);
        queue.add('touch', touch.id, { ...touch });
      }
    }
  };

  // New prospects built for their slice, before its transaction opens: p.creates[readyFrom…] are
  // built, in `ready` (a slice given up on puts its rows back). They are not built ahead, while the
  // database writes the slice before: on a busy 2-core machine that work competes with the writes for
  // the processor and keeps the prospects held longer, while between two slices a chip's lookup,
  // queued during the last one, is answered.
  let ready: Built[] = [];
  let readyFrom = 0;
  const buildUpTo = (to: number) => {
    const from = readyFrom + ready.length;
    if (to > from) ready.push(...buildCreates(p.creates.slice(from, to)));
  };
  const takeCreates = (from: number, to: number): Built[] => {
    buildUpTo(to);
    const taken = ready.slice(0, to - from);
    ready = ready.slice(to - from);
    readyFrom = to;
    return taken;
  };
  const putBack = (from: number, built: Built[]) => {
    ready = [...built, ...ready];
    readyFrom = from;
  };

  /** Every write of a slice asked for at once: one wait for the database, not one per table. */
  const writeAll = (newOnes: Prospect[], changed: Prospect[], changes: StageChange[], touches: Touch[], queue: Queue, firstSlice: boolean): Promise<unknown> => {
    const d = ctx.db;
    const writes: Promise<unknown>[] = [];
    if (newOnes.length) writes.push(d.prospects.bulkAdd(newOnes));
    if (changed.length) writes.push(d.prospects.bulkPut(changed));
    if (changes.length) writes.push(d.stageChanges.bulkAdd(changes));
    if (touches.length) writes.push(d.touches.bulkAdd(touches));
    writes.push(queueEntries(ctx, queue.entries));
    if (queue.entries.length) writes.push(d.meta.put({ key: HLC_KEY, value: queue.state }));
    // Bulk writers bypass the incremental overdue count (lib/store/overdue.ts). An import writes no
    // follow-up, so resetting it with the first slice is enough; the later ones leave `meta` alone.
    if (firstSlice) writes.push(invalidateOverdue(ctx));
    const all = Promise.all(writes);
    // A slice given up on (Raced, below) aborts with these in flight: their failure is expected.
    all.catch(() => undefined);
    return all;
  };

  // Whether the slice now due follows one cut short for a lookup: it is written whole.
  let afterCut = false;
  for (let done = 0; done < total; ) {
    const end = Math.min(total, done + rowsPerSlice);
    const createsFrom = Math.min(done, p.creates.length);
    const creates = takeCreates(createsFrom, Math.min(end, p.creates.length));
    const updates = p.updates.slice(Math.max(0, done - p.creates.length), Math.max(0, end - p.creates.length));
    const d = ctx.db;
    // Only the tables this slice writes or reads (and the stamp's): a chip's lookup reads the stages,
    // the settings in `meta`, the person's touches and follow-ups besides the prospect, one request after
    // another, and each table held here would make it wait for the slice once more. Touches are needed
    // for updates (their scores) and "Connected On"; the outbox and `meta` (its clock) only in a team,
    // and `meta` in the first slice, which resets the overdue count.
    const firstSlice = done === 0;
    const withTouches = updates.length > 0 || creates.some((c) => c.touch);
    const scope = [d.prospects, d.stageChanges, d.caches, ...(withTouches ? [d.touches] : []), ...(queuing ? [d.outbox] : []), ...(queuing || firstSlice ? [d.meta] : [])];
    // The usual slice (new people, the local pipeline, nobody else writing): its writes are asked for
    // together with the stamp, before it is known, and the slice is given up (rolled back, then written
    // again checking every key) in the rare case the stamp says someone else wrote meanwhile. Until
    // the transaction holding the prospects commits, a chip's lookup waits, so no round trip to this
    // page is spent inside it that need not be.
    const optimistic = !othersWrote && !queuing && updates.length === 0;
    const started = clock();
    // A lookup starting while this slice writes (only the usual slice, whose rows stand alone, gives way).
    const lookup = optimistic && !afterCut ? (run.giveWay?.() ?? null) : null;
    let lookupStarted = false;
    void lookup?.promise.then(() => (lookupStarted = true));
    // Rows written when a lookup ended the slice early; null: the whole slice.
    let cut: number | null = null;
    try {
      await d.transaction('rw', scope, async () => {
        const stampAsked = prospectsStamp(ctx);
        const changes: StageChange[] = [];
        const touches: Touch[] = [];
        const newOnes: Prospect[] = [];
        const changed: Prospect[] = [];
        let writing: Promise<unknown> | null = null;
        let queue = new Queue(ctx, { millis: 0, counter: 0 }, false);
        if (optimistic) {
          admitCreates(creates, new Set(), queue, changes, touches, newOnes);
          if (lookup) {
            // Nothing raced here, so newOnes[k] and changes[k] are one row's: a step writes rows whole.
            const touchesOf = (rows: readonly Prospect[]) => {
              const ids = new Set(rows.map((r) => r.id));
              return touches.filter((t) => ids.has(t.prospectId));
            };
            const step = (from: number) => {
              const rows = newOnes.slice(from, from + GIVE_WAY_STEP);
              return { rows, changes: changes.slice(from, from + GIVE_WAY_STEP), touches: touchesOf(rows) };
            };
            writing = (async () => {
              const first = step(0);
              await writeAll(first.rows, changed, first.changes, first.touches, queue, firstSlice);
              for (let from = GIVE_WAY_STEP; from < newOnes.length; from += GIVE_WAY_STEP) {
                if (lookupStarted) {
                  cut = from;
                  return;
                }
                const next = step(from);
                await Promise.all([d.prospects.bulkAdd(next.rows), d.stageChanges.bulkAdd(next.changes), ...(next.touches.length ? [d.touches.bulkAdd(next.touches)] : [])]);
              }
            })();
            // As writeAll's: a slice given up on (Raced) aborts with these in flight.
            writing.catch(() => undefined);
          } else writing = writeAll(newOnes, changed, changes, touches, queue, firstSlice);
        }
        const stampNow = await stampAsked;
        // Once another context wrote a prospect, a key it took may be in any later slice: check every one from then on.
        if (stampNow !== seenStamp) othersWrote = true;
        if (optimistic && othersWrote) throw new Raced();
        if (!writing) {
          const hlc = queuing ? (((await ctx.db.meta.get(HLC_KEY))?.value as HlcState | undefined) ?? { millis: 0, counter: 0 }) : { millis: 0, counter: 0 };
          queue = new Queue(ctx, hlc, queuing);
          if (creates.length) admitCreates(creates, othersWrote ? await takenKeys(creates) : new Set(), queue, changes, touches, newOnes);
          if (updates.length) await writeUpdates(updates, queue, changes, touches, changed);
          writing = writeAll(newOnes, changed, changes, touches, queue, firstSlice);
        }
        // The stamp this slice's own writes leave (asked for after them): the next slice compares against it.
        const stampAfter = prospectsStamp(ctx);
        // Not awaited when a write fails; the transaction's failure is the one reported.
        stampAfter.catch(() => undefined);
        await writing;
        seenStamp = await stampAfter;
        // Only once the slice is committed does it count.
        for (const x of cut === null ? newOnes : newOnes.slice(0, cut)) created.push(x);
        for (const x of changed) updated.push(x);
      });
    } catch (e) {
      if (!(e instanceof Raced)) throw e;
      // Rolled back whole: the same rows again, now looking at the keys they take.
      putBack(createsFrom, creates);
      continue;
    } finally {
      lookup?.stop();
    }
    if (cut !== null) {
      // The next slice starts at the first row not written, at once (no pause, no new size: this slice's
      // pace says nothing): the lookup's reads were asked for before the next slice's writes.
      putBack(createsFrom + cut, creates.slice(cut));
      done += cut;
      afterCut = true;
      run.onProgress?.({ phase: 'importing', done, total });
      if (run.signal?.aborted) throw new ImportCancelled({ plan: p, created, updated, raced });
      continue;
    }
    afterCut = false;
    if (run.sliceMs) rowsPerSlice = nextSliceRows(end - done, clock() - started, run.sliceMs, chunk);
    done = end;
    run.onProgress?.({ phase: 'importing', done, total });
    if (done < total) await run.pause?.();
    if (done < total && run.signal?.aborted) throw new ImportCancelled({ plan: p, created, updated, raced });
  }
  return { plan: p, created, updated, raced };
}
