// The side panel's search as the background answers it: result lines from the in-memory index and the
// cached stage labels, never stale after a write, whoever wrote.
import { describe, expect, it } from 'vitest';
import { testStore, person } from '../../test/unit/store-helpers';
import { handleRequest } from '../messaging/handle';
import type { Prospect } from '../model';
import { captureProspect, deleteProspect, linkEmail, logTouch, setStage, updateProspect } from '../store/commands';
import { saveStage, setScoreAdjustment } from '../store/playbook';
import { indexedProspects, searchHits, warmSearchIndex } from '../store/search-index';
import { CACHE_LIMITS } from '../store/cache-limits';
import { fromSidePanel } from './from-side-panel';
import type { StoreContext } from '../store/context';
import { SEARCH_RESULTS_MAX, SearchReplySchema, type SearchHit } from './result';

async function ask(ctx: StoreContext, query: string, limit = 20): Promise<SearchHit[]> {
  const reply = await handleRequest(ctx, { type: 'search', query, limit });
  if (!reply.ok) throw new Error(reply.error);
  return SearchReplySchema.parse(reply.data).items;
}

const one = async (ctx: StoreContext, query: string) => {
  const items = await ask(ctx, query);
  expect(items).toHaveLength(1);
  return items[0]!;
};

/** A write straight to IndexedDB, as another context's write whose change report has not arrived yet. */
function rawPut(ctx: StoreContext, table: 'prospects' | 'stages', row: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = ctx.db.backendDB().transaction(table, 'readwrite');
    tx.objectStore(table).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('search replies', () => {
  it('carry only what a result line shows, and nothing else of the person', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(
      ctx,
      person('sari-kusuma-contoh', 'Sari Kusuma', { title: 'Chief Financial Officer', company: 'PT Hub Fiktif', email: 'sari@hub-fiktif.example', headline: 'CFO', location: 'Jakarta' }),
    );
    const reply = await handleRequest(ctx, { type: 'search', query: 'chief fin', limit: 20 });
    expect(reply.ok).toBe(true);
    const items = (reply as { data: { items: Record<string, unknown>[] } }).data.items;
    expect(items).toEqual([
      {
        id: prospect.id,
        name: 'Sari Kusuma',
        title: 'Chief Financial Officer',
        company: 'PT Hub Fiktif',
        emails: ['sari@hub-fiktif.example'],
        stageKey: 'prospecting',
        stageName: null, // a default stage: the UI words it in its language
        score: prospect.score,
      },
    ]);
    // Still found by every field it was found by before (headline, location, e-mail), shown slim.
    for (const q of ['cfo', 'jakarta', 'hub fiktif', 'sari@hub']) expect((await one(ctx, q)).id).toBe(prospect.id);
    // An empty query lists the latest changed, in the same shape.
    expect(Object.keys((await ask(ctx, '  '))[0]!).sort()).toEqual(['company', 'emails', 'id', 'name', 'score', 'stageKey', 'stageName', 'title']);
  });

  it('show every edit in the very next search: fields, address, stage, score, notes, delete', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, person('budi-santoso-contoh', 'Budi Santoso', { company: 'PT Lama' }));
    expect(await one(ctx, 'budi')).toMatchObject({ company: 'PT Lama', title: null, stageKey: 'prospecting' });

    await updateProspect(ctx, prospect.id, { name: 'Budi Hartono', title: 'Head of Procurement', company: 'PT Baru' });
    expect(await one(ctx, 'budi')).toMatchObject({ name: 'Budi Hartono', title: 'Head of Procurement', company: 'PT Baru' });
    expect(await ask(ctx, 'santoso')).toEqual([]);
    expect(await ask(ctx, 'lama')).toEqual([]);

    await linkEmail(ctx, prospect.id, 'budi@baru.example');
    expect((await one(ctx, 'budi@baru')).emails).toEqual(['budi@baru.example']);

    await setStage(ctx, prospect.id, 'qualification');
    expect((await one(ctx, 'budi')).stageKey).toBe('qualification');

    const before = (await one(ctx, 'budi')).score;
    const adjusted = await setScoreAdjustment(ctx, prospect.id, 20);
    expect(adjusted.score).not.toBe(before);
    expect((await one(ctx, 'budi')).score).toBe(adjusted.score);

    await logTouch(ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: 'Asked about the gudang pilot' });
    expect((await one(ctx, 'gudang')).id).toBe(prospect.id);

    await deleteProspect(ctx, prospect.id);
    expect(await ask(ctx, 'budi')).toEqual([]);
  });

  it('name a stage as it is now after it is renamed, also when renamed during a search', async () => {
    const { ctx } = await testStore();
    await captureProspect(ctx, person('ayu-lestari-contoh', 'Ayu Lestari'));
    const stage = (await ctx.db.stages.where('key').equals('prospecting').first())!;
    expect((await one(ctx, 'ayu')).stageName).toBe(stage.name);

    await saveStage(ctx, { id: stage.id, name: 'Calon', probability: 10, staleDays: 14 });
    expect((await one(ctx, 'ayu')).stageName).toBe('Calon');

    // A rename racing a search that reads the labels: whichever that search saw, the next sees the rename.
    await ask(ctx, 'ayu');
    const during = ask(ctx, 'ayu');
    const renamed = saveStage(ctx, { id: stage.id, name: 'Calon Pembeli', probability: 10, staleDays: 14 });
    await Promise.all([during, renamed]);
    expect((await one(ctx, 'ayu')).stageName).toBe('Calon Pembeli');
  });

  it('after a page says it wrote the store, show what it wrote even before its change reports arrive', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, person('citra-wijaya-contoh', 'Citra Wijaya'));
    const stage = (await ctx.db.stages.get(prospect.stageId))!;
    expect(await one(ctx, 'citra')).toMatchObject({ title: null, stageName: stage.name });

    // Written past Dexie (no change report reaches this context), as an import or restore in a page may.
    const row = (await ctx.db.prospects.get(prospect.id)) as Prospect;
    await rawPut(ctx, 'prospects', { ...row, title: 'Kepala Gudang', updatedAt: row.updatedAt + 1 });
    await rawPut(ctx, 'stages', { ...stage, name: 'Prospek Impor' });

    const written = await handleRequest(ctx, { type: 'storeWritten' });
    expect(written.ok).toBe(true);
    expect(await one(ctx, 'kepala gud')).toMatchObject({ id: prospect.id, title: 'Kepala Gudang', stageName: 'Prospek Impor' });
  });

  it(`answer at most ${SEARCH_RESULTS_MAX} results, whatever is asked for`, async () => {
    const { ctx } = await testStore();
    for (let i = 0; i < SEARCH_RESULTS_MAX + 5; i++) await captureProspect(ctx, person(`orang-contoh-${i}`, `Orang Contoh ${i}`));
    expect(await ask(ctx, 'orang', 500)).toHaveLength(SEARCH_RESULTS_MAX);
    expect(await ask(ctx, '', 500)).toHaveLength(SEARCH_RESULTS_MAX);
    expect(await ask(ctx, 'orang', 3)).toHaveLength(3);
    // The index itself is not cut: a narrower query still finds the 55th.
    expect((await searchHits(ctx, `contoh ${SEARCH_RESULTS_MAX + 4}`, 5)).map((h) => h.name)).toEqual([`Orang Contoh ${SEARCH_RESULTS_MAX + 4}`]);
  });
});

