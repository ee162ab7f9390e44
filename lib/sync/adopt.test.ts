import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryDb, testStore } from '../../test/unit/store-helpers';
import { addFollowUp, captureProspect, logTouch, setStage } from '../store/commands';
import type { StoreContext } from '../store/context';
import { ensureSeeded } from '../store/seed';
import { adoptLocal } from './adopt';
import { toWire } from './map-out';

/** A team's store after its first pull: the team's stages, nothing else. */
async function teamStore(now: () => number): Promise<StoreContext> {
  const ctx: StoreContext = {
    db: memoryDb(`team-${randomUUID()}`),
    now,
    newId: () => randomUUID(),
    userId: randomUUID(),
    teamId: randomUUID(),
    nodeId: 'team',
  };
  await ensureSeeded(ctx);
  return ctx;
}

describe('bringing the local pipeline into a team', () => {
  it('reads the records themselves: the local pipeline queued nothing, and the team gets everything queued whole', async () => {
    const { ctx: local } = await testStore(undefined, { queue: false });
    const { prospect } = await captureProspect(local, {
      slug: 'joko-susilo',
      email: 'joko@contoh.id',
      name: 'Joko Susilo',
      headline: null,
      title: 'Direktur',
      company: 'Karya Abadi',
      location: 'Surabaya',
      photoUrl: null,
      linkedinUrl: 'https://www.linkedin.com/in/joko-susilo/',
      source: 'social_selling',
    });
    await setStage(local, prospect.id, 'decision');
    await logTouch(local, { prospectId: prospect.id, channel: 'call', direction: 'out', note: 'Asked about the trial' });
    await addFollowUp(local, { prospectId: prospect.id, title: 'Send the offer', dueAt: local.now() + 86_400_000 });
    expect(await local.db.outbox.count()).toBe(0);

    const team = await teamStore(local.now);
    const report = await adoptLocal(local, team);
    expect(report).toMatchObject({ added: 1, touches: 1, followUps: 1, skipped: 0 });
    const queued = await team.db.outbox.toArray();
    expect(queued.map((e) => e.entity).sort()).toEqual(['follow_up', 'prospect', 'stage_change', 'stage_change', 'touch']);
    // The person goes out as created, with everything the rep recorded locally.
    const person = queued.find((e) => e.entity === 'prospect')!;
    expect(toWire(person)).toMatchObject({
      op: 'upsert',
      id: prospect.id,
      fields: { name: 'Joko Susilo', title: 'Direktur', company: 'Karya Abadi', linkedin_slug: 'joko-susilo', emails: ['joko@contoh.id'] },
    });
    const teamStages = new Map((await team.db.stages.toArray()).map((s) => [s.id, s.key]));
    expect(teamStages.get(person.fields.stageId as string)).toBe('decision');
  });
});
