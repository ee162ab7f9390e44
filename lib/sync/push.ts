// Sending the outbox: batches through sync_push, each entry removed only once the server has
// answered for it. A batch that gets no answer stays whole and is sent again with the same
// mutation ids, which the server recognises as duplicates (supabase/README.md "sync_push").
//
// A batch the server refuses as a whole because of what is in it (invalid input such as text its
// jsonb cannot hold, a value out of range, a batch too large) is split in halves until the change
// responsible is found; that change is quarantined (lib/sync/quarantine.ts) and everything else goes
// out. One bad change can never hold the queue behind it.
import type { OutboxEntry } from '../model';
import type { StoreContext } from '../store/context';
import { markSent } from '../store/outbox';
import { adoptionHolds, restoreRefusedCompanyDeletes, slugHolder, type CompanyConflict } from './company-conflicts';
import { toWire } from './map-out';
import { holdDependants, quarantine, type HeldIssue } from './quarantine';
import { SyncError, type SyncTransport } from './transport';
import type { PushResult, WireMutation } from './wire';

export const PUSH_BATCH = 500;

/** A prospect this device created that the server says already exists under another id. */
export interface IdentityConflict {
  localId: string;
  remoteId: string;
}

export interface PushRound {
  sent: number;
  rejected: number;
  /** Changes set aside because a whole call failed on them (with what was queued behind them for the same record). */
  quarantined: number;
  conflicts: IdentityConflict[];
  /** Companies this device added that the team already has (the same LinkedIn page): adopted after a pull. */
  companyConflicts?: CompanyConflict[];
}

/**
 * Whether a refused call is about its content, so a smaller batch may go through: PostgREST's 4xx
 * for invalid input (22xxx data exceptions, 23xxx constraints, P0001 raised checks all land here),
 * plus program limits (54xxx) and a statement timeout that a smaller batch can avoid. Not: no answer,
 * auth, permission, a missing function (404: the project is not deployed right) or other 5xx.
 */
export function refusedForContent(err: unknown): err is SyncError {
  if (!(err instanceof SyncError)) return false;
  if (err.kind === 'invalid') return err.status !== 404 && !(err.code ?? '').startsWith('PGRST');
  if (err.kind === 'server') return /^(22|23|54)/.test(err.code ?? '') || err.code === '57014';
  return false;
}

function refersTo(e: OutboxEntry, ids: ReadonlySet<string>): boolean {
  return ids.has(e.entityId) || (typeof e.fields.prospectId === 'string' && ids.has(e.fields.prospectId));
}

const isCreate = (e: OutboxEntry) => e.entity === 'prospect' && e.op === 'upsert' && 'createdAt' in e.fields;

async function settle(ctx: StoreContext, entries: OutboxEntry[], results: Map<string, PushResult>): Promise<PushRound> {
  const conflicts: IdentityConflict[] = [];
  for (const e of entries) {
    const r = results.get(e.mutationId);
    if (r?.status === 'rejected' && r.code === 'conflict' && r.conflict_id && isCreate(e)) {
      conflicts.push({ localId: e.entityId, remoteId: r.conflict_id });
    }
  }
  const merging = new Set(conflicts.map((c) => c.localId));
  const adoption = adoptionHolds(entries, results);
  let rejected = 0;
  await ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, async () => {
    const done: number[] = [];
    for (const e of entries) {
      const r = results.get(e.mutationId);
      if (!r) continue;
      if (r.status !== 'rejected') {
        done.push(e.seq!);
        continue;
      }
      // What depended on a duplicate prospect is re-pointed at the server's one and sent again.
      if (refersTo(e, merging) && !(isCreate(e) && merging.has(e.entityId))) continue;
      // A company the team already has, and what refers to it: re-pointed at the team's and sent again.
      if (adoption.holds(e)) continue;
      done.push(e.seq!);
      if (isCreate(e) && merging.has(e.entityId)) continue;
      rejected++;
      const issue: HeldIssue = {
        at: ctx.now(),
        mutationId: e.mutationId,
        entity: e.entity,
        entityId: e.entityId,
        code: (r.code ?? 'rejected').slice(0, 40),
        reason: (r.reason ?? 'refused by the server').slice(0, 500),
        quarantined: false,
        // Kept so the rep can send it again (e.g. after an admin fixed the team's stages).
        entries: [e],
      };
      await ctx.db.syncIssues.add(issue);
    }
    await ctx.db.outbox.bulkDelete(done);
  });
  await restoreRefusedCompanyDeletes(ctx, entries, results);
  return { sent: entries.length, rejected, quarantined: 0, conflicts, companyConflicts: adoption.conflicts };
}

