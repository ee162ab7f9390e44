// The team's playbook settings as this store knows them: pulled from the team (team mode) or set in
// options (local mode). Read by every score computation, so they are validated once when written.
import { DEFAULT_SETTINGS, parseSettings, type TeamSettings } from '../model/settings';
import type { StoreContext } from './context';

export const SETTINGS_KEY = 'settings';

const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  scoringRules: DEFAULT_SETTINGS.scoringRules,
  mqlThreshold: DEFAULT_SETTINGS.mqlThreshold,
  targets: DEFAULT_SETTINGS.targets,
  defaultCurrency: DEFAULT_SETTINGS.defaultCurrency,
};

export async function teamSettings(ctx: StoreContext): Promise<TeamSettings> {
  const row = await ctx.db.meta.get(SETTINGS_KEY);
  if (!row) return DEFAULT_TEAM_SETTINGS;
  const parsed = parseSettings({ ...(row.value as object), notifications: DEFAULT_SETTINGS.notifications });
  if (!parsed.ok) return DEFAULT_TEAM_SETTINGS;
  const { notifications: _n, ...team } = parsed.settings;
  return team;
}
