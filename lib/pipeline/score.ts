import type { Source } from '../model/enums';
import type { ScoreLine } from '../model/score';
import { DAY_MS } from './staleness';

export interface ScoreRules {
  seniority: { words: string[]; points: number };
  warmSource: number;
  referral: number;
  perTouch: number;
  maxTouches: number;
  perReply: number;
  maxReplies: number;
  recentTwoWayDays: number;
  recentTwoWay: number;
  decayAfterDays: number;
  decayPerWeek: number;
  maxDecay: number;
}

// Defaults the team can tune later; each rule names itself in the breakdown.
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
  warmSource: 15,
  referral: 10,
  perTouch: 3,
  maxTouches: 8,
  perReply: 8,
  maxReplies: 3,
  recentTwoWayDays: 14,
  recentTwoWay: 10,
  decayAfterDays: 30,
  decayPerWeek: 5,
  maxDecay: 30,
};

export interface ScoreInput {
  title: string | null;
  headline: string | null;
  source: Source;
  temperature: 'cold' | 'warm';
  touches: ReadonlyArray<{ direction: 'in' | 'out'; occurredAt: number }>;
  createdAt: number;
}

function hasSeniority(text: string, words: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const w of words) {
    const re = new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    if (re.test(lower)) return w;
  }
  return null;
}

/** Explainable 0–100 lead score: the sum of its breakdown lines, clamped. Pure and stable. */
export function computeScore(
  p: ScoreInput,
  now: number,
  rules: ScoreRules = DEFAULT_SCORE_RULES,
): { score: number; breakdown: ScoreLine[] } {
  const lines: ScoreLine[] = [];
  const role = p.title ?? p.headline ?? '';
  const senior = hasSeniority(role, rules.seniority.words);
  if (senior) lines.push({ rule: 'seniority', points: rules.seniority.points, detail: senior });
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

  const lastActivity = p.touches.reduce((m, t) => Math.max(m, t.occurredAt), p.createdAt);
  const idleDays = Math.floor((now - lastActivity) / DAY_MS);
  if (idleDays > rules.decayAfterDays) {
    const weeks = Math.ceil((idleDays - rules.decayAfterDays) / 7);
    lines.push({ rule: 'inactivity', points: -Math.min(rules.maxDecay, weeks * rules.decayPerWeek), detail: String(idleDays) });
  }

  const raw = lines.reduce((s, l) => s + l.points, 0);
  const score = Math.max(0, Math.min(100, raw));
  if (score !== raw) lines.push({ rule: 'clamp', points: score - raw });
  return { score, breakdown: lines };
}
