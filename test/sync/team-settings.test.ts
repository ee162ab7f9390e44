// The team's lost reasons and cadence due rule travel like the other team settings: an owner sets
// them on one device, a teammate's device receives them (and uses them), a rep cannot change them,
// and going back to the built-in reasons reaches the teammate too. Real supabase-js, stand-in server.
import { describe, expect, it } from 'vitest';
import { person } from '../unit/store-helpers';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { endOfLocalDay } from '../../lib/pipeline/cadence';
import { captureProspect } from '../../lib/store/commands';
import { enrolProspect, saveSettings } from '../../lib/store/playbook';
import { liveCadences } from '../../lib/store/playbook-queries';
import { teamSettings } from '../../lib/store/settings';
import { device } from './devices';
import { makeTeam, useStandIn } from './helpers';

const ctx = useStandIn();
const { notifications: _n, ...DEFAULT_TEAM } = DEFAULT_SETTINGS;
const JKT = 'Asia/Jakarta';

describe('team settings: lost reasons and the cadence due rule', () => {
  it('an owner’s list and rule reach a teammate, who uses them; a rep cannot change them', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'lostreasons', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    // Before: the built-in reasons, steps due by the end of their day.
    expect(await teamSettings(b.ctx)).toMatchObject({ dueRule: 'endOfDay' });
    expect((await teamSettings(b.ctx)).lostReasons).toBeUndefined();

    const reasons = ['Harga terlalu mahal', 'Went with a competitor', 'No budget this year'];
    await saveSettings(a.ctx, { ...DEFAULT_TEAM, lostReasons: reasons, dueRule: 'exactTime' });
    expect((await a.sync()).rejected).toBe(0);

    await b.sync();
    expect(await teamSettings(b.ctx)).toMatchObject({ lostReasons: reasons, dueRule: 'exactTime' });
    // The rule is used: enrolling on the teammate's device makes step 1 due at its exact time (now,
    // day 0), not by the end of the day.
    const { prospect } = await captureProspect(b.ctx, person('wulan-sari', 'Wulan Sari'));
    const [cadence] = await liveCadences(b.ctx);
    const before = Date.now();
    const enrolled = await enrolProspect(b.ctx, prospect.id, cadence!.id, JKT);
    expect(enrolled.enrolment!.dueAt!).toBeLessThanOrEqual(Date.now());
    expect(enrolled.enrolment!.dueAt!).toBeGreaterThanOrEqual(before - 1000);
    expect(enrolled.enrolment!.dueAt).not.toBe(endOfLocalDay(before, JKT));

    // A rep's attempt is refused by the server and the owner's list stays.
    await saveSettings(b.ctx, { ...(await teamSettings(b.ctx)), lostReasons: ['Mine only'] });
    const refused = await b.sync();
    expect(refused.rejected).toBeGreaterThan(0);
    const { rows } = await ctx.admin.query('select lost_reasons, cadence_due_rule from public.team_settings where team_id = $1', [teamId]);
    expect(rows).toEqual([{ lost_reasons: reasons, cadence_due_rule: 'exactTime' }]);

    // Back to the built-in reasons: the teammate's list goes too.
    await saveSettings(a.ctx, { ...(await teamSettings(a.ctx)), lostReasons: [], dueRule: 'endOfDay' });
    expect((await a.sync()).rejected).toBe(0);
    const c = await device(reps[0]!, teamId, 'c');
    expect((await teamSettings(c.ctx)).lostReasons).toBeUndefined();
    expect((await teamSettings(c.ctx)).dueRule).toBe('endOfDay');
  });
});
