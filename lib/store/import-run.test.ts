import { describe, expect, it } from 'vitest';
import { peopleFile as people, testStore } from '../../test/unit/store-helpers';
import { readImportFile, type ImportFile } from '../io/import-plan';
import { captureProspect } from './commands';
import { GIVE_WAY_STEP, ImportCancelled, nextSliceRows, type ImportProgress, type ImportRun } from './import';
import type { StoreContext } from './context';
import { checkImport, dryRun, ProgressFeed, runImport } from './import-run';
import { backupJson } from '../io/export';
import { readBackup } from './restore';
import { checkBackupStream, restoreBackupStream, type OpenText } from './restore-stream';

describe('an import run as the options page drives it', () => {
  it('checks in slices of planChunk rows and writes in slices of chunk rows, reporting each', async () => {
    const { ctx } = await testStore();
    const seen: ImportProgress[] = [];
    const run = { chunk: 4, planChunk: 5, pause: async () => undefined, onProgress: (p: ImportProgress) => seen.push(p) };
    const preview = await dryRun(ctx, people(10), { skipBadRows: false }, run);
    expect(preview).toMatchObject({ rows: 10, creates: 10, importable: true });
    expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual(['checking 5/10', 'checking 10/10']);
    expect(await ctx.db.prospects.count()).toBe(0); // a dry run writes nothing

    seen.length = 0;
    const result = await runImport(ctx, people(10), { skipBadRows: false }, run);
    expect(result).toEqual({ created: 10, updated: 0, unchanged: 0, duplicatesInFile: 0, skippedBadRows: 0 });
    expect(seen.filter((p) => p.phase === 'importing').map((p) => p.done)).toEqual([4, 8, 10]);
    expect(await ctx.db.prospects.count()).toBe(10);
  });

  it('a cancelled dry run stops at the next slice and writes nothing', async () => {
    const { ctx } = await testStore();
    const controller = new AbortController();
    let slices = 0;
    const run = {
      chunk: 4,
      planChunk: 3,
      signal: controller.signal,
      pause: async () => {
        if (++slices === 2) controller.abort();
      },
    };
    const err = await dryRun(ctx, people(12), { skipBadRows: false }, run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCancelled);
    expect((err as ImportCancelled).outcome).toBeNull();
    expect(slices).toBe(2);
    expect(await ctx.db.prospects.count()).toBe(0);
  });

  it('a cancelled import keeps whole slices only, says what went in, and the same file again carries on', async () => {
    const { ctx } = await testStore();
    const controller = new AbortController();
    const file = people(10);
    let written = 0;
    const run = {
      chunk: 3,
      planChunk: 100,
      signal: controller.signal,
      pause: async () => undefined,
      onProgress: (p: ImportProgress) => {
        // Cancelled while the second slice is being written: that slice still commits whole.
        if (p.phase === 'importing') written = p.done;
        if (p.phase === 'importing' && p.done === 3) controller.abort();
      },
    };
    const err = await runImport(ctx, file, { skipBadRows: false }, run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCancelled);
    const outcome = (err as ImportCancelled).outcome!;
    expect(outcome.created).toHaveLength(3);
    expect(written).toBe(3);
    // Exactly the slices reported, each prospect with its stage history: nothing half-written.
    expect(await ctx.db.prospects.count()).toBe(3);
    expect(await ctx.db.stageChanges.count()).toBe(3);
    expect((await ctx.db.prospects.toArray()).map((p) => p.name).sort()).toEqual(['Orang 0', 'Orang 1', 'Orang 2']);

    // Resumable: the same file again matches the three and brings in the other seven, doubling no one.
    const again = await runImport(ctx, file, { skipBadRows: false }, { chunk: 3, pause: async () => undefined });
    expect(again).toMatchObject({ created: 7, updated: 0, unchanged: 3 });
    expect(await ctx.db.prospects.count()).toBe(10);
    expect(await ctx.db.stageChanges.count()).toBe(10);
  });

  it('a cancel after the last slice changes nothing: the import is complete', async () => {
    const { ctx } = await testStore();
    const controller = new AbortController();
    const run = {
      chunk: 5,
      signal: controller.signal,
      pause: async () => undefined,
      onProgress: (p: ImportProgress) => {
        if (p.phase === 'importing' && p.done === p.total) controller.abort();
      },
    };
    expect(await runImport(ctx, people(10), { skipBadRows: false }, run)).toMatchObject({ created: 10 });
  });

  it("the import writes the dry run's plan without planning the file again while no prospect changed", async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const file = people(10);
    // A first prospect, so the store has a change stamp to compare against.
    await runImport(ctx, people(1, 100), { skipBadRows: false });
    const checked = await checkImport(ctx, file, { skipBadRows: false }, { planChunk: 5, pause: async () => undefined });
    const seen: string[] = [];
    const run = { chunk: 4, planChunk: 5, pause: async () => undefined, onProgress: (p: ImportProgress) => seen.push(p.phase) };
    const result = await runImport(ctx, file, { skipBadRows: false }, run, checked.planned);
    expect(result).toMatchObject({ created: 10, updated: 0 });
    expect(seen).not.toContain('checking'); // not planned again
    expect(seen.filter((p) => p === 'importing')).toHaveLength(3);
    expect(await ctx.db.prospects.count()).toBe(11);
    expect(await ctx.db.outbox.count()).toBe(0); // local mode queues nothing
  });

  it("into a store no prospect was ever written to (a fresh install), the dry run's plan is written as it is, each slice listening for lookups", async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const file = people(10);
    const checked = await checkImport(ctx, file, { skipBadRows: false }, { planChunk: 5, pause: async () => undefined });
    const seen: string[] = [];
    let listened = 0;
    const giveWay = () => {
      listened++;
      return { promise: new Promise<void>(() => undefined), stop: () => undefined };
    };
    const run = { chunk: 4, planChunk: 5, giveWay, pause: async () => undefined, onProgress: (p: ImportProgress) => seen.push(p.phase) };
    expect(await runImport(ctx, file, { skipBadRows: false }, run, checked.planned)).toMatchObject({ created: 10 });
    expect(seen).not.toContain('checking'); // not planned again
    expect(listened).toBe(3); // every slice took the usual path, not the one that checks each key first
    expect(await ctx.db.prospects.count()).toBe(10);
  });

  it('a restore between the dry run and the import of a fresh store: the file is planned again and nobody is doubled', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const file = people(6);
    const checked = await checkImport(ctx, file, { skipBadRows: false });
    // Another store's backup, holding Orang 2, restored before Import is clicked.
    const other = await testStore(undefined, { queue: false });
    other.ctx.newId = () => crypto.randomUUID(); // the helper's counter ids would repeat this store's
    await runImport(other.ctx, people(1, 2), { skipBadRows: false });
    const text = backupJson(await readBackup(other.ctx));
    const open = (): OpenText =>
      async function* () {
        yield text;
      };
    const check = await checkBackupStream(ctx, open());
    if (!check.ok) throw new Error('backup refused');
    await restoreBackupStream(ctx, open(), check);
    const seen: string[] = [];
    const run = { chunk: 2, planChunk: 3, pause: async () => undefined, onProgress: (p: ImportProgress) => seen.push(p.phase) };
    const result = await runImport(ctx, file, { skipBadRows: false }, run, checked.planned);
    expect(seen).toContain('checking'); // planned again
    expect(result).toMatchObject({ created: 5, unchanged: 1 });
    expect(await ctx.db.prospects.where('slug').equals('orang-2').count()).toBe(1);
    expect(await ctx.db.prospects.count()).toBe(6);
  });

  it('someone clipped between the dry run and the import: the file is planned again and nobody is doubled', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    await runImport(ctx, people(1, 100), { skipBadRows: false });
    const file = people(6);
    const checked = await checkImport(ctx, file, { skipBadRows: false });
    // The rep clips Orang 2 on LinkedIn before clicking Import.
    await captureProspect(ctx, {
      slug: 'orang-2',
      email: null,
      name: 'Orang Dua',
      headline: null,
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: 'https://www.linkedin.com/in/orang-2/',
      source: 'social_selling',
    });
    const seen: string[] = [];
    const run = { chunk: 2, planChunk: 3, pause: async () => undefined, onProgress: (p: ImportProgress) => seen.push(p.phase) };
    const result = await runImport(ctx, file, { skipBadRows: false }, run, checked.planned);
    expect(seen).toContain('checking'); // planned again
    expect(result).toMatchObject({ created: 5, updated: 1 });
    expect(await ctx.db.prospects.where('slug').equals('orang-2').count()).toBe(1);
    expect(await ctx.db.prospects.count()).toBe(7);
  });

  it('a clip between two slices of a reused plan is not doubled: the slice checks the keys again once the stamp moved', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    await runImport(ctx, people(1, 100), { skipBadRows: false });
    const file = people(6);
    const checked = await checkImport(ctx, file, { skipBadRows: false });
    let clipped = false;
    const run = {
      chunk: 2,
      pause: async () => {
        if (clipped) return;
        clipped = true;
        await captureProspect(ctx, {
          slug: 'orang-4',
          email: null,
          name: 'Orang Empat',
          headline: null,
          title: null,
          company: null,
          location: null,
          photoUrl: null,
          linkedinUrl: 'https://www.linkedin.com/in/orang-4/',
          source: 'social_selling',
        });
      },
    };
    const result = await runImport(ctx, file, { skipBadRows: false }, run, checked.planned);
    expect(result).toMatchObject({ created: 5, unchanged: 1 });
    expect(await ctx.db.prospects.where('slug').equals('orang-4').count()).toBe(1);
    expect(await ctx.db.prospects.count()).toBe(7);
    // The slice after the clip was written before its stamp was read, then rolled back whole and
    // written again without orang-4: one stage change per person, none left over from the first try.
    expect(await ctx.db.stageChanges.count()).toBe(7);
    const ids = new Set((await ctx.db.prospects.toArray()).map((p) => p.id));
    expect((await ctx.db.stageChanges.toArray()).every((c) => ids.has(c.prospectId))).toBe(true);
  });

  it("a slice holds only the tables it writes: a chip's reads of stages, settings, touches and follow-ups never wait for it", async () => {
    for (const queue of [false, true]) {
      const { ctx } = await testStore(undefined, { queue });
      await ctx.db.meta.put({ key: 'overdue', value: { userId: 'local', asOf: 0, count: 3 } });
      const scopes: string[][] = [];
      const transaction = ctx.db.transaction.bind(ctx.db) as (...a: unknown[]) => unknown;
      (ctx.db as unknown as { transaction: (...a: unknown[]) => unknown }).transaction = (
        mode: unknown,
        tables: unknown,
        ...rest: unknown[]
      ) => {
        if (mode === 'rw' && Array.isArray(tables)) scopes.push(tables.map((t) => (t as { name: string }).name).sort());
        return transaction(mode, tables, ...rest);
      };
      await runImport(ctx, people(10), { skipBadRows: false }, { chunk: 4, pause: async () => undefined });
      expect(await ctx.db.prospects.count()).toBe(10);
      expect(scopes.length).toBe(3);
      // In a team the outbox and its clock (in meta) are written with each slice; locally they are not touched.
      // The first slice also resets the overdue count (in meta): an import bypasses its bookkeeping.
      const expected = queue ? ['caches', 'meta', 'outbox', 'prospects', 'stageChanges'] : ['caches', 'prospects', 'stageChanges'];
      expect(scopes[0]).toEqual(queue ? expected : ['caches', 'meta', 'prospects', 'stageChanges']);
      for (const s of scopes.slice(1)) expect(s).toEqual(expected);
      expect(await ctx.db.meta.get('overdue')).toBeUndefined();
    }
  });
});

