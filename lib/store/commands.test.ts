import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { addFollowUp, captureProspect, deleteProspect, logTouch, setStage, snoozeFollowUp, type CaptureInput } from './commands';
import { completeFollowUp } from './playbook';
import { dueSoon, findByIdentity, listStages, nextDueAfterNow, overdueCount } from './queries';

const HOUR = 3_600_000;

const siti: CaptureInput = {
  slug: 'siti-rahmawati-8b2a1c3',
  email: null,
  name: 'Siti Rahmawati',
  headline: 'Head of Procurement at Nusantara Logistik',
  title: 'Head of Procurement',
  company: 'Nusantara Logistik',
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/',
  source: 'social_selling',
};

describe('seed', () => {
  it('creates the six default stages once, in order', async () => {
    const { ctx } = await testStore();
    const { ensureSeeded } = await import('./seed');
    await ensureSeeded(ctx);
    const stages = await listStages(ctx);
    expect(stages.map((s) => s.key)).toEqual(['prospecting', 'qualification', 'consideration', 'decision', 'delivery', 'lost']);
    expect(stages.map((s) => s.probability)).toEqual([10, 20, 40, 70, 100, 0]);
    expect(stages.map((s) => s.staleDays)).toEqual([14, 14, 10, 7, null, null]);
  });
});

describe('captureProspect', () => {
  it('creates a cold social-selling prospect in prospecting, with a stage change and queued outbox entries', async () => {
    const { ctx } = await testStore();
    const { prospect, created } = await captureProspect(ctx, siti);
    expect(created).toBe(true);
    const stages = await listStages(ctx);
    expect(stages.find((s) => s.id === prospect.stageId)?.key).toBe('prospecting');
    expect(prospect.temperature).toBe('cold');
    expect(prospect.score).toBe(20); // senior title only
    expect(prospect.scoreBreakdown).toEqual([{ rule: 'seniority', points: 20, detail: 'head' }]);
    expect(await ctx.db.stageChanges.count()).toBe(1);
    const outbox = await ctx.db.outbox.toArray();
    expect(outbox.map((o) => o.entity)).toEqual(['prospect', 'stage_change']);
    expect(outbox[0]!.hlc < outbox[1]!.hlc).toBe(true);
  });

  it('updates instead of duplicating when the slug is seen again, keeping values the page no longer shows', async () => {
    const { ctx, advance } = await testStore();
    const first = await captureProspect(ctx, siti);
    await markQueuedSent(ctx); // the creation went out: the second capture queues an edit of its own
    advance(HOUR);
    const again = await captureProspect(ctx, { ...siti, title: 'VP Procurement', location: null });
    expect(again.created).toBe(false);
    expect(again.prospect.id).toBe(first.prospect.id);
    expect(again.prospect.title).toBe('VP Procurement');
    expect(again.prospect.location).toBe('Jakarta');
    expect(await ctx.db.prospects.count()).toBe(1);
    const unchanged = await captureProspect(ctx, { ...siti, title: 'VP Procurement' });
    expect(unchanged.created).toBe(false);
    expect(await ctx.db.outbox.count()).toBe(3);
  });

  it('matches by e-mail when there is no slug and adds a new e-mail to the same person', async () => {
    const { ctx } = await testStore();
    const a = await captureProspect(ctx, { ...siti, slug: null, linkedinUrl: null, email: 'siti@nusantara.example', source: 'email' });
    const b = await captureProspect(ctx, { ...siti, email: 'siti@nusantara.example' });
    expect(b.prospect.id).toBe(a.prospect.id);
    expect(b.prospect.slug).toBe(siti.slug);
    expect((await findByIdentity(ctx, null, 'siti@nusantara.example'))?.id).toBe(a.prospect.id);
  });

  it('rejects a capture with no name and writes nothing', async () => {
    const { ctx } = await testStore();
    await expect(captureProspect(ctx, { ...siti, name: '' })).rejects.toThrow();
    expect(await ctx.db.prospects.count()).toBe(0);
    expect(await ctx.db.outbox.count()).toBe(0);
  });
});

describe('stage changes and touches', () => {
  it('records every stage change in history and queues it', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    advance(HOUR);
    const moved = await setStage(ctx, prospect.id, 'qualification');
    expect(moved.stageEnteredAt).toBe(ctx.now());
    await setStage(ctx, prospect.id, 'qualification'); // no-op
    expect(await ctx.db.stageChanges.count()).toBe(2);
    await expect(setStage(ctx, prospect.id, 'nope')).rejects.toThrow(/Unknown stage/);
  });

  it('a reply raises the score and updates last touch', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    const { prospect: after } = await logTouch(ctx, {
      prospectId: prospect.id,
      channel: 'linkedin_message',
      direction: 'in',
      note: 'Interested',
    });
    expect(after.lastTouchAt).toBe(ctx.now());
    expect(after.touchCount).toBe(1);
    expect(after.score).toBe(20 + 3 + 8 + 10);
  });
});

