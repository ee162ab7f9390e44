// Changes that cannot go out: the server refused one (per item), or a whole sync_push call failed
// because of what one change held (e.g. text PostgreSQL's jsonb refuses) and the engine narrowed it
// down to that change. Either way the change leaves the send queue — nothing queued behind it ever
// waits for it — and is kept here, with the server's reason, until the rep retries or discards it.
// The local store keeps the edited rows in both cases; only their trip to the server is on hold.
import type { OutboxEntry } from '../model';
import { wellFormedDeep } from '../model/text';
import type { StoreContext } from '../store/context';
import type { SyncIssue } from '../store/db';

/** A sync issue with the changes it holds back (absent for issues recorded before quarantine existed). */
export interface HeldIssue extends SyncIssue {
  /** True when the whole call failed and the engine set this change aside, rather than a per-item refusal. */
  quarantined?: boolean;
  /** The refused change first, then queued changes to the same record that were held back with it, in order. */
  entries?: OutboxEntry[];
}

/** What options lists for each issue. */
export interface IssueView {
  id: number;
  at: number;
  entity: string;
  entityId: string;
  code: string;
  reason: string;
  /** Set aside by the engine because a whole sync_push call failed on it (not a per-item refusal). */
  quarantined: boolean;
  /** How many queued changes come back to the queue on retry (0: nothing to retry). */
  held: number;
}

const reasonOf = (s: string | null | undefined, fallback: string) => (s && s.trim() ? s : fallback).slice(0, 500);

function refersTo(e: OutboxEntry, entityId: string): boolean {
  return e.entityId === entityId || e.fields.prospectId === entityId;
}

/** A change that creates its record (what the server has nothing of until it lands). */
const creates = (e: OutboxEntry) => e.op === 'upsert' && 'createdAt' in e.fields;

/**
 * Inside a transaction over outbox and syncIssues: takes `entry` out of the send queue and records it
 * as an issue. When it creates its record, the later queued changes to that record (and to what hangs
 * on it: a prospect's touches, follow-ups, stage changes) go with it — without the record the server
 * would refuse them — and so do changes queued later (pushOutbox, holdDependants). A mere edit is held
 * alone: the record exists on the server, so later edits still sync. Returns how many were set aside.
 */
export async function holdBack(
  ctx: StoreContext,
  entry: OutboxEntry,
  why: { code: string; reason: string; quarantined: boolean },
): Promise<number> {
  const later = creates(entry)
    ? (await ctx.db.outbox.where('seq').above(entry.seq ?? -1).toArray()).filter((e) => refersTo(e, entry.entityId))
    : [];
  const entries = [entry, ...later];
  await ctx.db.outbox.bulkDelete(entries.map((e) => e.seq!).filter((s) => s !== undefined));
  const issue: HeldIssue = {
    at: ctx.now(),
    mutationId: entry.mutationId,
    entity: entry.entity,
    entityId: entry.entityId,
    code: reasonOf(why.code, 'rejected').slice(0, 40),
    reason: reasonOf(why.reason, 'refused by the server'),
    quarantined: why.quarantined,
    entries,
  };
  await ctx.db.syncIssues.add(issue);
  return entries.length;
}

/** A change the server refused as a whole call, narrowed down to this entry: out of the queue, kept. */
export async function quarantine(ctx: StoreContext, entry: OutboxEntry, code: string, reason: string): Promise<number> {
  return ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, () => holdBack(ctx, entry, { code, reason, quarantined: true }));
}

export async function listIssues(ctx: StoreContext, limit = 100): Promise<IssueView[]> {
  const rows = (await ctx.db.syncIssues.orderBy('at').reverse().limit(limit).toArray()) as HeldIssue[];
  return rows.map((r) => ({
    id: r.id!,
    at: r.at,
    entity: r.entity,
    entityId: r.entityId,
    code: r.code,
    reason: r.reason,
    quarantined: r.quarantined === true,
    held: r.entries?.length ?? 0,
  }));
}

/**
 * Puts an issue's changes back at the end of the queue, in their order, and forgets the issue. They
 * go out under new mutation ids (the server may remember the refused ones) and with their text made
 * well-formed, so a change quarantined for a lone surrogate goes through on retry.
 */
export async function retryIssue(ctx: StoreContext, id: number): Promise<number> {
  return ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, async () => {
    const issue = (await ctx.db.syncIssues.get(id)) as HeldIssue | undefined;
    if (!issue) return 0;
    const entries = (issue.entries ?? []).map(({ seq: _seq, ...e }) => ({ ...e, mutationId: ctx.newId(), fields: wellFormedDeep(e.fields) }));
    if (entries.length) await ctx.db.outbox.bulkAdd(entries);
    await ctx.db.syncIssues.delete(id);
    return entries.length;
  });
}

/** Forgets an issue and its changes: the local rows stay as they are; the server never gets them. */
export async function discardIssue(ctx: StoreContext, id: number): Promise<void> {
  await ctx.db.syncIssues.delete(id);
}

/**
 * "Clear" in options: forgets the refusals the rep has read. Quarantined changes stay until the rep
 * retries or discards each one, so a change is never lost by tidying the list.
 */
export async function clearRefused(ctx: StoreContext): Promise<number> {
  return ctx.db.transaction('rw', ctx.db.syncIssues, async () => {
    const ids = ((await ctx.db.syncIssues.toArray()) as HeldIssue[]).filter((r) => r.quarantined !== true).map((r) => r.id!);
    await ctx.db.syncIssues.bulkDelete(ids);
    return ids.length;
  });
}

/**
 * Queued changes to a record whose creation is quarantined join that issue instead of going out (the
 * server would refuse them); Retry then sends the creation and them, in order. Returns the entries
 * still to send. Cheap when nothing is quarantined: one read of the (small) issues table.
 */
export async function holdDependants(ctx: StoreContext, entries: OutboxEntry[]): Promise<OutboxEntry[]> {
  const issues = ((await ctx.db.syncIssues.toArray()) as HeldIssue[]).filter((r) => r.quarantined && r.entries?.[0] && creates(r.entries[0]));
  if (issues.length === 0) return entries;
  const byRecord = new Map(issues.map((r) => [r.entityId, r]));
  const issueOf = (e: OutboxEntry) => byRecord.get(e.entityId) ?? (typeof e.fields.prospectId === 'string' ? byRecord.get(e.fields.prospectId) : undefined);
  const held = entries.filter((e) => issueOf(e));
  if (held.length === 0) return entries;
  await ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, async () => {
    for (const e of held) {
      const issue = issueOf(e)!;
      issue.entries = [...(issue.entries ?? []), e];
    }
    for (const issue of new Set(held.map(issueOf))) await ctx.db.syncIssues.put(issue!);
    await ctx.db.outbox.bulkDelete(held.map((e) => e.seq!));
  });
  return entries.filter((e) => !issueOf(e));
}