describe('timed write slices (a chip waits for one slice at most)', () => {
  it('sizes each slice by how long the last one took, within the floor, twofold growth and chunk', () => {
    expect(nextSliceRows(400, 80, 40, 1000)).toBe(200); // twice too slow: half the rows
    expect(nextSliceRows(100, 5, 40, 1000)).toBe(200); // eight times too quick: at most twice as many
    expect(nextSliceRows(300, 40, 40, 1000)).toBe(300);
    expect(nextSliceRows(100, 1000, 40, 1000)).toBe(100); // never under the floor (a commit's worth of rows)
    expect(nextSliceRows(800, 1, 40, 1000)).toBe(1000); // never over chunk
    expect(nextSliceRows(100, 0, 40, 1000)).toBe(200); // nothing measurable: grows
  });

  it('writes as many rows a slice as the pace of the last one fits in the target, and every row goes in', async () => {
    const { ctx } = await testStore();
    // A clock read at each slice's start and end: the slices take 10, 10, 80, 40, ... ms.
    const took = [10, 10, 80, 40];
    let now = 0;
    let reads = 0;
    const clock = () => {
      if (reads++ % 2) now += took[Math.floor(reads / 2) - 1] ?? 40;
      return now;
    };
    const done: number[] = [];
    const result = await runImport(
      ctx,
      people(1300),
      { skipBadRows: false },
      {
        chunk: 1000,
        sliceMs: 40,
        clock,
        pause: async () => undefined,
        onProgress: (p: ImportProgress) => p.phase === 'importing' && done.push(p.done),
      },
    );
    expect(result.created).toBe(1300);
    expect(await ctx.db.prospects.count()).toBe(1300);
    const sizes = done.map((d, i) => d - (done[i - 1] ?? 0));
    // 100 before anything was measured; quick slices double; a slice twice too slow halves the next.
    expect(sizes).toEqual([100, 200, 400, 200, 200, 200]);
  });

  it('without a target, slices stay at chunk rows', async () => {
    const { ctx } = await testStore();
    const done: number[] = [];
    await runImport(
      ctx,
      people(25),
      { skipBadRows: false },
      { chunk: 10, pause: async () => undefined, onProgress: (p) => p.phase === 'importing' && done.push(p.done) },
    );
    expect(done).toEqual([10, 20, 25]);
  });
});

