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
});
