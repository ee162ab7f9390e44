// The two qualification gates (DESIGN.md §1). Both are timestamps that analytics read, so each is
// set once — at the first crossing — and never moved by later changes.
import { z } from 'zod';
import type { StageKind } from '../model/enums';

export const SQL_REQUIRED_ITEMS = ['interest_confirmed', 'buying_process', 'decision_maker'] as const;
export const SQL_OPTIONAL_ITEMS = ['budget', 'timeline'] as const;
export const SQL_ITEMS = [...SQL_REQUIRED_ITEMS, ...SQL_OPTIONAL_ITEMS] as const;
export type SqlRequiredItem = (typeof SQL_REQUIRED_ITEMS)[number];
export type SqlItem = (typeof SQL_ITEMS)[number];

/**
 * The SQL checklist as stored in the server's `sql_checklist` jsonb object ('{}' = nothing ticked).
 * `accepted_by` keeps who accepted the gate: the server has a column for when (sql_at) but not for who.
 * Unknown keys are dropped rather than rejected, so a newer client's extra items do not break older ones.
 */
export const SqlChecklistSchema = z.object({
  interest_confirmed: z.boolean().optional(),
  buying_process: z.boolean().optional(),
  decision_maker: z.boolean().optional(),
  budget: z.boolean().optional(),
  timeline: z.boolean().optional(),
  accepted_by: z.string().min(1).max(64).optional(),
});
export type SqlChecklist = z.infer<typeof SqlChecklistSchema>;

/**
 * MQL gate: the first time the score reaches the threshold. A score that later drops below keeps
 * its mqlAt — the prospect *was* marketing-qualified then, and funnel conversion counts that moment.
 */
export function nextMqlAt(previousMqlAt: number | null, score: number, threshold: number, now: number): number | null {
  if (previousMqlAt !== null) return previousMqlAt;
  return score >= threshold ? now : null;
}

/** The required items still unticked, in checklist order. */
export function missingSqlItems(checklist: SqlChecklist | null | undefined): SqlRequiredItem[] {
  return SQL_REQUIRED_ITEMS.filter((k) => checklist?.[k] !== true);
}

/** The three required items are ticked; budget and timeline are optional. */
export function sqlChecklistComplete(checklist: SqlChecklist | null | undefined): boolean {
  return missingSqlItems(checklist).length === 0;
}

/** `acceptedBy` is null only for an earlier acceptance whose author was not recorded. */
export type SqlAcceptance = { ok: true; sqlAt: number; acceptedBy: string | null } | { ok: false; missing: SqlRequiredItem[] };

/**
 * SQL gate: a rep accepts the prospect after a real conversation. Refused while a required item is
 * unticked. An earlier acceptance stands (first crossing, like MQL): pass it as `previous` and it is
 * returned unchanged, so re-ticking the list never moves the timestamp.
 */
export function acceptSql(
  checklist: SqlChecklist | null | undefined,
  userId: string,
  now: number,
  previous?: { sqlAt: number | null; acceptedBy?: string | null },
): SqlAcceptance {
  if (previous?.sqlAt != null) return { ok: true, sqlAt: previous.sqlAt, acceptedBy: previous.acceptedBy ?? null };
  const missing = missingSqlItems(checklist);
  if (missing.length) return { ok: false, missing };
  return { ok: true, sqlAt: now, acceptedBy: userId };
}

export interface GateStage {
  id: string;
  key: string;
  order: number;
  kind: StageKind;
  deletedAt?: number | null;
}

export const QUALIFICATION_STAGE_KEY = 'qualification';

/**
 * Moving a prospect that has not passed the SQL gate beyond qualification — into a later open stage
 * or into a won stage — needs the rep's confirmation. The qualification stage is found by its key
 * (renaming keeps the key); a team without one has no gate to enforce. Moves that start beyond
 * qualification (already past it, or from won) do not ask again; a lost prospect reopened past
 * qualification does, since being lost says nothing about being qualified.
 */
export function needsSqlConfirmation(
  fromStage: GateStage | null,
  toStage: GateStage,
  stages: readonly GateStage[],
  prospect: { sqlAt?: number | null },
): boolean {
  if (prospect.sqlAt != null) return false;
  const qual = stages.find((s) => s.key === QUALIFICATION_STAGE_KEY && s.deletedAt == null);
  if (!qual) return false;
  const intoLater = toStage.kind === 'won' || (toStage.kind === 'open' && toStage.order > qual.order);
  if (!intoLater) return false;
  const fromBefore = fromStage === null || fromStage.kind === 'lost' || (fromStage.kind === 'open' && fromStage.order <= qual.order);
  return fromBefore;
}

/**
 * "Touches needed before SQL": the rep's outbound touches up to and including the moment the SQL
 * gate was passed. Replies are the prospect's, not effort, so they are not counted; deleted touches
 * neither. Null while the prospect has not passed the gate.
 */
export function touchesToSql(
  touches: ReadonlyArray<{ direction: 'in' | 'out'; occurredAt: number; deletedAt?: number | null }>,
  sqlAt: number | null,
): number | null {
  if (sqlAt === null) return null;
  return touches.filter((t) => t.direction === 'out' && t.deletedAt == null && t.occurredAt <= sqlAt).length;
}
