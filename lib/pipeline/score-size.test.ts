import { describe, expect, it } from 'vitest';
import { computeScore, DEFAULT_SCORE_RULES, type ScoreInput, type ScoreRules } from './score';
import { parseScoreRules, scoringRulesFromServer } from '../model/settings';

const NOW = Date.UTC(2026, 11, 5, 9, 0, 0);
const base: ScoreInput = { title: null, headline: null, source: 'social_selling', temperature: 'cold', touches: [], createdAt: NOW };
const RULES: ScoreRules = {
  ...DEFAULT_SCORE_RULES,
  icp: {
    ...DEFAULT_SCORE_RULES.icp,
    industries: { values: ['Logistics'], points: 10 },
    sizes: { values: ['51-200', '201-500'], points: 12 },
  },
};
const rules = (p: Partial<ScoreInput>) => computeScore({ ...base, ...p }, NOW, RULES).breakdown.map((l) => [l.rule, l.points, l.detail]);

describe('ideal-customer company size and the account industry', () => {
  it('scores a listed LinkedIn size band of the account', () => {
    expect(rules({ size: '51-200 employees' })).toEqual([['icp_size', 12, '51-200']]);
  });
  it('does not match a band that merely contains the listed digits', () => {
    expect(rules({ size: '1,001-5,000 employees' })).toEqual([]);
    expect(rules({ size: '2-10 employees' })).toEqual([]);
  });
  it('no size, no line', () => {
    expect(rules({ size: null })).toEqual([]);
  });
  it("the account's industry wins over the headline", () => {
    expect(rules({ industry: 'Logistics and supply chain', headline: 'Fintech' })).toEqual([['icp_industry', 10, 'Logistics']]);
  });
  it('size rules are validated like the other ICP lists and default to empty', () => {
    expect(DEFAULT_SCORE_RULES.icp.sizes).toEqual({ values: [], points: 10 });
    const ok = parseScoreRules({ icp: { sizes: { values: ['51-200'], points: 5 } } });
    expect(ok.ok && ok.settings.icp.sizes).toEqual({ values: ['51-200'], points: 5 });
    expect(parseScoreRules({ icp: { sizes: { values: [], points: 500 } } }).ok).toBe(false);
    // A team's rules stored before sizes existed read with the default.
    const old = scoringRulesFromServer({ icp: { industries: { values: ['x'], points: 3 } } });
    expect(old.ok && old.settings.icp.sizes).toEqual({ values: [], points: 10 });
  });
});
