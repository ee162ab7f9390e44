import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from './handle';
import type { TeamSettings } from '../model/settings';

async function current(ctx: Parameters<typeof handleRequest>[0]): Promise<TeamSettings> {
  const r = await handleRequest(ctx, { type: 'settings' });
  if (!r.ok) throw new Error(r.error);
  return (r.data as { settings: TeamSettings }).settings;
}

describe('settings requests take the whole settings object and nothing less', () => {
  it('refuses null, partial and unknown-key settings with a sentence naming the field, and changes nothing', async () => {
    const { ctx } = await testStore();
    const before = await current(ctx);
    const tuned = { ...before, mqlThreshold: 35, defaultCurrency: 'IDR' };
    const saved = await handleRequest(ctx, { type: 'saveSettings', settings: tuned });
    expect(saved.ok).toBe(true);
    const outboxBefore = await ctx.db.outbox.count();

    // Named as the options page names them (it shows the sentence beside the scoring form).
    const cases: [unknown, RegExp][] = [
      [null, /^settings: must be an object$/],
      [undefined, /^settings: is missing$/],
      ['defaults', /^settings: must be an object$/],
      [[], /^settings: must be an object$/],
      [{}, /^scoringRules: is missing/],
      [{ mqlThreshold: 30 }, /^scoringRules: is missing/],
      [{ ...tuned, mqlThreshold: 130 }, /^mqlThreshold: must be at most 100$/],
      [{ ...tuned, notifications: { dueSummary: false } }, /^notifications: unknown setting$/],
      [{ ...tuned, extra: 1 }, /^extra: unknown setting$/],
      [{ ...tuned, scoringRules: { ...tuned.scoringRules, warmSource: undefined } }, /^scoringRules\.warmSource: is missing$/],
    ];
    for (const [settings, message] of cases) {
      for (const type of ['saveSettings', 'previewSettings']) {
        const r = await handleRequest(ctx, { type, settings });
        expect(r.ok, `${type} ${JSON.stringify(settings)}`).toBe(false);
        if (!r.ok) expect(r.error).toMatch(message);
      }
    }
    expect(await current(ctx)).toEqual(tuned);
    expect(await ctx.db.outbox.count()).toBe(outboxBefore);
  });

  it('still saves and previews a whole settings object', async () => {
    const { ctx } = await testStore();
    const settings = { ...(await current(ctx)), mqlThreshold: 40 };
    const preview = await handleRequest(ctx, { type: 'previewSettings', settings });
    expect(preview.ok).toBe(true);
    const saved = await handleRequest(ctx, { type: 'saveSettings', settings });
    expect(saved).toEqual({ ok: true, data: { rescored: 0 } });
    expect((await current(ctx)).mqlThreshold).toBe(40);
  });
});
