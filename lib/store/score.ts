// A prospect's score and MQL gate from the team's rules: recomputed whenever an input changes
// (profile, touches, checklist, adjustment, rules, time). Same inputs, same score.
import type { Prospect } from '../model';
import { nextMqlAt } from '../pipeline/gates';
import { computeScore } from '../pipeline/score';
import type { StoreContext } from './context';
import { teamSettings } from './settings';

export type Scored = Pick<Prospect, 'score' | 'scoreBreakdown' | 'mqlAt'>;

export async function rescore(ctx: StoreContext, p: Prospect): Promise<Scored> {
  // Asked for at once: a chip's lookup rescores, and each read waited for on its own is one more wait
  // behind whatever else is writing the database (an import's slice), not just one more request.
  const [settings, touches, company] = await Promise.all([
    teamSettings(ctx),
    ctx.db.touches.where('prospectId').equals(p.id).toArray(),
    // The account's industry and size feed the ICP rules; without a company the headline stands in for the industry.
    p.companyId ? ctx.db.companies.get(p.companyId) : undefined,
  ]);
  const account = company && company.deletedAt === null ? { industry: company.industry ?? undefined, size: company.size } : {};
  const now = ctx.now();
  const { score, breakdown } = computeScore({ ...p, ...account, touches, manualAdjustment: p.scoreAdjustment }, now, settings.scoringRules);
  return { score, scoreBreakdown: breakdown, mqlAt: nextMqlAt(p.mqlAt ?? null, score, settings.mqlThreshold, now) };
}

export function sameScore(a: Scored, b: Scored): boolean {
  return a.score === b.score && a.mqlAt === b.mqlAt && JSON.stringify(a.scoreBreakdown) === JSON.stringify(b.scoreBreakdown);
}

/** The score fields to queue: always the score and breakdown, the MQL time only when it was just set. */
export function scoreFields(before: Pick<Prospect, 'mqlAt'>, after: Scored): Partial<Prospect> {
  const fields: Partial<Prospect> = { score: after.score, scoreBreakdown: after.scoreBreakdown };
  if (after.mqlAt !== before.mqlAt) fields.mqlAt = after.mqlAt;
  return fields;
}
