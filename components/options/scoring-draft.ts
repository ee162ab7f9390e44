// The scoring form as text, and back. Every field is a path into TeamSettings, so adding a rule to
// the form is one line here. Pure: unit-tested without a browser.
import type { TeamSettings } from '../../lib/model/settings';
import type { MessageKey } from '../shared/i18n';
import { linesOf, numberOrNull } from './form-values';

export interface ScoringField {
  path: string;
  label: MessageKey;
  /** A list edited one value per line. */
  lines?: true;
  /** Numbers: the allowed range (whole numbers). Lists: `max` is the most lines kept. The same limits as lib/model/settings.ts. */
  min?: number;
  max?: number;
}

export interface ScoringGroup {
  legend: MessageKey;
  hint?: MessageKey;
  fields: ScoringField[];
}

const points = (path: string, label: MessageKey): ScoringField => ({ path: `scoringRules.${path}`, label, min: 0, max: 100 });
const list = (path: string, label: MessageKey, maxLines: number): ScoringField => ({ path: `scoringRules.${path}`, label, lines: true, max: maxLines });

export const THRESHOLD_FIELD: ScoringField = { path: 'mqlThreshold', label: 'scoringThreshold', min: 0, max: 100 };

export const SCORING_GROUPS: ScoringGroup[] = [
  {
    legend: 'scoringFit',
    fields: [
      list('seniority.words', 'scoringSeniorityWords', 200),
      points('seniority.points', 'scoringSeniorityPoints'),
      list('icp.companies.values', 'scoringIcpCompanies', 1000),
      points('icp.companies.points', 'scoringIcpCompaniesPoints'),
      list('icp.industries.values', 'scoringIcpIndustries', 200),
      points('icp.industries.points', 'scoringIcpIndustriesPoints'),
      list('icp.locations.values', 'scoringIcpLocations', 200),
      points('icp.locations.points', 'scoringIcpLocationsPoints'),
      list('icp.sizes.values', 'scoringIcpSizes', 20),
      points('icp.sizes.points', 'scoringIcpSizesPoints'),
    ],
  },
  {
    legend: 'scoringSource',
    fields: [points('warmSource', 'scoringWarmSource'), points('referral', 'scoringReferral')],
  },
  {
    legend: 'scoringEngagement',
    fields: [
      points('perTouch', 'scoringPerTouch'),
      points('maxTouches', 'scoringMaxTouches'),
      points('perReply', 'scoringPerReply'),
      points('maxReplies', 'scoringMaxReplies'),
      points('recentTwoWay', 'scoringRecentTwoWay'),
      { path: 'scoringRules.recentTwoWayDays', label: 'scoringRecentTwoWayDays', min: 1, max: 365 },
    ],
  },
  {
    legend: 'scoringChecklist',
    fields: [
      points('checklist.interest_confirmed', 'scoringInterestConfirmed'),
      points('checklist.buying_process', 'scoringBuyingProcess'),
      points('checklist.decision_maker', 'scoringDecisionMaker'),
      points('checklist.budget', 'scoringBudget'),
      points('checklist.timeline', 'scoringTimeline'),
    ],
  },
  {
    legend: 'scoringDecay',
    fields: [
      { path: 'scoringRules.decayAfterDays', label: 'scoringDecayAfterDays', min: 1, max: 3650 },
      points('decayPerWeek', 'scoringDecayPerWeek'),
      points('maxDecay', 'scoringMaxDecay'),
    ],
  },
  {
    legend: 'scoringManual',
    hint: 'scoringManualHint',
    fields: [
      { path: 'scoringRules.manual.min', label: 'scoringManualMin', min: -100, max: 0 },
      { path: 'scoringRules.manual.max', label: 'scoringManualMax', min: 0, max: 100 },
    ],
  },
];

const ALL_FIELDS = [THRESHOLD_FIELD, ...SCORING_GROUPS.flatMap((g) => g.fields)];

/** Field path → the text in its input. */
export type ScoringDraft = Record<string, string>;

function get(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);
}

function set(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let o = root;
  for (const k of keys) o = o[k] as Record<string, unknown>;
  o[last] = value;
}

export function draftFrom(settings: TeamSettings): ScoringDraft {
  const draft: ScoringDraft = {};
  for (const f of ALL_FIELDS) {
    const v = get(settings, f.path);
    draft[f.path] = f.lines ? (v as string[]).join('\n') : String(v);
  }
  return draft;
}

/**
 * The settings to preview or save: the loaded ones with the form's values over them. Not validated
 * here: the background validates the whole and its sentence names the field that is wrong.
 */
export function settingsFrom(draft: ScoringDraft, base: TeamSettings): TeamSettings {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const f of ALL_FIELDS) {
    const text = draft[f.path] ?? '';
    set(out, f.path, f.lines ? linesOf(text) : numberOrNull(text));
  }
  return out as unknown as TeamSettings;
}

export function sameDraft(a: ScoringDraft, b: ScoringDraft): boolean {
  return ALL_FIELDS.every((f) => (a[f.path] ?? '') === (b[f.path] ?? ''));
}

/** Longest rule word or name the settings accept (lib/model/settings.ts, Phrase). */
const MAX_PHRASE = 120;

/** What is wrong with one field, as a message key and its values, in words that say what to do. */
export interface FieldProblem {
  key: MessageKey;
  subs: string[];
}

/** The form's fields in the order they are shown: the first invalid one takes focus. */
export const FIELD_ORDER: readonly ScoringField[] = ALL_FIELDS;

/**
 * Each field's problem, checked here against the same limits the background enforces, so every
 * message sits on its own field in the UI language instead of one English sentence naming paths.
 */
export function fieldProblems(draft: ScoringDraft): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const f of ALL_FIELDS) {
    const text = draft[f.path] ?? '';
    if (f.lines) {
      const lines = linesOf(text);
      if (f.max !== undefined && lines.length > f.max) out[f.path] = { key: 'fieldErrorTooManyLines', subs: [String(f.max)] };
      else if (lines.some((l) => l.length > MAX_PHRASE)) out[f.path] = { key: 'fieldErrorLineTooLong', subs: [String(MAX_PHRASE)] };
      continue;
    }
    const n = numberOrNull(text);
    const range = [String(f.min ?? 0), String(f.max ?? 100)];
    if (n === null || !Number.isInteger(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
      out[f.path] = { key: 'fieldErrorWholeNumber', subs: range };
    }
  }
  return out;
}
