import { describe, expect, it } from 'vitest';
import { T0, testStore } from '../../test/unit/store-helpers';
import { flatten, groupToday, startOfLocalDay, windowEnd } from '../pipeline/today';
import { DEFAULT_CADENCE } from '../model/cadence';
import { DEFAULT_CADENCE_ID } from '../pipeline/default-cadence';
import { addFollowUp, captureProspect, deleteProspect, snoozeFollowUp, type CaptureInput } from './commands';
import { completeFollowUp } from './playbook';
import { liveCadences } from './playbook-queries';
import { cadenceAction, enrolProspect } from './playbook';
import { overdueCount } from './queries';
import { ensureSeeded } from './seed';
import { todayQueue } from './today-queue';

const JKT = 'Asia/Jakarta';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function person(i: number): CaptureInput {
  return {
    slug: `person-${i}`,
    email: null,
    name: `Person ${String(i).padStart(2, '0')}`,
    headline: null,
    title: null,
    company: `Company ${i}`,
    location: null,
    photoUrl: null,
    linkedinUrl: null,
    source: 'social_selling',
  };
}

describe('todayQueue', () => {
  it('holds every follow-up the badge counts, plus today and the next 7 days, with what a row shows', async () => {
    const { ctx } = await testStore();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await captureProspect(ctx, person(i))).prospect.id);
    // Overdue by hours to weeks, due later today, this week, and beyond the window.
    for (let i = 0; i < 6; i++) await addFollowUp(ctx, { prospectId: ids[i]!, title: `Late ${i}`, dueAt: T0 - (i + 1) * 5 * HOUR });
    await addFollowUp(ctx, { prospectId: ids[6]!, title: 'Later today', dueAt: T0 + 2 * HOUR });
    await addFollowUp(ctx, { prospectId: ids[7]!, title: 'Thursday', dueAt: T0 + 3 * DAY });
    await addFollowUp(ctx, { prospectId: ids[8]!, title: 'Next month', dueAt: T0 + 30 * DAY });
    const [cadence] = await liveCadences(ctx);
    await enrolProspect(ctx, ids[9]!, cadence!.id, JKT);

    const q = await todayQueue(ctx, windowEnd(ctx.now(), JKT));
    expect(q.now).toBe(T0);
    const groups = groupToday(q.items, q.now, JKT);
    expect(groups[0]!.items).toHaveLength(await overdueCount(ctx));
    expect(groups.map((g) => g.items.length)).toEqual([6, 2, 1]);
    expect(flatten(groups)[0]).toMatchObject({
      title: 'Late 5',
      name: 'Person 05',
      company: 'Company 5',
      stageKey: 'prospecting',
      cadence: null,
    });
    const step = q.items.find((i) => i.cadence);
    expect(step).toMatchObject({
      name: 'Person 09',
      channel: 'connection_request',
      cadence: { name: DEFAULT_CADENCE.name, step: 1, steps: 8 },
    });
    // Enrolling made step 1 due today, not overdue.
    expect(groups[1]!.items.map((i) => i.id)).toContain(step!.id);
    expect(q.items.find((i) => i.title === 'Next month')).toBeUndefined();
  });

  it('after Done, Snooze, Skip and a deletion the Overdue count still equals the badge', async () => {
    const { ctx, advance } = await testStore();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await captureProspect(ctx, person(i))).prospect.id);
    const [cadence] = await liveCadences(ctx);
    for (const id of ids.slice(0, 2)) await enrolProspect(ctx, id, cadence!.id, JKT);
    for (const id of ids) await addFollowUp(ctx, { prospectId: id, title: 'Call back', dueAt: T0 - HOUR });
    advance(DAY); // the cadence steps' day has passed: now they are overdue too
    const read = async () => {
      const q = await todayQueue(ctx, windowEnd(ctx.now(), JKT));
      return groupToday(q.items, q.now, JKT);
    };
    let groups = await read();
    expect(groups[0]!.items).toHaveLength(7);
    expect(await overdueCount(ctx)).toBe(7);
    const plain = groups[0]!.items.filter((i) => !i.cadence);
    await completeFollowUp(ctx, plain[0]!.id);
    await snoozeFollowUp(ctx, plain[1]!.id, ctx.now() + HOUR);
    await cadenceAction(ctx, ids[0]!, 'skip');
    await deleteProspect(ctx, ids[4]!);
    groups = await read();
    expect(groups[0]!.items).toHaveLength(await overdueCount(ctx));
    expect(groups[0]!.items).toHaveLength(3);
    // The snoozed one waits in Today, marked snoozed.
    expect(groups[1]!.items.find((i) => i.id === plain[1]!.id)?.snoozed).toBe(true);
  });

  it('a first page is the queue’s head in its order (ties by name) with every group’s count', async () => {
    const { ctx } = await testStore();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids[i] = (await captureProspect(ctx, person(i))).prospect.id;
    for (let i = 0; i < 5; i++) await addFollowUp(ctx, { prospectId: ids[i]!, title: `Late ${i}`, dueAt: T0 - (i + 1) * HOUR });
    // Four due at the same instant, added in reverse name order (ids run the other way): the page
    // must break the tie by name, as the whole queue does, not by the index's id order.
    for (let i = 8; i >= 5; i--) await addFollowUp(ctx, { prospectId: ids[i]!, title: `Tie ${i}`, dueAt: T0 + 2 * HOUR });
    for (let i = 9; i < 12; i++) await addFollowUp(ctx, { prospectId: ids[i]!, title: `Later ${i}`, dueAt: T0 + (i - 7) * DAY });
    const until = windowEnd(ctx.now(), JKT);
    const whole = flatten(groupToday((await todayQueue(ctx, until)).items, T0, JKT));
    const tomorrow = startOfLocalDay(T0, JKT, 1);

    for (const first of [1, 5, 6, 7, 12, 50]) {
      const page = await todayQueue(ctx, until, { first, tomorrow });
      expect(page.items.map((i) => i.id)).toEqual(whole.slice(0, first).map((i) => i.id));
      expect(page.counts).toEqual({ overdue: 5, today: 4, upcoming: 3 });
    }
    expect((await todayQueue(ctx, until, { first: 3, tomorrow })).counts!.overdue).toBe(await overdueCount(ctx));
    // The whole queue carries no counts: its groups are its items.
    expect((await todayQueue(ctx, until)).counts).toBeUndefined();
  });

  it('reads through the index: a follow-up of another rep is not in my queue', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, person(1));
    const mine = await addFollowUp(ctx, { prospectId: prospect.id, title: 'Mine', dueAt: T0 - HOUR });
    const theirs = { ...mine, id: '00000000-0000-4000-8000-00000000ffff', assigneeId: 'someone-else', title: 'Theirs' };
    await ctx.db.followUps.put(theirs);
    const q = await todayQueue(ctx, windowEnd(ctx.now(), JKT));
    expect(q.items.map((i) => i.title)).toEqual(['Mine']);
  });
});

describe('the default cadence follows the UI language of the first run', () => {
  it('Indonesian', async () => {
    const { ctx } = await testStore();
    await ctx.db.cadences.clear();
    await ensureSeeded(ctx, 'id');
    const [c] = await liveCadences(ctx);
    expect(c).toMatchObject({ name: DEFAULT_CADENCE_ID.name, steps: DEFAULT_CADENCE_ID.steps });
    expect(c!.steps.map((s) => [s.day, s.channel])).toEqual(DEFAULT_CADENCE.steps.map((s) => [s.day, s.channel]));
  });

  it('English, and a stored cadence is never rewritten', async () => {
    const { ctx } = await testStore();
    await ctx.db.cadences.clear();
    await ensureSeeded(ctx, 'en-GB');
    expect((await liveCadences(ctx))[0]!.name).toBe(DEFAULT_CADENCE.name);
    await ensureSeeded(ctx, 'id');
    expect((await liveCadences(ctx)).map((c) => c.name)).toEqual([DEFAULT_CADENCE.name]);
  });
});
