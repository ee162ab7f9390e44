// Team settings (scoring rules, MQL threshold, targets, currency) plus the rep's own notification
// preference. Settings arrive from the options page, imported files and the server; every one of
// them is validated whole here — a bad value rejects the lot with a message naming the field.
import { z } from 'zod';
import type { DueRule } from '../pipeline/cadence';
import { DEFAULT_SCORE_RULES, type ScoreRules } from '../pipeline/score';
import { cleanLine } from './text';

const Points = z.number().int().min(0).max(100);
const Days = z.number().int().min(1).max(3650);
// Rule words are quoted in score breakdowns and synced: cleaned like any other text.
const Phrase = z.string().transform(cleanLine).pipe(z.string().min(1).max(120));

type ObjectFactory = typeof z.object;

// Input from people (options, imports) is strict so a mistyped key is reported, not ignored; rules
// read from the server are lenient so a newer client's extra rule does not break an older one.
function rulesSchema(obj: ObjectFactory) {
  const list = (max: number) => obj({ values: z.array(Phrase).max(max), points: Points });
  return obj({
    seniority: obj({ words: z.array(Phrase).max(200), points: Points }),
    icp: obj({ companies: list(1000), industries: list(200), locations: list(200), sizes: list(20) }),
    warmSource: Points,
    referral: Points,
    perTouch: Points,
    maxTouches: z.number().int().min(0).max(100),
    perReply: Points,
    maxReplies: z.number().int().min(0).max(100),
    recentTwoWayDays: z.number().int().min(1).max(365),
    recentTwoWay: Points,
    checklist: obj({ interest_confirmed: Points, buying_process: Points, decision_maker: Points, budget: Points, timeline: Points }),
    decayAfterDays: Days,
    decayPerWeek: Points,
    maxDecay: Points,
    manual: obj({ min: z.number().int().min(-100).max(0), max: z.number().int().min(0).max(100) }),
  });
}

export const ScoreRulesSchema = rulesSchema(z.strictObject as ObjectFactory);
const LenientScoreRulesSchema = rulesSchema(z.object);

// The zod schema and the scorer's interface must describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rulesMatch: Same<z.infer<typeof ScoreRulesSchema>, ScoreRules> = true;
void rulesMatch;

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD or IDR');

/** A target period: a year ("2026"), a quarter ("2026-Q4") or a month ("2026-11"). */
export const TargetPeriod = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a period such as 2026, 2026-Q4 or 2026-11');

export const TargetSchema = z.strictObject({ value: z.number().min(0).max(1e12), currency: CurrencyCode });
export type Target = z.infer<typeof TargetSchema>;

const Targets = z.record(TargetPeriod, TargetSchema).refine((t) => Object.keys(t).length <= 200, 'at most 200 target periods');

export const MqlThreshold = z.number().min(0).max(100);

/** Per rep and per browser, never synced: desktop notifications are a personal choice. */
export const NotificationPrefsSchema = z.strictObject({ dueSummary: z.boolean() });
export type NotificationPrefs = z.infer<typeof NotificationPrefsSchema>;

/**
 * The reasons a rep picks from when a deal is lost, before any free text. Absent: the built-in list
 * (lost-reasons.ts, each shown in the UI language); a team's own list replaces it.
 */
export const LostReasons = z.array(Phrase).max(50);

/**
 * When a cadence step counts as late: by the end of its local day (absent: the default, so enrolling
 * never makes step 1 overdue on the spot) or at its exact time. One rule for the whole team.
 */
export const DueRuleSchema = z.enum(['endOfDay', 'exactTime']);
const dueRuleMatch: Same<z.infer<typeof DueRuleSchema>, DueRule> = true;
void dueRuleMatch;

