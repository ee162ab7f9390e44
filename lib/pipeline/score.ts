import type { Source } from '../model/enums';
import type { ScoreLine } from '../model/score';
import type { SqlItem } from './gates';
import { DAY_MS } from './staleness';

export interface ListRule {
  values: string[];
  points: number;
}

export interface ScoreRules {
  seniority: { words: string[]; points: number };
  /**
   * Ideal-customer profile: a prospect whose company, industry or location names a listed value fits;
   * `sizes` matches the LinkedIn size band of the account they work at ("51-200 employees").
   */
  icp: { companies: ListRule; industries: ListRule; locations: ListRule; sizes: ListRule };
  warmSource: number;
  referral: number;
  perTouch: number;
  maxTouches: number;
  perReply: number;
  maxReplies: number;
  recentTwoWayDays: number;
  recentTwoWay: number;
  /** Points for each ticked item of the SQL checklist. */
  checklist: Record<SqlItem, number>;
  decayAfterDays: number;
  decayPerWeek: number;
  maxDecay: number;
  /** A rep's manual adjustment counts only within these bounds, so one opinion cannot outweigh every rule. */
  manual: { min: number; max: number };
}

// Defaults the team can tune; each rule names itself in the breakdown. The ICP lists start empty:
// only the team knows its ideal customer.
export const DEFAULT_SCORE_RULES: ScoreRules = {
  seniority: {
    words: [
      'founder',
      'co-founder',
      'owner',
      'chief',
      'ceo',
      'cto',
      'cfo',
      'coo',
      'cmo',
      'cro',
      'president',
      'vp',
      'vice president',
      'head',
      'director',
      'partner',
      'direktur',
      'kepala',
      'pendiri',
    ],
    points: 20,
  },
  icp: {
    companies: { values: [], points: 15 },
    industries: { values: [], points: 10 },
    locations: { values: [], points: 5 },
    sizes: { values: [], points: 10 },
  },
  warmSource: 15,
  referral: 10,
  perTouch: 3,
  maxTouches: 8,
  perReply: 8,
  maxReplies: 3,
  recentTwoWayDays: 14,
  recentTwoWay: 10,
  checklist: { interest_confirmed: 10, buying_process: 10, decision_maker: 10, budget: 5, timeline: 5 },
  decayAfterDays: 30,
  decayPerWeek: 5,
  maxDecay: 30,
  manual: { min: -25, max: 25 },
};

// Breakdown order for checklist lines; the type check keeps it in step with the gate's items.
const CHECKLIST_ORDER = [
  'interest_confirmed',
  'buying_process',
  'decision_maker',
  'budget',
  'timeline',
] as const satisfies readonly SqlItem[];

export interface ScoreInput {
  title: string | null;
  headline: string | null;
  source: Source;
  temperature: 'cold' | 'warm';
  touches: ReadonlyArray<{ direction: 'in' | 'out'; occurredAt: number }>;
  createdAt: number;
  company?: string | null;
  /** Matched against the ICP industries; when absent the headline is searched instead. */
  industry?: string | null;
  location?: string | null;
  /** The account's size band, from the company the prospect is linked to. */
  size?: string | null;
  sqlChecklist?: Partial<Record<SqlItem, boolean | undefined>> | null;
  /** Signed points a rep added by hand; counted within the rules' manual bounds. */
  manualAdjustment?: number | null;
}

const phraseCache = new Map<string, RegExp>();

