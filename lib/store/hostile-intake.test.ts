// Every way a prospect enters the store gets the same cleaning and the same identity rule: capture,
// update, CSV import, restore, bringing a local pipeline into a team (pulled rows: lib/sync tests).
import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { backupJson, parseBackup } from '../io/export';
import { readImportFile } from '../io/import-plan';
import { isWellFormed } from '../model/text';
import { adoptLocal } from '../sync/adopt';
import { CommandError, addFollowUp, captureProspect, logTouch, updateProspect, type CaptureInput } from './commands';
import { applyImport } from './import';
import { readBackup, restoreBackup } from './restore';

const LONE = '\uD83D';
const HOSTILE_NAME = `\u202Eiwed\u202C Dewi\u0000 Ang${LONE}graini\u2066`;
const CLEAN_NAME = 'iwed Dewi Ang\uFFFDgraini';
const TRACKER = 'https://tracker.example/pixel.gif?who=dewi';
const CDN_PHOTO = 'https://media.licdn.com/dms/image/v2/D5603AQ/profile-displayphoto-shrink_200_200/0/1?e=1&v=beta&t=x';

const dewi: CaptureInput = {
  slug: 'dewi-anggraini-1a2b',
  email: 'dewi@contoh.id',
  name: 'Dewi Anggraini',
  headline: null,
  title: 'Director of Sales',
  company: 'Toko Maju',
  location: 'Bandung',
  photoUrl: CDN_PHOTO,
  linkedinUrl: 'https://www.linkedin.com/in/dewi-anggraini-1a2b/',
  source: 'social_selling',
};

/** Nothing queued for the server carries text its jsonb would refuse. */
async function queueIsWellFormed(ctx: Awaited<ReturnType<typeof testStore>>['ctx']) {
  const json = JSON.stringify(await ctx.db.outbox.toArray());
  expect(isWellFormed(json)).toBe(true);
  expect(json).not.toContain('\\u0000');
  expect(json).not.toContain('\u202E');
}

describe('capture', () => {
  it('cleans names, drops a tracker photo, keeps a LinkedIn CDN photo; what is queued is what is stored', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, { ...dewi, name: HOSTILE_NAME, company: `Toko${LONE} Maju`, photoUrl: TRACKER });
    expect(prospect.name).toBe(CLEAN_NAME);
    expect(prospect.company).toBe('Toko\uFFFD Maju');
    expect(prospect.photoUrl).toBeNull();
    await queueIsWellFormed(ctx);
    const again = await captureProspect(ctx, { ...dewi, photoUrl: CDN_PHOTO });
    expect(again.prospect.photoUrl).toBe(CDN_PHOTO);
    // A tracker offered later never replaces the photo, and queues nothing.
    const before = await ctx.db.outbox.count();
    const third = await captureProspect(ctx, { ...dewi, photoUrl: TRACKER });
    expect(third.prospect.photoUrl).toBe(CDN_PHOTO);
    expect(await ctx.db.outbox.count()).toBe(before);
  });

  it('refuses a profile URL off LinkedIn', async () => {
    const { ctx } = await testStore();
    await expect(captureProspect(ctx, { ...dewi, linkedinUrl: 'https://evil.example/in/dewi/' })).rejects.toThrow(CommandError);
    expect(await ctx.db.prospects.count()).toBe(0);
  });

  it('never gives one address to two live prospects: a slug match does not take an address someone else holds', async () => {
    const { ctx } = await testStore();
    const bima = await captureProspect(ctx, { ...dewi, slug: null, linkedinUrl: null, name: 'Bima', email: 'shared@contoh.id' });
    const d = await captureProspect(ctx, { ...dewi, email: null });
    const again = await captureProspect(ctx, { ...dewi, email: 'shared@contoh.id' });
    expect(again.prospect.id).toBe(d.prospect.id);
    expect(again.prospect.emails).toEqual([]);
    expect((await ctx.db.prospects.get(bima.prospect.id))!.emails).toEqual(['shared@contoh.id']);
  });
});

describe('update, touches and follow-ups', () => {
  it('cleans an edit the same way and queues the cleaned values', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, dewi);
    await markQueuedSent(ctx); // the creation went out: the edit is queued on its own
    const next = await updateProspect(ctx, prospect.id, { name: HOSTILE_NAME, lostReason: `harga${LONE}` });
    expect(next.name).toBe(CLEAN_NAME);
    expect(next.lostReason).toBe('harga\uFFFD');
    const last = (await ctx.db.outbox.toArray()).at(-1)!;
    expect(last.fields.name).toBe(CLEAN_NAME);
    await logTouch(ctx, { prospectId: prospect.id, channel: 'email', direction: 'in', note: `Re: harga${LONE}\u0000` });
    const f = await addFollowUp(ctx, { prospectId: prospect.id, title: `Telepon\u202E ${LONE}`, dueAt: ctx.now() + 1000 });
    expect(f.title).toBe('Telepon \uFFFD');
    await queueIsWellFormed(ctx);
  });

  it('accepts only a LinkedIn profile as the LinkedIn URL, stored in its canonical form', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, dewi);
    await expect(updateProspect(ctx, prospect.id, { linkedinUrl: 'https://evil.example/in/x/' })).rejects.toThrow(/LinkedIn profile/);
    await expect(updateProspect(ctx, prospect.id, { linkedinUrl: 'https://www.linkedin.com/company/x/' })).rejects.toThrow(CommandError);
    const next = await updateProspect(ctx, prospect.id, { linkedinUrl: 'http://id.linkedin.com/in/Dewi-Anggraini-1A2B?trk=x' });
    expect(next.linkedinUrl).toBe('https://www.linkedin.com/in/dewi-anggraini-1a2b/');
  });
});