describe('follow-ups and the overdue count', () => {
  it('counts overdue, not done, not snoozed follow-ups through the index', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    const past = await addFollowUp(ctx, { prospectId: prospect.id, title: 'Send deck', dueAt: ctx.now() - HOUR });
    const future = await addFollowUp(ctx, { prospectId: prospect.id, title: 'Call', dueAt: ctx.now() + 2 * HOUR });
    expect(await overdueCount(ctx)).toBe(1);
    expect(await nextDueAfterNow(ctx)).toBe(future.dueAt);
    expect((await dueSoon(ctx, 3 * HOUR, 10)).map((f) => f.id)).toEqual([past.id, future.id]);

    await snoozeFollowUp(ctx, past.id, ctx.now() + HOUR);
    expect(await overdueCount(ctx)).toBe(0);
    advance(HOUR + 1);
    expect(await overdueCount(ctx)).toBe(1);
    advance(HOUR);
    expect(await overdueCount(ctx)).toBe(2);
    await completeFollowUp(ctx, past.id);
    expect(await overdueCount(ctx)).toBe(1);
    await expect(snoozeFollowUp(ctx, future.id, ctx.now() - 1)).rejects.toThrow(/future/);
  });

  it('deleting a prospect tombstones it and its follow-ups, clearing them from the badge', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    await addFollowUp(ctx, { prospectId: prospect.id, title: 'Send deck', dueAt: ctx.now() - HOUR });
    await deleteProspect(ctx, prospect.id);
    expect(await overdueCount(ctx)).toBe(0);
    const row = await ctx.db.prospects.get(prospect.id);
    expect(row?.deletedAt).toBe(ctx.now());
    const ops = (await ctx.db.outbox.toArray()).map((o) => `${o.entity}:${o.op}`);
    expect(ops).toContain('prospect:delete');
    expect(ops).toContain('follow_up:delete');
    // Deletes are final, as on the server: clipping them again starts a new prospect that owns the keys.
    const back = await captureProspect(ctx, siti);
    expect(back.created).toBe(true);
    expect(back.prospect.id).not.toBe(prospect.id);
    expect((await findByIdentity(ctx, siti.slug, null))?.id).toBe(back.prospect.id);
  });
});

describe('incremental overdue count', () => {
  it('always equals a full recount, across writes, snoozes, deletes and time passing', async () => {
    const { ctx, advance } = await testStore();
    const { invalidateOverdue } = await import('./overdue');
    const fullCount = async () => {
      await invalidateOverdue(ctx);
      return overdueCount(ctx);
    };
    const { prospect } = await captureProspect(ctx, siti);
    const other = await captureProspect(ctx, { ...siti, slug: 'dimas-anggara-0f', name: 'Dimas Anggara', linkedinUrl: null });
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids: string[] = [];
    for (let step = 0; step < 120; step++) {
      const r = rand();
      if (r < 0.4 || ids.length === 0) {
        const f = await addFollowUp(ctx, {
          prospectId: rand() < 0.8 ? prospect.id : other.prospect.id,
          title: `t${step}`,
          dueAt: ctx.now() + Math.round((rand() - 0.5) * 6 * HOUR),
        }).catch(() => null); // the other prospect may be deleted by now
        if (f) ids.push(f.id);
      } else if (r < 0.55) {
        await completeFollowUp(ctx, ids[Math.floor(rand() * ids.length)]!).catch(() => undefined);
      } else if (r < 0.7) {
        await snoozeFollowUp(ctx, ids[Math.floor(rand() * ids.length)]!, ctx.now() + Math.round(rand() * 3 * HOUR) + 1).catch(
          () => undefined,
        );
      } else if (r < 0.73) {
        await deleteProspect(ctx, other.prospect.id).catch(() => undefined);
      } else {
        advance(Math.round(rand() * HOUR));
      }
      const incremental = await overdueCount(ctx);
      expect(incremental, `step ${step}`).toBe(await fullCount());
    }
  });

  it('counts in full again after the clock goes back', async () => {
    const { ctx, set } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    await addFollowUp(ctx, { prospectId: prospect.id, title: 'x', dueAt: ctx.now() - HOUR });
    expect(await overdueCount(ctx)).toBe(1);
    set(ctx.now() - 2 * HOUR);
    expect(await overdueCount(ctx)).toBe(0);
  });
});
