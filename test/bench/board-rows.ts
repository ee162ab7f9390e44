import type { Prospect } from '../../lib/model';
import { DAY_MS } from '../../lib/pipeline/staleness';
import { prospectRows } from './rows';

const SOURCES = ['social_selling', 'referral', 'event', 'inbound_form', 'cold_email'] as const;

/**
 * The bench's prospects with what a board shows varied: sources and temperatures, scores with the MQL
 * and SQL gates they imply, and deal values mostly in rupiah, some in dollars, a few typed without
 * a currency (the team's default applies).
 */
export function boardProspects(rand: () => number, from: number, to: number, now: number, stageIds: readonly string[]): Prospect[] {
  const { rows } = prospectRows(rand, from, to, now, stageIds);
  for (const p of rows) {
    const r = rand();
    p.source = SOURCES[Math.floor(rand() * SOURCES.length)]!;
    p.temperature = p.source === 'social_selling' || p.source === 'cold_email' ? 'cold' : 'warm';
    p.score = Math.floor(rand() * 100);
    p.mqlAt = p.score >= 50 ? now - Math.floor(rand() * 90 * DAY_MS) : null;
    p.sqlAt = p.mqlAt !== null && r < 0.3 ? p.mqlAt + DAY_MS : null;
    p.dealValue = r < 0.75 ? Math.round(rand() * 500) * 100_000 : null;
    p.currency = p.dealValue === null ? null : r < 0.5 ? 'IDR' : r < 0.7 ? 'USD' : null;
  }
  return rows;
}
