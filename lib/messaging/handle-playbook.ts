// Requests of the playbook (gates, adjustment, cadences, stages, settings, stalled list).
import { DEFAULT_SETTINGS, parseSettings, type TeamSettings } from '../model/settings';
import { countCrossing } from '../pipeline/score-preview';
import type { StoreContext } from '../store/context';
import * as playbook from '../store/playbook';
import { canEditTeam, goneDarkAndNotContacted, liveCadences, memberName, stalledProspects } from '../store/playbook-queries';
import { listStages } from '../store/queries';
import { teamSettings } from '../store/settings';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

import { CodedError } from './errors';

function validSettings(input: unknown): TeamSettings {
  const parsed = parseSettings({ ...(input as object), notifications: DEFAULT_SETTINGS.notifications });
  if (!parsed.ok) throw new CodedError('invalid_settings', parsed.error);
  const { notifications: _n, ...team } = parsed.settings;
  return team;
}

async function mustEdit(ctx: StoreContext): Promise<void> {
  if (!(await canEditTeam(ctx))) throw new CodedError('team_admin_only', 'Only the team’s owners and admins change stages, scoring and cadences');
}

export async function dispatchPlaybook(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'setStage':
      return playbook.moveStage(ctx, req.prospectId, req.stageKey, req.confirmed === true, req.lostReason ?? null);
    case 'setSqlChecklist':
      return { prospect: await playbook.setSqlChecklist(ctx, req.prospectId, req.items) };
    case 'setScoreAdjustment':
      return { prospect: await playbook.setScoreAdjustment(ctx, req.prospectId, req.points) };
    case 'enrol':
      return { prospect: await playbook.enrolProspect(ctx, req.prospectId, req.cadenceId, req.timeZone) };
    case 'cadenceAction':
      return { prospect: await playbook.cadenceAction(ctx, req.prospectId, req.action) };
    case 'cadences':
      return { cadences: await liveCadences(ctx) };
    case 'saveCadence':
      await mustEdit(ctx);
      return { cadence: await playbook.saveCadence(ctx, req.cadence) };
    case 'deleteCadence':
      await mustEdit(ctx);
      await playbook.deleteCadence(ctx, req.id);
      return { deleted: true };
    case 'settings':
      return { settings: await teamSettings(ctx), canEdit: await canEditTeam(ctx) };
    case 'previewSettings': {
      const next = validSettings(req.settings);
      const current = await teamSettings(ctx);
      const prospects = await ctx.db.prospects.filter((p) => p.deletedAt === null).toArray();
      const touches = await ctx.db.touches.toArray();
      const byProspect = new Map<string, typeof touches>();
      for (const t of touches) byProspect.set(t.prospectId, [...(byProspect.get(t.prospectId) ?? []), t]);
      const inputs = prospects.map((p) => ({ ...p, touches: byProspect.get(p.id) ?? [], manualAdjustment: p.scoreAdjustment }));
      return countCrossing(inputs, current.scoringRules, next.scoringRules, next.mqlThreshold, ctx.now(), current.mqlThreshold);
    }
    case 'saveSettings':
      await mustEdit(ctx);
      return { rescored: await playbook.saveSettings(ctx, validSettings(req.settings)) };
    case 'saveStage':
      await mustEdit(ctx);
      return { stage: await playbook.saveStage(ctx, req.stage) };
    case 'reorderStage':
      await mustEdit(ctx);
      await playbook.reorderStage(ctx, req.id, req.delta);
      return { done: true };
    case 'removeStage':
      await mustEdit(ctx);
      return { moved: await playbook.removeStage(ctx, req.id, req.reassignTo) };
    case 'stalled': {
      if (req.all) return goneDarkView(ctx);
      const stages = new Map((await listStages(ctx)).map((s) => [s.id, s]));
      const all = await stalledProspects(ctx);
      return {
        count: all.length,
        items: all.slice(0, req.limit).map(({ prospect: p, silenceDays }) => ({
          prospectId: p.id,
          name: p.name,
          company: p.company,
          stageKey: stages.get(p.stageId)?.key ?? 'unknown',
          stageName: stages.get(p.stageId)?.name ?? null,
          silenceDays,
        })),
      };
    }
    default:
      return undefined;
  }
}

/** The gone-dark view's lists, whole: every gone-dark and every not-contacted person, with what they sort and filter by. */
async function goneDarkView(ctx: StoreContext): Promise<ResponseMap['stalled']> {
  const stageList = await listStages(ctx);
  const stages = new Map(stageList.map((s, i) => [s.id, { s, order: i }]));
  const { dark, notContacted } = await goneDarkAndNotContacted(ctx);
  const view = ({ prospect: p, silenceDays }: (typeof dark)[number]) => {
    const st = stages.get(p.stageId);
    return {
      prospectId: p.id,
      name: p.name,
      company: p.company,
      stageId: p.stageId,
      stageKey: st?.s.key ?? 'unknown',
      stageName: st?.s.name ?? null,
      stageOrder: st?.order ?? 0,
      ownerId: p.ownerId,
      dealValue: p.dealValue,
      currency: p.currency,
      silenceDays,
    };
  };
  const ownerIds = [...new Set([...dark, ...notContacted].map((i) => i.prospect.ownerId))];
  const owners = await Promise.all(ownerIds.map(async (id) => ({ id, name: await memberName(ctx, id), you: id === ctx.userId })));
  return {
    count: dark.length,
    items: dark.map(view),
    notContacted: notContacted.map(view),
    stages: stageList.map((s) => ({ id: s.id, key: s.key, name: s.name, kind: s.kind })),
    owners,
  };
}