function phraseRe(phrase: string): RegExp {
  let re = phraseCache.get(phrase);
  if (!re) {
    const body = normalise(phrase)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+');
    // Letters and digits on either side mean the phrase is part of a longer word ("Headhunter").
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${body}($|[^\\p{L}\\p{N}])`, 'u');
    if (phraseCache.size > 5000) phraseCache.clear();
    phraseCache.set(phrase, re);
  }
  return re;
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The first listed phrase found in the text as whole words, case-insensitively; in list order, so stable. */
export function findPhrase(text: string | null | undefined, phrases: readonly string[]): string | null {
  if (!text) return null;
  const hay = normalise(text);
  for (const p of phrases) {
    if (normalise(p) && phraseRe(p).test(hay)) return p;
  }
  return null;
}

function icpLines(p: ScoreInput, icp: ScoreRules['icp']): ScoreLine[] {
  const lines: ScoreLine[] = [];
  const company = findPhrase(p.company, icp.companies.values);
  if (company) lines.push({ rule: 'icp_company', points: icp.companies.points, detail: company });
  const industry = findPhrase(p.industry?.trim() ? p.industry : p.headline, icp.industries.values);
  if (industry) lines.push({ rule: 'icp_industry', points: icp.industries.points, detail: industry });
  const location = findPhrase(p.location, icp.locations.values);
  if (location) lines.push({ rule: 'icp_location', points: icp.locations.points, detail: location });
  // Rules stored before the size rule existed have no `sizes`.
  const size = icp.sizes ? findPhrase(p.size, icp.sizes.values) : null;
  if (size) lines.push({ rule: 'icp_size', points: icp.sizes.points, detail: size });
  return lines;
}

/** Explainable 0–100 lead score: the sum of its breakdown lines, clamped. Pure and stable. */
export function computeScore(
  p: ScoreInput,
  now: number,
  rules: ScoreRules = DEFAULT_SCORE_RULES,
): { score: number; breakdown: ScoreLine[] } {
  const lines: ScoreLine[] = [];
  const role = p.title ?? p.headline ?? '';
  const senior = findPhrase(role, rules.seniority.words);
  if (senior) lines.push({ rule: 'seniority', points: rules.seniority.points, detail: senior });
  lines.push(...icpLines(p, rules.icp));
  if (p.temperature === 'warm') lines.push({ rule: 'warm_source', points: rules.warmSource });
  if (p.source === 'referral') lines.push({ rule: 'referral', points: rules.referral });

  const touches = Math.min(p.touches.length, rules.maxTouches);
  if (touches > 0) lines.push({ rule: 'touches', points: touches * rules.perTouch, detail: String(p.touches.length) });
  const replies = p.touches.filter((t) => t.direction === 'in');
  const counted = Math.min(replies.length, rules.maxReplies);
  if (counted > 0) lines.push({ rule: 'replies', points: counted * rules.perReply, detail: String(replies.length) });
  const lastReply = replies.reduce((m, t) => Math.max(m, t.occurredAt), 0);
  if (lastReply > 0 && now - lastReply <= rules.recentTwoWayDays * DAY_MS) {
    lines.push({ rule: 'recent_two_way', points: rules.recentTwoWay });
  }

  for (const item of CHECKLIST_ORDER) {
    if (p.sqlChecklist?.[item] === true) lines.push({ rule: `sql_${item}`, points: rules.checklist[item] });
  }

  const lastActivity = p.touches.reduce((m, t) => Math.max(m, t.occurredAt), p.createdAt);
  const idleDays = Math.floor((now - lastActivity) / DAY_MS);
  if (idleDays > rules.decayAfterDays) {
    const weeks = Math.ceil((idleDays - rules.decayAfterDays) / 7);
    lines.push({ rule: 'inactivity', points: -Math.min(rules.maxDecay, weeks * rules.decayPerWeek), detail: String(idleDays) });
  }

  const asked = p.manualAdjustment;
  if (typeof asked === 'number' && Number.isFinite(asked) && Math.round(asked) !== 0) {
    const points = Math.max(rules.manual.min, Math.min(rules.manual.max, Math.round(asked)));
    // The detail keeps what the rep asked for when the bounds cut it, so the breakdown explains itself.
    if (points !== 0) lines.push(points === asked ? { rule: 'manual', points } : { rule: 'manual', points, detail: String(asked) });
  }

  // Zero-point lines (a rule weighted 0) explain nothing.
  const kept = lines.filter((l) => l.points !== 0);
  const raw = kept.reduce((s, l) => s + l.points, 0);
  const score = Math.max(0, Math.min(100, raw));
  if (score !== raw) kept.push({ rule: 'clamp', points: score - raw });
  return { score, breakdown: kept };
}
