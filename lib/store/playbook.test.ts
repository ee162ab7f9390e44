import { describe, expect, it } from 'vitest';
import { T0, testStore } from '../../test/unit/store-helpers';
import { DEFAULT_SETTINGS } from '../model/settings';
import { endOfLocalDay } from '../pipeline/cadence';
import { DAY_MS } from '../pipeline/staleness';
import { captureProspect, logTouch, type CaptureInput } from './commands';
import { completeFollowUp } from './playbook';
import {
  cadenceAction,
  enrolProspect,
  moveStage,
  removeStage,
  reorderStage,
  saveSettings,
  saveStage,
  setScoreAdjustment,
  setSqlChecklist,
} from './playbook';
import { liveCadences, stalledProspects } from './playbook-queries';
import { listStages, overdueCount } from './queries';

const dewi: CaptureInput = {
  slug: 'dewi-kusuma',
  email: null,
  name: 'Dewi Kusuma',
  headline: null,
  title: 'Operations Manager',
  company: 'Sinar Logistik',
  location: 'Bandung',
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
};

async function withProspect() {
  const store = await testStore();
  const { prospect } = await captureProspect(store.ctx, dewi);
  return { ...store, prospect };
}

const { notifications: _n, ...teamDefaults } = DEFAULT_SETTINGS;

describe('SQL gate', () => {
  it('is passed when the three required items are ticked, once, recording who and when', async () => {
    const { ctx, prospect, advance } = await withProspect();
    let p = await setSqlChecklist(ctx, prospect.id, { interest_confirmed: true, budget: true });
    expect(p.sqlAt).toBeNull();
    advance(60_000);
    p = await setSqlChecklist(ctx, prospect.id, { buying_process: true, decision_maker: true });
    expect(p.sqlAt).toBe(T0 + 60_000);
    expect(p.sqlChecklist.accepted_by).toBe('local');
    // Checklist points count in the score and its breakdown.
    expect(p.scoreBreakdown.map((l) => l.rule)).toEqual(expect.arrayContaining(['sql_interest_confirmed', 'sql_budget']));
    advance(60_000);
    p = await setSqlChecklist(ctx, prospect.id, { decision_maker: false });
    expect(p.sqlAt).toBe(T0 + 60_000);
    const queued = (await ctx.db.outbox.toArray()).filter((e) => e.entity === 'prospect' && typeof e.fields.sqlAt === 'number');
    expect(queued).toHaveLength(1);
  });

  it('moving past qualification without SQL asks first; confirmed, it moves', async () => {
    const { ctx, prospect } = await withProspect();
    expect((await moveStage(ctx, prospect.id, 'qualification', false)).needsConfirmation).toBe(false);
    const asked = await moveStage(ctx, prospect.id, 'decision', false);
    expect(asked.needsConfirmation).toBe(true);
    const stages = await listStages(ctx);
    expect(stages.find((s) => s.id === asked.prospect.stageId)?.key).toBe('qualification');
    const moved = await moveStage(ctx, prospect.id, 'decision', true);
    expect(stages.find((s) => s.id === moved.prospect.stageId)?.key).toBe('decision');
  });
});

describe('score adjustment and rules', () => {
  it('a manual adjustment is a breakdown line; out-of-range values are refused', async () => {
    const { ctx, prospect } = await withProspect();
    const p = await setScoreAdjustment(ctx, prospect.id, 15);
    expect(p.score).toBe(prospect.score + 15);
    expect(p.scoreBreakdown.find((l) => l.rule === 'manual')?.points).toBe(15);
    await expect(setScoreAdjustment(ctx, prospect.id, 101)).rejects.toThrow(/-100 to 100/);
  });

  it('saving rules rescores everyone and marks MQL at the first crossing', async () => {
    const { ctx, prospect, advance } = await withProspect();
    expect(prospect.mqlAt).toBeNull();
    advance(1000);
    const rules = {
      ...teamDefaults.scoringRules,
      icp: { ...teamDefaults.scoringRules.icp, companies: { values: ['Sinar Logistik'], points: 40 } },
    };
    const changed = await saveSettings(ctx, { ...teamDefaults, scoringRules: rules, mqlThreshold: 30 });
    expect(changed).toBe(1);
    const p = (await ctx.db.prospects.get(prospect.id))!;
    expect(p.score).toBeGreaterThanOrEqual(30);
    expect(p.mqlAt).toBe(T0 + 1000);
    expect((await ctx.db.outbox.toArray()).some((e) => e.entity === 'team_settings')).toBe(true);
  });
});

