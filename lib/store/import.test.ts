import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { readImportFile, type ImportFile } from '../io/import-plan';
import { addFollowUp, captureProspect, type CaptureInput } from './commands';
import { ImportError, applyImport, previewImport } from './import';
import { listStages, overdueCount } from './queries';

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

function file(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

const idNames = (key: string) => ({ consideration: ['Pertimbangan'], decision: ['Pembelian/Keputusan'] })[key] ?? [];

async function counts(ctx: Awaited<ReturnType<typeof testStore>>['ctx']) {
  return {
    prospects: await ctx.db.prospects.count(),
    stageChanges: await ctx.db.stageChanges.count(),
    outbox: await ctx.db.outbox.count(),
  };
}

const PEOPLE = [
  'Name,Email,LinkedIn URL,Title,Company,Stage,Deal value',
  'Dewi Anggraini,dewi@contoh.id,,Director of Sales,Toko Maju,,"Rp 25.000.000"',
  'Bima Saputra,,https://id.linkedin.com/in/Bima-Saputra-77/,Engineer,Kopi Nusantara,Pertimbangan,',
].join('\n');

describe('applyImport', () => {
  it('creates each new person through the store: first or named stage, stage change, score, outbox', async () => {
    const { ctx } = await testStore();
    const { created, updated, plan } = await applyImport(ctx, file(PEOPLE), { skipBadRows: false, stageNames: idNames });
    expect(plan.creates).toHaveLength(2);
    expect(updated).toEqual([]);
    const stages = new Map((await listStages(ctx)).map((s) => [s.id, s.key]));
    const [dewi, bima] = created;
    expect(dewi).toMatchObject({ name: 'Dewi Anggraini', emails: ['dewi@contoh.id'], dealValue: 25_000_000, source: 'social_selling' });
    expect(stages.get(dewi!.stageId)).toBe('prospecting');
    expect(dewi!.score).toBe(20); // a director, as a capture would score her
    expect(bima).toMatchObject({ slug: 'bima-saputra-77', linkedinUrl: 'https://www.linkedin.com/in/bima-saputra-77/' });
    expect(stages.get(bima!.stageId)).toBe('consideration');
    expect(await ctx.db.prospects.count()).toBe(2);
    const changes = await ctx.db.stageChanges.toArray();
    expect(changes.map((c) => [c.prospectId, c.fromStageId, stages.get(c.toStageId)])).toEqual([
      [dewi!.id, null, 'prospecting'],
      [bima!.id, null, 'consideration'],
    ]);
    const outbox = await ctx.db.outbox.toArray();
    expect(outbox.map((o) => [o.entity, o.entityId])).toEqual([
      ['prospect', dewi!.id],
      ['stage_change', changes[0]!.id],
      ['prospect', bima!.id],
      ['stage_change', changes[1]!.id],
    ]);
    // Clock order is queue order, and the clock is kept for the next write.
    expect(outbox.map((o) => o.hlc)).toEqual([...outbox.map((o) => o.hlc)].sort());
    const hlc = (await ctx.db.meta.get('hlc'))?.value as { millis: number; counter: number };
    expect(outbox.at(-1)!.hlc.startsWith(String(hlc.millis).padStart(15, '0'))).toBe(true);
  });

  it('importing the same file again adds nobody and writes nothing', async () => {
    const { ctx } = await testStore();
    await applyImport(ctx, file(PEOPLE), { skipBadRows: false, stageNames: idNames });
    const before = await counts(ctx);
    const preview = await previewImport(ctx, file(PEOPLE), { skipBadRows: false, stageNames: idNames });
    expect(preview.creates).toHaveLength(0);
    expect(preview.updates).toHaveLength(0);
    expect(preview.skipped.map((s) => s.reason)).toEqual(['unchanged', 'unchanged']);
    const again = await applyImport(ctx, file(PEOPLE), { skipBadRows: false, stageNames: idNames });
    expect(again.created).toEqual([]);
    expect(await counts(ctx)).toEqual(before);
  });

  it('merges into a clipped person by slug or e-mail like a capture: blanks never erase, addresses are added', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    const mail = await captureProspect(ctx, {
      ...siti,
      slug: null,
      linkedinUrl: null,
      name: 'Budi',
      email: 'budi@contoh.id',
      source: 'email',
    });
    advance(60_000);
    await markQueuedSent(ctx); // the clipped people went out: the import's changes are queued on their own
    const outboxBefore = await ctx.db.outbox.count();
    const csv = [
      'Name,Email,LinkedIn URL,Title,Company,Stage',
      // Same slug (another URL form); no title in the file; a new address; moved on in the pipeline.
      'Siti Rahmawati,siti@nusantara.example,https://www.linkedin.com/in/SITI-rahmawati-8b2a1c3?trk=x,,Nusantara Logistik Tbk,Pembelian/Keputusan',
      'Budi Hartono,BUDI@contoh.id,,,,',
    ].join('\n');
    const { updated, created } = await applyImport(ctx, file(csv), { skipBadRows: false, stageNames: idNames });
    expect(created).toEqual([]);
    const s = (await ctx.db.prospects.get(prospect.id))!;
    expect(s).toMatchObject({
      slug: 'siti-rahmawati-8b2a1c3',
      title: 'Head of Procurement',
      company: 'Nusantara Logistik Tbk',
      emails: ['siti@nusantara.example'],
    });
    const stages = new Map((await listStages(ctx)).map((x) => [x.id, x.key]));
    expect(stages.get(s.stageId)).toBe('decision');
    const b = (await ctx.db.prospects.get(mail.prospect.id))!;
    expect(b).toMatchObject({ name: 'Budi Hartono', emails: ['budi@contoh.id'], source: 'email' });
    expect(updated.map((p) => p.id)).toEqual([prospect.id, mail.prospect.id]);
    expect(await ctx.db.prospects.count()).toBe(2);
    // Only what changed is queued, with the stage change recorded in the history.
    const queued = (await ctx.db.outbox.toArray()).slice(outboxBefore);
    expect(queued.map((o) => o.entity)).toEqual(['prospect', 'stage_change', 'prospect']);
    expect(Object.keys(queued[0]!.fields).sort()).toEqual(
      ['company', 'emails', 'score', 'scoreBreakdown', 'stageEnteredAt', 'stageId'].sort(),
    );
    expect(queued[2]!.fields).toMatchObject({ name: 'Budi Hartono' });
    const last = (await ctx.db.stageChanges.where('prospectId').equals(prospect.id).sortBy('changedAt')).at(-1)!;
    expect([stages.get(last.fromStageId!), stages.get(last.toStageId)]).toEqual(['prospecting', 'decision']);
  });

  it('refuses a file with a bad row and writes nothing, unless bad rows are skipped', async () => {
    const { ctx } = await testStore();
    const csv = ['Name,Email', 'Rina Wijaya,rina@contoh.id', 'Nobody,not-an-address'].join('\n');
    const before = await counts(ctx);
    const refused = await applyImport(ctx, file(csv), { skipBadRows: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).plan.errors[0]).toMatchObject({ row: 2, line: 3, column: 'Email', code: 'invalid-email' });
    expect(await counts(ctx)).toEqual(before);
    const { created, plan } = await applyImport(ctx, file(csv), { skipBadRows: true });
    expect(created.map((p) => p.name)).toEqual(['Rina Wijaya']);
    expect(plan.badRows).toBe(1);
  });

  it('plans again inside the transaction: someone clipped since the preview is updated, not doubled', async () => {
    const { ctx } = await testStore();
    const csv = ['Name,LinkedIn URL,Company', 'Siti R.,https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/,Nusantara'].join('\n');
    expect((await previewImport(ctx, file(csv), { skipBadRows: false })).creates).toHaveLength(1);
    await captureProspect(ctx, siti);
    const { created, updated } = await applyImport(ctx, file(csv), { skipBadRows: false });
    expect(created).toEqual([]);
    expect(updated).toHaveLength(1);
    expect(await ctx.db.prospects.count()).toBe(1);
  });

  it('leaves the overdue count true (bulk writers invalidate it)', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    await addFollowUp(ctx, { prospectId: prospect.id, title: 'Call', dueAt: ctx.now() + 1000 });
    expect(await overdueCount(ctx)).toBe(0);
    advance(5000);
    await applyImport(ctx, file('Name,Email\nRina,rina@contoh.id'), { skipBadRows: false });
    expect(await ctx.db.meta.get('overdue')).toBeUndefined();
    expect(await overdueCount(ctx)).toBe(1);
  });

  it('imports thousands of rows in one go', async () => {
    const { ctx } = await testStore();
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},p${i}@contoh.id,https://www.linkedin.com/in/person-${i}/`);
    const { created } = await applyImport(ctx, file(['Name,Email,LinkedIn URL', ...rows].join('\n')), { skipBadRows: false });
    expect(created).toHaveLength(3000);
    expect(await ctx.db.prospects.count()).toBe(3000);
    expect(await ctx.db.outbox.count()).toBe(6000);
  }, 30_000);

  it('writes in slices with a pause between them: the store answers meanwhile, progress is reported', async () => {
    const { ctx } = await testStore();
    const rows = Array.from({ length: 2500 }, (_, i) => `Person ${i},p${i}@contoh.id`);
    const progress: string[] = [];
    const seenDuringPauses: number[] = [];
    const { created } = await applyImport(ctx, file(['Name,Email', ...rows].join('\n')), { skipBadRows: false }, {
      chunk: 1000,
      pause: async () => {
        // What a chip's lookup would read, between two slices: the slices written so far, whole.
        seenDuringPauses.push(await ctx.db.prospects.count());
      },
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(created).toHaveLength(2500);
    expect(progress).toEqual(['checking 1000/2500', 'checking 2000/2500', 'checking 2500/2500', 'importing 1000/2500', 'importing 2000/2500', 'importing 2500/2500']);
    expect(seenDuringPauses).toEqual([0, 0, 0, 1000, 2000]);
    expect(await ctx.db.outbox.count()).toBe(5000);
  });

  it('someone clipped while the import runs is not doubled', async () => {
    const { ctx } = await testStore();
    const csv = ['Name,LinkedIn URL', 'Siti R.,https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/', 'Rina Wijaya,https://www.linkedin.com/in/rina-wijaya-1/'].join('\n');
    let clipped = false;
    const { created, raced } = await applyImport(ctx, file(csv), { skipBadRows: false }, {
      chunk: 1,
      pause: async () => {
        // Between planning and writing, the rep clips Siti on LinkedIn.
        if (!clipped) await captureProspect(ctx, siti);
        clipped = true;
      },
    });
    expect(created.map((p) => p.name)).toEqual(['Rina Wijaya']);
    expect(raced).toBe(1);
    expect((await ctx.db.prospects.toArray()).map((p) => p.name).sort()).toEqual(['Rina Wijaya', 'Siti Rahmawati']);
  });
});