export const SettingsSchema = z.strictObject({
  scoringRules: ScoreRulesSchema,
  mqlThreshold: MqlThreshold,
  targets: Targets,
  defaultCurrency: CurrencyCode,
  notifications: NotificationPrefsSchema,
  lostReasons: LostReasons.optional(),
  dueRule: DueRuleSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type TeamSettings = Omit<Settings, 'notifications'>;

export const DEFAULT_SETTINGS: Settings = {
  scoringRules: DEFAULT_SCORE_RULES,
  mqlThreshold: 50,
  targets: {},
  defaultCurrency: 'USD',
  // On by default: a rep installs a follow-up tool to be told when follow-ups fall due.
  notifications: { dueSummary: true },
};

export type SettingsResult<T> = { ok: true; settings: T } | { ok: false; error: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (numbers, lists) replaces the base value whole. */
export function mergeOver<T>(base: T, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    // A JSON "__proto__" key would replace the result's prototype instead of adding a field.
    if (k === '__proto__') continue;
    out[k] = Object.hasOwn(base, k) ? mergeOver(base[k], v) : v;
  }
  return out;
}

// Lets messages tell a missing value from a wrong one.
const REPORT = { reportInput: true } as const;

function pathText(root: string, path: readonly PropertyKey[]): string {
  let s = root;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || 'settings';
}

function issueText(root: string, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => `${pathText(root, [...issue.path, k])}: unknown setting`).join('; ');
    case 'invalid_type':
      return `${pathText(root, issue.path)}: ${issue.input === undefined ? 'is missing' : `must be ${article(issue.expected)}`}`;
    case 'too_big':
      return `${pathText(root, issue.path)}: must be at most ${issue.maximum}${unit(issue.origin)}`;
    case 'too_small':
      return `${pathText(root, issue.path)}: must be at least ${issue.minimum}${unit(issue.origin)}`;
    case 'invalid_key':
      return `${pathText(root, issue.path)}: ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return `${pathText(root, issue.path)}: ${issue.message}`;
  }
}

function article(expected: string): string {
  return expected === 'int' ? 'a whole number' : /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function unit(origin: string): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}

/** One human sentence naming the bad field(s), e.g. "scoringRules.seniority.points: must be at most 100". */
export function describeError(root: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => issueText(root, i))
    .join('; ');
}

/**
 * Validate settings from the options page or an imported file. `input` may be partial: it is merged
 * over `base` (the current settings, or defaults) — objects key by key, lists and targets replaced
 * whole — and the merged result is validated as one piece, so it is applied entirely or not at all.
 */
export function parseSettings(input: unknown, base: Settings = DEFAULT_SETTINGS): SettingsResult<Settings> {
  if (!isPlainObject(input)) return { ok: false, error: 'settings: must be an object' };
  const merged = { ...(mergeOver(base, input) as Record<string, unknown>) };
  if ('targets' in input) merged.targets = input.targets;
  const r = SettingsSchema.safeParse(merged, REPORT);
  return r.success ? { ok: true, settings: r.data } : { ok: false, error: describeError('', r.error) };
}

/** Validate a whole scoring-rules object edited in options (partial objects are merged over `base`). */
export function parseScoreRules(input: unknown, base: ScoreRules = DEFAULT_SCORE_RULES): SettingsResult<ScoreRules> {
  if (!isPlainObject(input)) return { ok: false, error: 'scoringRules: must be an object' };
  const r = ScoreRulesSchema.safeParse(mergeOver(base, input), REPORT);
  return r.success ? { ok: true, settings: r.data } : { ok: false, error: describeError('scoringRules', r.error) };
}

/** The server's `scoring_rules` jsonb: '{}' means the built-in defaults; a partial object overrides them. */
export function scoringRulesFromServer(json: unknown): SettingsResult<ScoreRules> {
  if (json === null || json === undefined) return { ok: true, settings: DEFAULT_SCORE_RULES };
  if (!isPlainObject(json)) return { ok: false, error: 'scoring_rules: must be an object' };
  const r = LenientScoreRulesSchema.safeParse(mergeOver(DEFAULT_SCORE_RULES, json), REPORT);
  return r.success ? { ok: true, settings: r.data } : { ok: false, error: describeError('scoring_rules', r.error) };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff(base: unknown, value: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(value)) return sameJson(base, value) ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const d = diff(base[k], v);
    if (d !== undefined) out[k] = d;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * What the server stores: only the rules that differ from the defaults ('{}' when none do), so a
 * team that never tuned a rule gets improved defaults with a later version.
 */
export function scoringRulesToServer(rules: ScoreRules): Record<string, unknown> {
  return (diff(DEFAULT_SCORE_RULES, rules) as Record<string, unknown> | undefined) ?? {};
}

export interface TeamSettingsRow {
  scoring_rules?: unknown;
  mql_threshold?: unknown;
  targets?: unknown;
  default_currency?: unknown;
  lost_reasons?: unknown;
  cadence_due_rule?: unknown;
}

// PostgREST may hand numeric columns over as strings to keep their precision.
const NumericFromServer = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(MqlThreshold);

const TeamSettingsRowSchema = z.object({
  mql_threshold: NumericFromServer.default(DEFAULT_SETTINGS.mqlThreshold),
  targets: Targets.default({}),
  default_currency: CurrencyCode.default(DEFAULT_SETTINGS.defaultCurrency),
  // null: the team keeps the built-in reasons.
  lost_reasons: LostReasons.nullable().default(null),
  cadence_due_rule: DueRuleSchema.default('endOfDay'),
});

/** A `team_settings` row (as pulled) to validated team settings; missing columns take their defaults. */
export function teamSettingsFromServer(row: TeamSettingsRow): SettingsResult<TeamSettings> {
  const rules = scoringRulesFromServer(row.scoring_rules);
  if (!rules.ok) return rules;
  const r = TeamSettingsRowSchema.safeParse(row, REPORT);
  if (!r.success) return { ok: false, error: describeError('', r.error) };
  return {
    ok: true,
    settings: {
      scoringRules: rules.settings,
      mqlThreshold: r.data.mql_threshold,
      targets: r.data.targets,
      defaultCurrency: r.data.default_currency,
      ...(r.data.lost_reasons?.length ? { lostReasons: r.data.lost_reasons } : {}),
      dueRule: r.data.cadence_due_rule,
    },
  };
}

/** Team settings as the server's columns (the notification preference stays in the browser). */
export function teamSettingsToServer(s: TeamSettings): Required<TeamSettingsRow> {
  return {
    scoring_rules: scoringRulesToServer(s.scoringRules),
    mql_threshold: s.mqlThreshold,
    targets: s.targets,
    default_currency: s.defaultCurrency,
    lost_reasons: lostReasonsToServer(s.lostReasons),
    cadence_due_rule: s.dueRule ?? 'endOfDay',
  };
}

/** An empty or absent list is stored as null: the built-in reasons. */
export function lostReasonsToServer(reasons: readonly string[] | undefined): string[] | null {
  return reasons?.length ? [...reasons] : null;
}