describe('cadences', () => {
  it('enrol → step 1 due today (not overdue); Done logs the touch and schedules step 2; skip, pause, resume, stop', async () => {
    const { ctx, prospect, advance } = await withProspect();
    const [cadence] = await liveCadences(ctx);
    expect(cadence!.steps).toHaveLength(8);
    let p = await enrolProspect(ctx, prospect.id, cadence!.id, 'Asia/Jakarta');
    const open = async () =>
      (await ctx.db.followUps.where('prospectId').equals(prospect.id).toArray()).filter((f) => f.deletedAt === null && f.doneAt === null);
    let steps = await open();
    expect(steps).toHaveLength(1);
    // Each step is due by the end of its day in the rep's zone: enrolling does not make anything overdue.
    const eod = endOfLocalDay(T0, 'Asia/Jakarta');
    expect(steps[0]).toMatchObject({ cadenceId: cadence!.id, cadenceStep: 0, channel: 'connection_request', dueAt: eod });
    expect(steps[0]!.title).toContain('Sinar Logistik');
    expect(await overdueCount(ctx)).toBe(0);

    advance(3_600_000);
    await completeFollowUp(ctx, steps[0]!.id);
    p = (await ctx.db.prospects.get(prospect.id))!;
    expect(p.touchCount).toBe(1);
    expect(p.enrolment).toMatchObject({ step: 1, done: 1, status: 'active' });
    steps = await open();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ cadenceStep: 1, channel: 'linkedin_message', dueAt: eod + 2 * DAY_MS });

    p = await cadenceAction(ctx, prospect.id, 'skip');
    expect(p.enrolment).toMatchObject({ step: 2, skipped: 1 });
    expect((await open()).map((f) => f.cadenceStep)).toEqual([2]);

    p = await cadenceAction(ctx, prospect.id, 'pause');
    expect(p.enrolment?.status).toBe('paused');
    expect(await open()).toHaveLength(0);
    advance(2 * DAY_MS);
    p = await cadenceAction(ctx, prospect.id, 'resume');
    expect(p.enrolment?.status).toBe('active');
    expect((await open())[0]).toMatchObject({ cadenceStep: 2, dueAt: eod + 6 * DAY_MS });

    p = await cadenceAction(ctx, prospect.id, 'stop');
    expect(p.enrolment?.status).toBe('stopped');
    expect(await open()).toHaveLength(0);
    // A touch logged by hand is not a cadence step and changes nothing in the enrolment.
    await logTouch(ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: null });
    expect((await ctx.db.prospects.get(prospect.id))!.enrolment?.status).toBe('stopped');
  });
});

describe('stages editor', () => {
  it('edits a stale limit (the flag follows), adds, reorders, removes with reassignment', async () => {
    const { ctx, prospect, advance } = await withProspect();
    // Contacted once: gone dark is silence after contact.
    await logTouch(ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: null });
    advance(5 * DAY_MS);
    expect(await stalledProspects(ctx)).toHaveLength(0);
    const prospecting = (await listStages(ctx)).find((s) => s.key === 'prospecting')!;
    await saveStage(ctx, { id: prospecting.id, name: null, probability: 10, staleDays: 3 });
    expect((await stalledProspects(ctx)).map((i) => [i.prospect.id, i.silenceDays])).toEqual([[prospect.id, 5]]);

    const added = await saveStage(ctx, { name: 'Demo scheduled', probability: 50, staleDays: 5 });
    expect(added.key).toBe('demo_scheduled');
    let keys = (await listStages(ctx)).map((s) => s.key);
    expect(keys).toEqual(['prospecting', 'qualification', 'consideration', 'decision', 'demo_scheduled', 'delivery', 'lost']);
    await reorderStage(ctx, added.id, -1);
    keys = (await listStages(ctx)).map((s) => s.key);
    expect(keys.indexOf('demo_scheduled')).toBe(3);

    await moveStage(ctx, prospect.id, 'demo_scheduled', true);
    expect(await removeStage(ctx, added.id, 'consideration')).toBe(1);
    const p = (await ctx.db.prospects.get(prospect.id))!;
    expect((await listStages(ctx)).find((s) => s.id === p.stageId)?.key).toBe('consideration');
    expect((await listStages(ctx)).map((s) => s.key)).not.toContain('demo_scheduled');
    const ops = (await ctx.db.outbox.toArray()).filter((e) => e.entity === 'stage').map((e) => e.op);
    expect(ops).toContain('delete');

    // Without a prospecting stage, new people start in the first open stage.
    await removeStage(ctx, prospecting.id, 'qualification');
    const { prospect: next } = await captureProspect(ctx, { ...dewi, slug: 'rina-wati', name: 'Rina Wati' });
    expect((await listStages(ctx)).find((s) => s.id === next.stageId)?.key).toBe('qualification');
  });
});