describe('CSV import', () => {
  it('stores hostile cells cleaned and queues nothing the server would refuse', async () => {
    const { ctx } = await testStore();
    const read = readImportFile(`Name,Email,Company\n"${HOSTILE_NAME}",dewi@contoh.id,"Toko${LONE}\u202E"\n`);
    if (!read.ok) throw new Error(read.error.message);
    const { created } = await applyImport(ctx, read.file, { skipBadRows: false });
    expect(created).toHaveLength(1);
    const stored = (await ctx.db.prospects.toArray())[0]!;
    expect(stored.name).toBe(CLEAN_NAME);
    expect(stored.company).toBe('Toko\uFFFD');
    await queueIsWellFormed(ctx);
  });
});

describe('restore', () => {
  async function hostileBackup(edit: (tables: Record<string, Record<string, unknown>[]>) => void) {
    const { ctx } = await testStore();
    await captureProspect(ctx, dewi);
    await captureProspect(ctx, { ...dewi, slug: 'bima-saputra-77', email: 'bima@contoh.id', name: 'Bima Saputra', linkedinUrl: null });
    const data = JSON.parse(backupJson(await readBackup(ctx))) as { tables: Record<string, Record<string, unknown>[]> };
    edit(data.tables);
    const parsed = parseBackup(JSON.stringify(data));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const target = await testStore();
    return { ctx: target.ctx, backup: parsed.backup };
  }

  it('cleans names, drops tracker photos and non-LinkedIn profile URLs, and makes queued changes well-formed', async () => {
    const { ctx, backup } = await hostileBackup((t) => {
      const p = t.prospects![0]!;
      p.name = HOSTILE_NAME;
      p.photoUrl = TRACKER;
      p.linkedinUrl = 'https://evil.example/in/dewi/';
      t.outbox![0]!.fields = { name: `Dewi${LONE}`, note: 'a\u0000b' };
    });
    await restoreBackup(ctx, backup);
    const p = (await ctx.db.prospects.toArray()).find((x) => x.slug === 'dewi-anggraini-1a2b')!;
    expect(p.name).toBe(CLEAN_NAME);
    expect(p.photoUrl).toBeNull();
    expect(p.linkedinUrl).toBeNull();
    await queueIsWellFormed(ctx);
  });

  it('refuses a backup with two live prospects sharing a slug or an address, naming the rows', async () => {
    const slug = await hostileBackup((t) => {
      t.prospects![1]!.slug = 'dewi-anggraini-1a2b';
    });
    await expect(restoreBackup(slug.ctx, slug.backup)).rejects.toThrow(
      /row 0 \(Dewi Anggraini\) and row 1 \(Bima Saputra\) share the LinkedIn profile dewi-anggraini-1a2b/,
    );
    expect(await slug.ctx.db.prospects.count()).toBe(0);
    const email = await hostileBackup((t) => {
      t.prospects![1]!.emails = ['dewi@contoh.id'];
    });
    await expect(restoreBackup(email.ctx, email.backup)).rejects.toThrow(/share the e-mail address dewi@contoh\.id/);
    // A deleted prospect holds no key: that backup restores.
    const deleted = await hostileBackup((t) => {
      t.prospects![1]!.slug = 'dewi-anggraini-1a2b';
      t.prospects![1]!.deletedAt = 5;
    });
    await restoreBackup(deleted.ctx, deleted.backup);
    expect(await deleted.ctx.db.prospects.count()).toBe(2);
  });
});

describe('bringing a local pipeline into a team', () => {
  it('cleans rows an older version stored as they were', async () => {
    const local = await testStore();
    const { prospect } = await captureProspect(local.ctx, dewi);
    // Written as earlier versions could: straight into the table, past today's checks.
    await local.ctx.db.prospects.put({ ...prospect, name: HOSTILE_NAME, photoUrl: TRACKER, linkedinUrl: 'https://evil.example/x' });
    const team = await testStore();
    const t = { ...team.ctx, teamId: 'team-1', userId: '11111111-1111-4111-8111-111111111111' };
    await team.ctx.db.stages.toCollection().modify((s) => {
      s.teamId = 'team-1';
    });
    const report = await adoptLocal(local.ctx, t);
    expect(report.added).toBe(1);
    const row = (await team.ctx.db.prospects.get(prospect.id))!;
    expect(row.name).toBe(CLEAN_NAME);
    expect(row.photoUrl).toBeNull();
    expect(row.linkedinUrl).toBeNull();
    await queueIsWellFormed(team.ctx);
  });
});