describe('building the search index ahead of the first search', () => {
  it('builds it once (entries and stage labels), and a write after it is still in the next search', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, person('dewi-lestari-contoh', 'Dewi Lestari', { company: 'PT Awal' }));
    expect(indexedProspects(ctx.db.name)).toBe(0);
    await warmSearchIndex(ctx);
    expect(indexedProspects(ctx.db.name)).toBe(1);
    await updateProspect(ctx, prospect.id, { company: 'PT Sesudah' });
    await warmSearchIndex(ctx);
    expect(await one(ctx, 'dewi')).toMatchObject({ company: 'PT Sesudah' });
    expect(await ask(ctx, 'awal')).toEqual([]);
  });

  it('does not build a pipeline past the bound ahead of time (it would not be kept)', async () => {
    const { ctx } = await testStore();
    for (const n of ['Eka', 'Fajar', 'Gita']) await captureProspect(ctx, person(`${n.toLowerCase()}-contoh`, `${n} Contoh`));
    const bound = CACHE_LIMITS.prospects;
    CACHE_LIMITS.prospects = 2;
    try {
      expect(await ask(ctx, 'contoh')).toHaveLength(3);
      expect(indexedProspects(ctx.db.name)).toBe(0);
      let reads = 0;
      ctx.db.prospects.hook('reading', (p) => (reads++, p));
      await warmSearchIndex(ctx);
      expect(reads).toBe(0);
    } finally {
      CACHE_LIMITS.prospects = bound;
    }
  });

  it('is asked for by the side panel only, not by chips or other pages', () => {
    const origin = 'chrome-extension://abcdefghijklmnop/';
    expect(fromSidePanel(`${origin}sidepanel.html`, origin)).toBe(true);
    expect(fromSidePanel(`${origin}sidepanel.html?person=00000000-0000-4000-8000-000000000001`, origin)).toBe(true);
    expect(fromSidePanel(`${origin}options.html`, origin)).toBe(false);
    expect(fromSidePanel(`${origin}popup.html#sidepanel.html`, origin)).toBe(false);
    expect(fromSidePanel('https://www.linkedin.com/in/sidepanel.html', origin)).toBe(false);
    expect(fromSidePanel(`chrome-extension://otherextension/sidepanel.html`, origin)).toBe(false);
    expect(fromSidePanel(undefined, origin)).toBe(false);
  });
});