/** One outcome of sending a slice of a batch. */
interface SliceOutcome {
  round: PushRound;
  /** A change was quarantined: the outbox changed under the batch, so read it again. */
  reread: boolean;
}

/**
 * Sends `entries`; when the call is refused for its content, halves the slice until the one change
 * responsible is alone, and quarantines it. An empty call first proves the refusal is about that
 * change and not the call itself (e.g. a server that refuses every batch): then nothing is set aside.
 */
async function sendSlice(
  ctx: StoreContext,
  transport: SyncTransport,
  entries: OutboxEntry[],
  wire: WireMutation[],
  callWorks: () => Promise<boolean>,
): Promise<SliceOutcome> {
  let results: PushResult[];
  try {
    results = await transport.push(ctx.teamId, wire);
  } catch (err) {
    if (!refusedForContent(err)) throw err;
    if (entries.length === 1) {
      // A whole call refused over a company page the team already has is that conflict, not bad data.
      const holder = slugHolder(entries[0]!, err.code, err.message);
      if (holder) {
        const companyConflicts = [{ localId: entries[0]!.entityId, remoteId: holder }];
        return { round: { sent: 0, rejected: 0, quarantined: 0, conflicts: [], companyConflicts }, reread: false };
      }
      if (!(await callWorks())) throw err;
      const held = await quarantine(ctx, entries[0]!, err.code ?? `HTTP ${err.status ?? 0}`, err.message);
      return { round: { sent: 0, rejected: 0, quarantined: held, conflicts: [] }, reread: true };
    }
    const half = Math.ceil(entries.length / 2);
    const first = await sendSlice(ctx, transport, entries.slice(0, half), wire.slice(0, half), callWorks);
    if (first.reread || first.round.conflicts.length || first.round.companyConflicts?.length) return first;
    const second = await sendSlice(ctx, transport, entries.slice(half), wire.slice(half), callWorks);
    return {
      round: {
        sent: first.round.sent + second.round.sent,
        rejected: first.round.rejected + second.round.rejected,
        quarantined: second.round.quarantined,
        conflicts: second.round.conflicts,
        companyConflicts: second.round.companyConflicts ?? [],
      },
      reread: second.reread,
    };
  }
  const round = await settle(ctx, entries, new Map(results.map((r) => [r.mutation_id, r])));
  return { round, reread: false };
}

/**
 * Pushes batches until the outbox is empty or a batch reveals identity conflicts (those need a pull
 * and a local merge first). Throws a SyncError when a call fails; the outbox is then unchanged.
 */
export async function pushOutbox(ctx: StoreContext, transport: SyncTransport, batchSize = PUSH_BATCH): Promise<PushRound> {
  const total: PushRound = { sent: 0, rejected: 0, quarantined: 0, conflicts: [], companyConflicts: [] };
  let probed: boolean | null = null;
  const callWorks = async () => {
    if (probed === null) {
      try {
        await transport.push(ctx.teamId, []);
        probed = true;
      } catch {
        probed = false;
      }
    }
    return probed;
  };
  for (;;) {
    const queued = await ctx.db.outbox.orderBy('seq').limit(batchSize).toArray();
    if (queued.length === 0) return total;
    const entries = await holdDependants(ctx, queued);
    total.quarantined += queued.length - entries.length;
    const wire: WireMutation[] = [];
    const silent: number[] = [];
    const sendable: OutboxEntry[] = [];
    for (const e of entries) {
      const m = toWire(e);
      if (m) {
        wire.push(m);
        sendable.push(e);
      } else silent.push(e.seq!);
    }
    if (silent.length) await ctx.db.outbox.bulkDelete(silent);
    if (wire.length === 0) continue;
    // From here these may reach the server: later writes no longer add to them (lib/store/outbox-coalesce.ts).
    await markSent(ctx, Math.max(...sendable.map((e) => e.seq!)));
    const { round } = await sendSlice(ctx, transport, sendable, wire, callWorks);
    total.sent += round.sent;
    total.rejected += round.rejected;
    total.quarantined += round.quarantined;
    if (round.conflicts.length || round.companyConflicts?.length) {
      total.conflicts.push(...round.conflicts);
      total.companyConflicts!.push(...(round.companyConflicts ?? []));
      return total;
    }
  }
}

export function pendingCount(ctx: StoreContext): Promise<number> {
  return ctx.db.outbox.count();
}