describe("the page's progress line (ProgressFeed)", () => {
  it("hears every slice's report in order, the last kept for a line shown late; a stopped listener hears no more", async () => {
    const { ctx } = await testStore();
    const feed = new ProgressFeed();
    const heard: string[] = [];
    const stop = feed.subscribe((p) => heard.push(p ? `${p.phase} ${p.done}/${p.total}` : 'none'));
    await runImport(ctx, people(25), { skipBadRows: false }, { chunk: 10, pause: async () => undefined, onProgress: feed.set });
    // The check of the file (no dry run handed over), then the writes.
    expect(heard).toEqual(['checking 10/25', 'checking 20/25', 'checking 25/25', 'importing 10/25', 'importing 20/25', 'importing 25/25']);
    expect(feed.current).toEqual({ phase: 'importing', done: 25, total: 25 });
    stop();
    feed.set(null);
    expect(heard).toHaveLength(6);
    expect(feed.current).toBeNull();
  });
});

/** People with a "Connected On" date on every other row, so some rows also write a touch. */
function connections(n: number): ImportFile {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++)
    lines.push(`Orang,Ke ${i},https://www.linkedin.com/in/orang-ke-${i}/,,PT Contoh,Head of Sales,${i % 2 ? '01 Mar 2024' : ''}`);
  const r = readImportFile(lines.join('\n'));
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

