// The options page's backup (read a page of rows at a time, the next page asked for while one is
// written) is the same file as the whole store read at once and stringified: byte for byte, whatever
// the page size, with the derived overdue count left out and empty tables kept as empty lists.
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { backupJson } from '../../lib/io/export';
import { addFollowUp, captureProspect, logTouch } from '../../lib/store/commands';
import { readBackup } from '../../lib/store/restore';
import { backupFile } from './backup-file';

async function store(people: number) {
  const s = await testStore();
  for (let i = 0; i < people; i++) {
    const { prospect } = await captureProspect(s.ctx, {
      slug: `orang-${i}`,
      email: `orang${i}@contoh.id`,
      name: `Orang "${i}" \\ ✓`,
      headline: null,
      title: null,
      company: 'Contoh',
      location: null,
      photoUrl: null,
      linkedinUrl: `https://www.linkedin.com/in/orang-${i}/`,
      source: 'referral',
    });
    await logTouch(s.ctx, { prospectId: prospect.id, channel: 'email', direction: 'out', note: `catatan ${i},\n"kutip"` });
    await addFollowUp(s.ctx, { prospectId: prospect.id, title: 'Telepon', dueAt: s.ctx.now() - 1000 });
  }
  // The badge's derived count, kept in meta: never part of a backup.
  await s.ctx.db.meta.put({ key: 'overdue', value: 3 });
  return s;
}

describe('backup file', () => {
  for (const pageRows of [1, 2, 3, 7, 2000]) {
    it(`is byte for byte the whole store's backup, ${pageRows} rows a page`, async () => {
      const { ctx } = await store(7);
      const expected = backupJson(await readBackup(ctx));
      const exportedAt = (JSON.parse(expected) as { exportedAt: string }).exportedAt;
      const env = { indexedDB: ctx.db._options.indexedDB as IDBFactory, IDBKeyRange };
      const { blob, counts } = await backupFile(ctx.db.name, exportedAt, pageRows, env);
      expect(await blob.text()).toBe(expected);
      expect(blob.type).toBe('application/json');
      expect(counts.prospects).toBe(7);
      expect(counts.touches).toBe(7);
      expect(counts.followUps).toBe(7);
      expect(counts.companies).toBe(0);
      expect(expected).toContain('"companies":[]');
      expect(expected).not.toContain('"key":"overdue"');
    });
  }

  it("turns each page's text into a Blob of its own as it goes: the page never gathers the file's text", async () => {
    const { ctx } = await store(7);
    const env = { indexedDB: ctx.db._options.indexedDB as IDBFactory, IDBKeyRange };
    const made: Array<Array<Blob | string>> = [];
    const Real = globalThis.Blob;
    globalThis.Blob = class extends Real {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        made.push((parts ?? []) as Array<Blob | string>);
      }
    };
    let blob: Blob;
    try {
      ({ blob } = await backupFile(ctx.db.name, new Date(0).toISOString(), 2, env));
    } finally {
      globalThis.Blob = Real;
    }
    // Every Blob made of a page's text holds that one page; the file is those Blobs and the short texts between them.
    const pages = made.filter((parts) => parts.some((p) => typeof p === 'string' && p.includes('"id"')));
    expect(pages.length).toBeGreaterThanOrEqual(11);
    for (const parts of pages) expect(parts).toHaveLength(1);
    const file = made.at(-1)!;
    for (const part of file) if (typeof part === 'string') expect(part.length).toBeLessThan(200);
    expect(await blob.text()).toContain('"prospects":[');
  });
});

