import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, type TeamSettings } from '../../lib/model/settings';
import { linesOf, numberOrNull } from './form-values';
import { FIELD_ORDER, SCORING_GROUPS, THRESHOLD_FIELD, draftFrom, fieldProblems, sameDraft, settingsFrom } from './scoring-draft';

const { notifications: _n, ...BASE } = DEFAULT_SETTINGS;
const base: TeamSettings = { ...BASE, targets: { '2026-Q4': { value: 50_000, currency: 'IDR' } }, defaultCurrency: 'IDR' };

describe('scoring form values', () => {
  it('round-trips the settings unchanged, including what the form does not show', () => {
    expect(settingsFrom(draftFrom(base), base)).toEqual(base);
    expect(sameDraft(draftFrom(base), draftFrom(structuredClone(base)))).toBe(true);
  });

  it('covers every scoring rule of the settings schema', () => {
    const paths = new Set([THRESHOLD_FIELD, ...SCORING_GROUPS.flatMap((g) => g.fields)].map((f) => f.path));
    const leaves = (o: unknown, prefix: string): string[] =>
      typeof o === 'object' && o !== null && !Array.isArray(o)
        ? Object.entries(o).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`))
        : [prefix];
    // A list rule is one field (its values) plus its points.
    expect(leaves(base.scoringRules, 'scoringRules').filter((p) => !paths.has(p))).toEqual([]);
  });

  it('reads lists one per line and numbers as typed', () => {
    const draft = draftFrom(base);
    draft['scoringRules.icp.companies.values'] = ' Kopi Kenangan Digital \n\nAcme\nacme\n';
    draft['mqlThreshold'] = '35';
    const next = settingsFrom(draft, base);
    expect(next.scoringRules.icp.companies.values).toEqual(['Kopi Kenangan Digital', 'Acme']);
    expect(next.mqlThreshold).toBe(35);
    expect(parseSettings({ ...next, notifications: DEFAULT_SETTINGS.notifications }).ok).toBe(true);
    expect(sameDraft(draft, draftFrom(base))).toBe(false);
  });

  it('sends an emptied number as null so validation names the field, and leaves the base untouched', () => {
    const draft = draftFrom(base);
    draft['scoringRules.perTouch'] = '';
    const next = settingsFrom(draft, base);
    const r = parseSettings({ ...next, notifications: DEFAULT_SETTINGS.notifications });
    expect(r).toEqual({ ok: false, error: 'scoringRules.perTouch: must be a number' });
    expect(base.scoringRules.perTouch).toBe(3);
  });

  it('parses number and line inputs', () => {
    expect([
      numberOrNull(''),
      numberOrNull('  '),
      numberOrNull('7'),
      numberOrNull(' -2.5 '),
      numberOrNull('1e3'),
      numberOrNull('x'),
    ]).toEqual([null, null, 7, -2.5, 1000, null]);
    expect(linesOf('a\r\n b \n\nB\nc')).toEqual(['a', 'b', 'c']);
  });
});

describe('scoring field problems', () => {
  it('has none for the defaults', () => {
    expect(fieldProblems(draftFrom(base))).toEqual({});
  });

  it('puts each problem on its own field, with the range to enter', () => {
    const draft = draftFrom(base);
    draft['scoringRules.perTouch'] = '-1';
    draft['mqlThreshold'] = '101';
    draft['scoringRules.recentTwoWayDays'] = '';
    draft['scoringRules.manual.min'] = '2.5';
    draft['scoringRules.seniority.words'] = 'x'.repeat(121);
    expect(fieldProblems(draft)).toEqual({
      'scoringRules.perTouch': { key: 'fieldErrorWholeNumber', subs: ['0', '100'] },
      mqlThreshold: { key: 'fieldErrorWholeNumber', subs: ['0', '100'] },
      'scoringRules.recentTwoWayDays': { key: 'fieldErrorWholeNumber', subs: ['1', '365'] },
      'scoringRules.manual.min': { key: 'fieldErrorWholeNumber', subs: ['-100', '0'] },
      'scoringRules.seniority.words': { key: 'fieldErrorLineTooLong', subs: ['120'] },
    });
  });

  it('accepts exactly what the settings schema accepts at the edges', () => {
    const draft = draftFrom(base);
    for (const f of FIELD_ORDER) if (!f.lines) draft[f.path] = String(f.max);
    expect(fieldProblems(draft)).toEqual({});
    expect(parseSettings(settingsFrom(draft, base)).ok).toBe(true);
    for (const f of FIELD_ORDER) if (!f.lines) draft[f.path] = String(f.min);
    expect(fieldProblems(draft)).toEqual({});
    expect(parseSettings(settingsFrom(draft, base)).ok).toBe(true);
  });
});