describe('a slice giving way to a lookup (ImportRun.giveWay)', () => {
  /** The local pipeline with someone in it (Orang 100), as a rep's is. */
  async function localStore() {
    const { ctx } = await testStore(undefined, { queue: false });
    await runImport(ctx, people(1, 100), { skipBadRows: false });
    return ctx;
  }

  /** 250 connections imported in slices of 100 with `giveWay`: the progress reported, and the result. */
  async function import250(ctx: StoreContext, giveWay: ImportRun['giveWay']) {
    const done: number[] = [];
    const run: ImportRun = {
      chunk: 100,
      giveWay,
      pause: async () => undefined,
      onProgress: (p) => void (p.phase === 'importing' && done.push(p.done)),
    };
    return { done, result: await runImport(ctx, connections(250), { skipBadRows: false }, run) };
  }

  /** A giveWay whose lookups start as `starts` says, counting what was asked and stopped. */
  function lookups(starts: () => boolean) {
    const seen = { asked: 0, stopped: 0 };
    const giveWay = () => {
      seen.asked++;
      return { promise: starts() ? Promise.resolve() : new Promise<void>(() => undefined), stop: () => void seen.stopped++ };
    };
    return { seen, giveWay };
  }

  it('ends the slice at the step written when a lookup starts, the rest next and whole, every row whole', async () => {
    const ctx = await localStore();
    const { seen, giveWay } = lookups(() => true); // a lookup starts during every slice that listens
    const { done, result } = await import250(ctx, giveWay);
    const S = GIVE_WAY_STEP;
    // Cut after a step; the slice after a cut is written whole (it does not listen), then the next listens again.
    expect(done).toEqual([S, S + 100, 2 * S + 100, 250]);
    expect(seen).toEqual({ asked: 2, stopped: 2 });
    expect(result.created).toBe(250);
    const stored = (await ctx.db.prospects.toArray()).filter((p) => p.slug !== 'orang-100');
    expect(stored).toHaveLength(250);
    // Whole rows: each person's first stage change and, for "Connected On" rows, their touch.
    const changes = await ctx.db.stageChanges.toArray();
    const touches = await ctx.db.touches.toArray();
    expect(new Set(changes.map((c) => c.prospectId))).toEqual(
      new Set([...stored.map((p) => p.id), (await ctx.db.prospects.where('slug').equals('orang-100').first())!.id]),
    );
    expect(touches).toHaveLength(125);
    for (const p of stored) expect(touches.filter((t) => t.prospectId === p.id)).toHaveLength(p.touchCount);
  });

  it('writes whole slices when no lookup starts, and stops listening after each', async () => {
    const ctx = await localStore();
    const { seen, giveWay } = lookups(() => false);
    const { done } = await import250(ctx, giveWay);
    expect(done).toEqual([100, 200, 250]);
    expect(seen).toEqual({ asked: 3, stopped: 3 });
    expect(await ctx.db.prospects.count()).toBe(251);
  });

  it("in a team a slice never gives way: its outbox entries and clock are the whole slice's", async () => {
    const { ctx } = await testStore(undefined, { queue: true });
    const { seen, giveWay } = lookups(() => true);
    const { done } = await import250(ctx, giveWay);
    expect(done).toEqual([100, 200, 250]);
    expect(seen.asked).toBe(0);
    expect(
      await ctx.db.outbox
        .where('entityId')
        .anyOf((await ctx.db.prospects.toCollection().primaryKeys()) as string[])
        .count(),
    ).toBe(250);
  });

  it('a cancel heard at a cut keeps what the cut slice wrote and says so', async () => {
    const ctx = await localStore();
    const controller = new AbortController();
    const giveWay = () => {
      controller.abort(); // the rep cancels while a lookup ends the slice early
      return { promise: Promise.resolve(), stop: () => undefined };
    };
    const err = await runImport(
      ctx,
      connections(250),
      { skipBadRows: false },
      { chunk: 100, giveWay, signal: controller.signal, pause: async () => undefined },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCancelled);
    expect((err as ImportCancelled).outcome!.created).toHaveLength(GIVE_WAY_STEP);
    expect(await ctx.db.prospects.count()).toBe(GIVE_WAY_STEP + 1);
  });
});
