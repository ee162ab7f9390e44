// The gone-dark view's request: gone dark and not contacted yet, apart, whole, with stages and owners.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from './handle';

const DAY = 86_400_000;
const input = (slug: string, name: string) => ({
  slug,
  email: null,
  name,
  headline: null,
  title: null,
  company: 'PT Contoh',
  location: null,
  photoUrl: null,
  linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
  source: 'social_selling',
});

async function call<T>(ctx: Awaited<ReturnType<typeof testStore>>['ctx'], req: unknown): Promise<T> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

describe('stalled, all', () => {
  it('lists a never-contacted prospect as not contacted yet, never as gone dark; a contacted silent one as gone dark', async () => {
    const { ctx, advance } = await testStore();
    const never = (await call<{ prospect: { id: string } }>(ctx, { type: 'capture', input: input('belum-dihubungi', 'Belum Dihubungi') })).prospect;
    const quiet = (await call<{ prospect: { id: string } }>(ctx, { type: 'capture', input: input('sudah-diam', 'Sudah Diam') })).prospect;
    await call(ctx, { type: 'logTouch', prospectId: quiet.id, channel: 'linkedin_message', direction: 'out', note: null });
    advance(40 * DAY);
    const r = await call<{
      items: Array<{ prospectId: string; silenceDays: number; stageOrder: number; ownerId: string }>;
      count: number;
      notContacted: Array<{ prospectId: string }>;
      owners: unknown[];
      stages: unknown[];
    }>(ctx, { type: 'stalled', limit: 1, all: true });
    expect(r.items.map((i) => [i.prospectId, i.silenceDays, i.stageOrder, i.ownerId])).toEqual([[quiet.id, 40, 0, 'local']]);
    expect(r.count).toBe(1);
    expect(r.notContacted.map((i) => i.prospectId)).toEqual([never.id]);
    expect(r.owners).toEqual([{ id: 'local', name: null, you: true }]);
    expect(r.stages).toHaveLength(6);
    // The badge counts overdue follow-ups only: neither list touches it.
    expect(await call(ctx, { type: 'overdue' })).toEqual({ count: 0 });
  });
});
