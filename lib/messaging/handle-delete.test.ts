import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, addFollowUp } from '../store/commands';
import { handleRequest } from './handle';
import { exportFileName } from './handle-delete';
import { isMutation } from './schemas';
import { CONTENT_SCRIPT_REQUESTS } from './sender-policy';

const ayu = {
  slug: 'ayu-lestari-1',
  email: 'ayu@nusantara.example',
  name: 'Ayu Lestari',
  headline: null,
  title: 'CFO',
  company: 'Nusantara Logistik',
  location: null,
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-1/',
  source: 'social_selling' as const,
};

describe('delete requests', () => {
  it('delete, undo and the badge through the message boundary; the token comes back as it went', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, ayu);
    await addFollowUp(ctx, { prospectId: prospect.id, title: 'Call', dueAt: ctx.now() - 1000 });
    const del = await handleRequest(ctx, { type: 'deleteProspects', ids: [prospect.id] });
    if (!del.ok) throw new Error(del.error);
    const token = (del.data as { token: unknown }).token;
    expect(await handleRequest(ctx, { type: 'overdue' })).toEqual({ ok: true, data: { count: 0 } });
    const undo = await handleRequest(ctx, { type: 'undoDelete', token: JSON.parse(JSON.stringify(token)) });
    expect(undo).toMatchObject({ ok: true, data: { restored: [{ id: prospect.id, name: 'Ayu Lestari' }] } });
    expect(await handleRequest(ctx, { type: 'overdue' })).toEqual({ ok: true, data: { count: 1 } });
  });

  it('refuses a malformed token and an empty list with a sentence', async () => {
    const { ctx } = await testStore();
    const bad = await handleRequest(ctx, { type: 'undoDelete', token: { ids: ['nope'], at: 1 } });
    expect(bad.ok).toBe(false);
    const empty = await handleRequest(ctx, { type: 'deleteProspects', ids: [] });
    expect(empty.ok).toBe(false);
  });

  it('exports one person as JSON under a safe file name; erasing is a mutation no content script may ask for', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, ayu);
    const out = await handleRequest(ctx, { type: 'exportPerson', id: prospect.id });
    if (!out.ok) throw new Error(out.error);
    const data = out.data as { json: string; fileName: string };
    expect(JSON.parse(data.json).prospect.emails).toEqual(['ayu@nusantara.example']);
    expect(data.fileName).toMatch(/^jalur-person-ayu-lestari-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exportFileName('../../etc/passwd', 0)).toBe('jalur-person-etc-passwd-1970-01-01.json');
    expect(isMutation('erasePeople')).toBe(true);
    expect(isMutation('deleteProspects')).toBe(true);
    expect(isMutation('undoDelete')).toBe(true);
    for (const t of ['deleteProspects', 'undoDelete', 'erasePeople', 'exportPerson', 'deleteRights']) {
      expect((CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(t)).toBe(false);
    }
    const erased = await handleRequest(ctx, { type: 'erasePeople', ids: [prospect.id] });
    expect(erased).toEqual({ ok: true, data: { erased: 1 } });
    expect(await ctx.db.prospects.count()).toBe(0);
  });
});
