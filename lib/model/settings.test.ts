import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES } from '../pipeline/score';
import {
  DEFAULT_SETTINGS,
  parseScoreRules,
  parseSettings,
  scoringRulesFromServer,
  scoringRulesToServer,
  teamSettingsFromServer,
  teamSettingsToServer,
  type Settings,
} from './settings';

const ok = <T>(r: { ok: true; settings: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.settings;
};

describe('parseSettings', () => {
  it('defaults are valid settings, and {} means defaults', () => {
    expect(ok(parseSettings(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
    expect(ok(parseSettings({}))).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a partial change over the current settings, lists replaced whole', () => {
    const current = ok(parseSettings({ targets: { '2026-Q4': { value: 250000, currency: 'IDR' } }, mqlThreshold: 60 }));
    const next = ok(
      parseSettings(
        {
          scoringRules: { seniority: { words: ['owner'] }, icp: { locations: { values: ['Jakarta'] } } },
          notifications: { dueSummary: false },
        },
        current,
      ),
    );
    expect(next.scoringRules.seniority).toEqual({ words: ['owner'], points: 20 });
    expect(next.scoringRules.icp.locations).toEqual({ values: ['Jakarta'], points: 5 });
    expect(next.scoringRules.icp.companies).toEqual(DEFAULT_SCORE_RULES.icp.companies);
    expect(next.mqlThreshold).toBe(60);
    expect(next.targets).toEqual({ '2026-Q4': { value: 250000, currency: 'IDR' } });
    expect(next.notifications.dueSummary).toBe(false);
  });

  it('targets are replaced whole, so a period can be removed', () => {
    const current = ok(parseSettings({ targets: { '2026-Q3': { value: 1, currency: 'USD' }, '2026-Q4': { value: 2, currency: 'USD' } } }));
    expect(ok(parseSettings({ targets: { '2026-Q4': { value: 3, currency: 'USD' } } }, current)).targets).toEqual({
      '2026-Q4': { value: 3, currency: 'USD' },
    });
  });

  it('trims list entries', () => {
    expect(ok(parseSettings({ scoringRules: { icp: { companies: { values: ['  Gojek '] } } } })).scoringRules.icp.companies.values).toEqual(
      ['Gojek'],
    );
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'strict', 'settings: must be an object'],
    ['threshold above 100', { mqlThreshold: 101 }, 'mqlThreshold: must be at most 100'],
    ['threshold not a number', { mqlThreshold: '50' }, 'mqlThreshold: must be a number'],
    ['negative points', { scoringRules: { seniority: { points: -5 } } }, 'scoringRules.seniority.points: must be at least 0'],
    ['fractional points', { scoringRules: { referral: 2.5 } }, 'scoringRules.referral: must be a whole number'],
    ['points above 100', { scoringRules: { checklist: { budget: 500 } } }, 'scoringRules.checklist.budget: must be at most 100'],
    [
      'blank ICP entry',
      { scoringRules: { icp: { companies: { values: ['Gojek', ' '] } } } },
      'scoringRules.icp.companies.values[1]: must be at least 1 characters',
    ],
    ['a list that is not a list', { scoringRules: { seniority: { words: 'ceo' } } }, 'scoringRules.seniority.words: must be an array'],
    ['manual bounds the wrong way', { scoringRules: { manual: { min: 5 } } }, 'scoringRules.manual.min: must be at most 0'],
    ['mistyped rule', { scoringRules: { seniorty: { points: 5 } } }, 'scoringRules.seniorty: unknown setting'],
    ['mistyped top-level key', { mqlTreshold: 40 }, 'mqlTreshold: unknown setting'],
    ['bad currency', { defaultCurrency: 'rupiah' }, 'defaultCurrency: must be a three-letter currency code such as USD or IDR'],
    [
      'bad target period',
      { targets: { Q4: { value: 1, currency: 'USD' } } },
      'targets.Q4: must be a period such as 2026, 2026-Q4 or 2026-11',
    ],
    ['negative target', { targets: { '2026-Q4': { value: -1, currency: 'USD' } } }, 'targets.2026-Q4.value: must be at least 0'],
    ['target without currency', { targets: { '2026-11': { value: 1 } } }, 'targets.2026-11.currency: is missing'],
    ['notification flag not boolean', { notifications: { dueSummary: 'yes' } }, 'notifications.dueSummary: must be a boolean'],
  ])('rejects %s with a message naming the field', (_n, input, message) => {
    const r = parseSettings(input);
    expect(r).toEqual({ ok: false, error: message });
  });

  it('is never half-applied: one bad field rejects the whole change, and the base is untouched', () => {
    const base: Settings = structuredClone(DEFAULT_SETTINGS);
    const r = parseSettings({ mqlThreshold: 70, scoringRules: { seniority: { points: 1000 }, referral: 1 } }, base);
    expect(r.ok).toBe(false);
    expect(base).toEqual(DEFAULT_SETTINGS);
  });

  it('a "__proto__" key in imported JSON changes nothing', () => {
    const r = ok(parseSettings(JSON.parse('{"__proto__": {"mqlThreshold": 1}, "scoringRules": {"__proto__": {"referral": 99}}}')));
    expect(r).toEqual(DEFAULT_SETTINGS);
    expect(Object.getPrototypeOf(r.scoringRules)).toBe(Object.prototype);
  });

  it('parseScoreRules validates a rules object alone', () => {
    expect(ok(parseScoreRules({ referral: 20 })).referral).toBe(20);
    expect(parseScoreRules({ recentTwoWayDays: 0 })).toEqual({ ok: false, error: 'scoringRules.recentTwoWayDays: must be at least 1' });
  });
});

describe('scoring rules on the server', () => {
  it('{} and null mean the built-in defaults', () => {
    expect(ok(scoringRulesFromServer({}))).toEqual(DEFAULT_SCORE_RULES);
    expect(ok(scoringRulesFromServer(null))).toEqual(DEFAULT_SCORE_RULES);
  });
  it('a partial object overrides only what it names', () => {
    const rules = ok(scoringRulesFromServer({ warmSource: 5, icp: { companies: { values: ['Gojek'] } } }));
    expect(rules).toEqual({
      ...DEFAULT_SCORE_RULES,
      warmSource: 5,
      icp: { ...DEFAULT_SCORE_RULES.icp, companies: { values: ['Gojek'], points: 15 } },
    });
  });
  it('rules a newer version added are ignored, not fatal', () => {
    expect(ok(scoringRulesFromServer({ someFutureRule: 3, referral: 4 })).referral).toBe(4);
  });
  it('invalid values are an error naming the column path', () => {
    expect(scoringRulesFromServer({ decayPerWeek: 'lots' })).toEqual({ ok: false, error: 'scoring_rules.decayPerWeek: must be a number' });
    expect(scoringRulesFromServer([])).toEqual({ ok: false, error: 'scoring_rules: must be an object' });
  });
  it('only differences from the defaults are stored, and they read back the same', () => {
    expect(scoringRulesToServer(DEFAULT_SCORE_RULES)).toEqual({});
    const tuned = { ...DEFAULT_SCORE_RULES, referral: 12, seniority: { ...DEFAULT_SCORE_RULES.seniority, words: ['ceo'] } };
    const stored = scoringRulesToServer(tuned);
    expect(stored).toEqual({ referral: 12, seniority: { words: ['ceo'] } });
    expect(ok(scoringRulesFromServer(JSON.parse(JSON.stringify(stored))))).toEqual(tuned);
  });
});

describe('team settings rows', () => {
  it('round-trips, keeping the notification preference out of the server', () => {
    const s = ok(parseSettings({ mqlThreshold: 62.5, defaultCurrency: 'IDR', targets: { '2026': { value: 9, currency: 'IDR' } } }));
    const row = teamSettingsToServer(s);
    expect(row).toEqual({
      scoring_rules: {},
      mql_threshold: 62.5,
      targets: { '2026': { value: 9, currency: 'IDR' } },
      default_currency: 'IDR',
      lost_reasons: null,
      cadence_due_rule: 'endOfDay',
    });
    const { notifications: _n, ...team } = s;
    expect(ok(teamSettingsFromServer(row))).toEqual({ ...team, dueRule: 'endOfDay' });
  });
  it('carries the team’s lost reasons and cadence due rule; an empty list is the built-in one (null)', () => {
    const s = ok(parseSettings({ lostReasons: ['  Budget   frozen ', 'Chose a competitor'], dueRule: 'exactTime' }));
    expect(s).toMatchObject({ lostReasons: ['Budget frozen', 'Chose a competitor'], dueRule: 'exactTime' });
    const row = teamSettingsToServer(s);
    expect(row).toMatchObject({ lost_reasons: ['Budget frozen', 'Chose a competitor'], cadence_due_rule: 'exactTime' });
    expect(ok(teamSettingsFromServer(JSON.parse(JSON.stringify(row))))).toMatchObject({
      lostReasons: ['Budget frozen', 'Chose a competitor'],
      dueRule: 'exactTime',
    });
    expect(teamSettingsToServer(ok(parseSettings({ lostReasons: [] }))).lost_reasons).toBeNull();
    expect(ok(teamSettingsFromServer({ lost_reasons: null })).lostReasons).toBeUndefined();
  });
  it('refuses a bad lost-reason list or due rule, from a person or the server, naming the field', () => {
    expect(parseSettings({ dueRule: 'whenever' }).ok).toBe(false);
    expect(parseSettings({ lostReasons: ['x'.repeat(121)] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('lostReasons[0]'),
    });
    expect(parseSettings({ lostReasons: Array.from({ length: 51 }, (_, i) => `R${i}`) }).ok).toBe(false);
    expect(teamSettingsFromServer({ cadence_due_rule: 'soon' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('cadence_due_rule'),
    });
    expect(teamSettingsFromServer({ lost_reasons: 'Price' })).toMatchObject({ ok: false, error: expect.stringContaining('lost_reasons') });
  });
  it('reads a fresh row and a numeric sent as text', () => {
    expect(
      ok(teamSettingsFromServer({ scoring_rules: {}, mql_threshold: '50.00', targets: {}, default_currency: 'USD' })).mqlThreshold,
    ).toBe(50);
    expect(ok(teamSettingsFromServer({}))).toEqual({
      scoringRules: DEFAULT_SCORE_RULES,
      mqlThreshold: 50,
      targets: {},
      defaultCurrency: 'USD',
      dueRule: 'endOfDay',
    });
  });
  it('rejects a bad row with the column named', () => {
    expect(teamSettingsFromServer({ mql_threshold: 150 })).toEqual({ ok: false, error: 'mql_threshold: must be at most 100' });
    expect(teamSettingsFromServer({ default_currency: 'usd' }).ok).toBe(false);
  });
});
