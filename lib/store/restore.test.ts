import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { backupJson, parseBackup, type Backup } from '../io/export';
import { addFollowUp, captureProspect, deleteProspect, logTouch, setStage, type CaptureInput } from './commands';
import { completeFollowUp } from './playbook';
import { overdueCount } from './queries';
import { RestoreError, readBackup, restoreBackup } from './restore';
import { saveCadence } from './playbook';

const DAY = 86_400_000;

const ayu: CaptureInput = {
  slug: 'ayu-lestari-0c9d8e',
  email: 'ayu@contoh.id',
  name: 'Ayu Lestari',
  headline: 'Founder at Batik "Digital"\n=HYPERLINK()',
  title: null,
  company: 'Batik Digital',
  location: 'Yogyakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/',
  source: 'referral',
};

/** A store with a little of everything: prospects, a deleted one, touches, follow-ups (done, open, overdue), history, a cadence. */
async function busyStore() {
  const store = await testStore();
  const { ctx, advance } = store;
  const a = await captureProspect(ctx, ayu);
  const b = await captureProspect(ctx, { ...ayu, slug: 'rizky-pratama-5e6f7a', email: null, name: 'Rizky Pratama', linkedinUrl: null });
  const c = await captureProspect(ctx, { ...ayu, slug: null, email: 'gone@contoh.id', name: 'Gone', linkedinUrl: null });
  advance(DAY);
  await logTouch(ctx, { prospectId: a.prospect.id, channel: 'email', direction: 'in', note: 'Tertarik, kirim harga' });
  await setStage(ctx, a.prospect.id, 'qualification');
  const done = await addFollowUp(ctx, { prospectId: a.prospect.id, title: 'Kirim harga', dueAt: ctx.now() + DAY });
  await completeFollowUp(ctx, done.id);
  await addFollowUp(ctx, { prospectId: b.prospect.id, title: 'Telepon', dueAt: ctx.now() + 1000 });
  await deleteProspect(ctx, c.prospect.id);
  await saveCadence(ctx, { name: 'Mortgage check-ins', description: null, steps: [{ day: 0, channel: 'call', note: '' }] });
  advance(2000);
  expect(await overdueCount(ctx)).toBe(1);
  return store;
}

const withoutTime = (b: Backup) => JSON.parse(backupJson({ ...b, exportedAt: 'x' })) as unknown;

describe('backup and restore', () => {
  it('round-trips exactly: backup → changes → restore → the same backup', async () => {
    const { ctx, advance } = await busyStore();
    const first = await readBackup(ctx);
    expect(first.tables.prospects).toHaveLength(3);
    expect(first.tables.cadences).toHaveLength(2);
    // The overdue count is a cache, not data.
    expect(first.tables.meta.map((m) => m.key)).not.toContain('overdue');

    advance(DAY);
    await captureProspect(ctx, { ...ayu, slug: 'someone-new', email: 'new@contoh.id', name: 'Someone New', linkedinUrl: null });
    await setStage(ctx, first.tables.prospects[0]!.id, 'lost');
    await ctx.db.cadences.clear();

    const parsed = parseBackup(backupJson(first));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counts = await restoreBackup(ctx, parsed.backup);
    expect(counts).toMatchObject({ prospects: 3, cadences: 2, stages: 6 });
    const again = await readBackup(ctx);
    expect(withoutTime(again)).toEqual(withoutTime(first));
    // The badge count is recounted from the restored follow-ups.
    expect(await ctx.db.meta.get('overdue')).toBeUndefined();
    expect(await overdueCount(ctx)).toBe(1);
  });

  it('restores into another browser’s empty store of the same pipeline', async () => {
    const { ctx } = await busyStore();
    const backup = await readBackup(ctx);
    const { ctx: fresh } = await testStore();
    fresh.newId = () => crypto.randomUUID(); // the helper's counter ids would repeat the first store's
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreBackup(fresh, parsed.backup);
    expect(withoutTime(await readBackup(fresh))).toEqual(withoutTime(backup));
    // New writes continue the restored outbox and clock.
    const seqBefore = (await fresh.db.outbox.toArray()).at(-1)!.seq!;
    await captureProspect(fresh, { ...ayu, slug: 'after-restore', email: null, name: 'After', linkedinUrl: null });
    const after = (await fresh.db.outbox.toArray()).at(-1)!;
    expect(after.seq!).toBeGreaterThan(seqBefore);
    expect(after.hlc > backup.tables.outbox.at(-1)!.hlc).toBe(true);
  });

  it('refuses another pipeline’s backup and changes nothing', async () => {
    const { ctx } = await busyStore();
    const backup = await readBackup(ctx);
    const { ctx: team } = await testStore();
    team.teamId = '7a1c2f4e-0000-4000-8000-000000000001';
    const before = await readBackup(team);
    const err = await restoreBackup(team, backup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreError);
    expect((err as RestoreError).code).toBe('other-scope');
    expect(withoutTime(await readBackup(team))).toEqual(withoutTime(before));
  });

  it('a backup made before cadences existed keeps the current cadences', async () => {
    const { ctx } = await busyStore();
    const backup = await readBackup(ctx);
    const { cadences: _c, ...older } = backup.tables;
    await ctx.db.prospects.clear();
    await restoreBackup(ctx, { ...backup, tables: older });
    expect(await ctx.db.prospects.count()).toBe(3);
    expect(await ctx.db.cadences.count()).toBe(2);
  });

  it('is all or nothing: a row the database refuses leaves the store as it was', async () => {
    const { ctx } = await busyStore();
    const before = await readBackup(ctx);
    const broken = structuredClone(before);
    // Two outbox rows with one sequence number pass the file check (it keys outbox rows by mutation id) but not IndexedDB.
    broken.tables.outbox[1]!.seq = broken.tables.outbox[0]!.seq;
    await expect(restoreBackup(ctx, broken)).rejects.toThrow();
    expect(withoutTime(await readBackup(ctx))).toEqual(withoutTime(before));
  });
});
