// pullAll against a scripted server: pages that end before `limit` rows (the server's ~1 MB budget)
// are paged on by cursor, and a page that claims more without moving the cursor is an error rather
// than an endless loop.
import { describe, expect, it } from 'vitest';
import type { StoreContext } from '../store/context';
import { memoryDb } from '../../test/unit/store-helpers';
import { pullAll, storedCursor } from './pull';
import { SyncError, type SyncTransport } from './transport';
import type { PullChange, PullPage } from './wire';

let n = 0;
function context(): StoreContext {
  return {
    db: memoryDb(`pull-test-${++n}`),
    now: () => 1_764_000_000_000,
    newId: () => `id-${++n}`,
    userId: '00000000-0000-4000-8000-000000000001',
    teamId: '00000000-0000-4000-8000-0000000000aa',
    nodeId: 'test',
  };
}

const member = (seq: number): PullChange => ({
  entity: 'team_member',
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  seq,
  data: { display_name: `Member ${seq}`, email: null, role: 'rep', deleted_at: null },
});

/** Serves rows 1..total, at most `perPage` per page whatever the limit (as a byte budget would). */
function scripted(total: number, perPage: number, calls: { since: number; limit: number }[]): SyncTransport {
  return {
    push: () => Promise.reject(new Error('not used')),
    pull: (_team, since, limit) => {
      calls.push({ since, limit });
      const rows = Array.from({ length: total }, (_, i) => member(i + 1)).filter((c) => c.seq > since);
      const page = rows.slice(0, Math.min(limit, perPage));
      const reply: PullPage = { changes: page, next_cursor: page.at(-1)?.seq ?? since, has_more: rows.length > page.length };
      return Promise.resolve(reply);
    },
  };
}

describe('pullAll', () => {
  it('keeps paging by cursor when the server ends pages early, until has_more is false', async () => {
    const ctx = context();
    const calls: { since: number; limit: number }[] = [];
    const applied = await pullAll(ctx, scripted(23, 4, calls), 1000);
    expect(applied).toBe(23);
    expect(calls.map((c) => c.since)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(calls.every((c) => c.limit === 1000)).toBe(true);
    expect(await storedCursor(ctx)).toBe(23);
  });

  it('refuses a page that says there is more but does not move the cursor', async () => {
    const ctx = context();
    const stuck: SyncTransport = {
      push: () => Promise.reject(new Error('not used')),
      pull: (_team, since) => Promise.resolve({ changes: [], next_cursor: since, has_more: true }),
    };
    await expect(pullAll(ctx, stuck)).rejects.toBeInstanceOf(SyncError);
    expect(await storedCursor(ctx)).toBe(0);
  });
});
