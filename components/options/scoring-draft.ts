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
  min?: number;
  max?: number;
}

export interface ScoringGroup {
  legend: MessageKey;
  hint?: MessageKey;
  fields: ScoringField[];
}

const points = (path: string, label: MessageKey): ScoringField => ({ path: `scoringRules.${path}`, label, min: 0, max: 100 });
const list = (path: string, label: MessageKey): ScoringField => ({ path: `scoringRules.${path}`, label, lines: true });

export const THRESHOLD_FIELD: ScoringField = { path: 'mqlThreshold', label: 'scoringThreshold', min: 0, max: 100 };

export const SCORING_GROUPS: ScoringGroup[] = [
  {
    legend: 'scoringFit',
    fields: [
      list('seniority.words', 'scoringSeniorityWords'),
      points('seniority.points', 'scoringSeniorityPoints'),
      list('icp.companies.values', 'scoringIcpCompanies'),
      points('icp.companies.points', 'scoringIcpCompaniesPoints'),
      list('icp.industries.values', 'scoringIcpIndustries'),
      points('icp.industries.points', 'scoringIcpIndustriesPoints'),
      list('icp.locations.values', 'scoringIcpLocations'),
      points('icp.locations.points', 'scoringIcpLocationsPoints'),
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
