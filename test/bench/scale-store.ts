// Runs inside the extension's service worker (bundled by bundle.ts): writes `prospects` people and as
// many touches through the store's own queueing code (lib/store/outbox.ts) into two throwaway
// databases, the local pipeline's way and a team's, and reports what each holds. In the team a push
// hands the queue over half way (as the background would), then every person is edited twice.
import type { OutboxEntry, Touch } from '../../lib/model';
import type { StoreContext } from '../../lib/store/context';
import { openDb } from '../../lib/store/db';
import { markSent, queueEntries, sentThrough } from '../../lib/store/outbox';
import { ensureSeeded } from '../../lib/store/seed';
import { boardProspects } from './board-rows';
import { prng } from './rows';

const CHUNK = 2_000;

export interface StoreFigures {
  outbox: number;
  /** Distinct (record, field) pairs with a pending value (in entries not yet handed to the server). */
  recordFields: number;
  /** The most pending entries any one record field sits in. */
  maxPerField: number;
  /** What the origin's storage grew by while this store was written (navigator.storage.estimate). */
  usageMb: number;
  writeMs: number;
}
export interface StorageFigures {
  local: StoreFigures;
  team: StoreFigures;
}

async function usage(): Promise<number> {
  return ((await navigator.storage.estimate()).usage ?? 0) / 2 ** 20;
}

function context(name: string, team: boolean): StoreContext {
  let n = 0;
  return {
    db: openDb(name),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    userId: team ? crypto.randomUUID() : 'local',
    teamId: team ? crypto.randomUUID() : 'local',
    nodeId: `bench${(n++).toString(36)}`,
  };
}

async function fill(ctx: StoreContext, prospects: number, touches: number, team: boolean): Promise<StoreFigures> {
  const before = await usage();
  const t0 = performance.now();
  await ensureSeeded(ctx);
  const stageIds = (await ctx.db.stages.toArray()).map((s) => s.id);
  const rand = prng(5);
  const now = Date.now();
  let clock = 0;
  const entry = (entity: OutboxEntry['entity'], entityId: string, fields: Record<string, unknown>): OutboxEntry => ({
    mutationId: crypto.randomUUID(),
    entity,
    op: 'upsert',
    entityId,
    fields,
    hlc: `${String(now).padStart(15, '0')}-${(clock++).toString(16).padStart(8, '0')}-${ctx.nodeId}`,
    createdAt: now,
  });
  const ids: string[] = [];
  for (let from = 0; from < prospects; from += CHUNK) {
    const rows = boardProspects(rand, from, Math.min(prospects, from + CHUNK), now, stageIds).map((p) => ({ ...p, teamId: ctx.teamId }));
    const newTouches: Touch[] = [];
    const queue: OutboxEntry[] = [];
    for (const p of rows) {
      ids.push(p.id);
      const { id: _id, ...fields } = p;
      queue.push(entry('prospect', p.id, fields));
    }
    for (let i = 0; i < rows.length && ids.length - rows.length + i < touches; i++) {
      const p = rows[i]!;
      const t: Touch = {
        id: crypto.randomUUID(),
        teamId: ctx.teamId,
        prospectId: p.id,
        channel: 'email',
        direction: 'out',
        note: 'Sent the deck',
        occurredAt: now - Math.floor(rand() * 1e9),
        createdAt: now,
        byId: ctx.userId,
      } as Touch;
      newTouches.push(t);
      queue.push(entry('touch', t.id, { ...t }));
      // As logTouch does: the person's derived fields and score change with the touch.
      queue.push(entry('prospect', p.id, { lastTouchAt: t.occurredAt, touchCount: 1, score: p.score + 5 }));
    }
    await ctx.db.transaction('rw', [ctx.db.prospects, ctx.db.touches, ctx.db.outbox, ctx.db.meta], async () => {
      await ctx.db.prospects.bulkAdd(rows);
      await ctx.db.touches.bulkAdd(newTouches);
      await queueEntries(ctx, queue);
    });
    // Half way, a push hands everything queued so far to the server.
    if (team && from + CHUNK >= prospects / 2 && from < prospects / 2) {
      const last = await ctx.db.outbox.orderBy('seq').last();
      if (last?.seq) await markSent(ctx, last.seq);
    }
  }
  // Every person edited twice: the second edit supersedes the first.
  for (const round of [1, 2]) {
    for (let from = 0; from < ids.length; from += CHUNK) {
      const slice = ids.slice(from, from + CHUNK);
      await ctx.db.transaction('rw', [ctx.db.outbox, ctx.db.meta], () =>
        queueEntries(
          ctx,
          slice.map((id) => entry('prospect', id, { title: `Head of Sales ${round}` })),
        ),
      );
    }
  }
  const writeMs = performance.now() - t0;
  // Pending: not yet handed to the server. What a push already handed over may overlap with later edits.
  const handedOver = await sentThrough(ctx);
  const perField = new Map<string, number>();
  await ctx.db.outbox.each((e) => {
    if (e.seq! <= handedOver) return;
    for (const k of Object.keys(e.fields)) {
      const key = `${e.entity}/${e.entityId}/${k}`;
      perField.set(key, (perField.get(key) ?? 0) + 1);
    }
  });
  const outbox = await ctx.db.outbox.count();
  let maxPerField = 0;
  for (const v of perField.values()) maxPerField = Math.max(maxPerField, v);
  return { outbox, recordFields: perField.size, maxPerField, usageMb: (await usage()) - before, writeMs };
}

async function run(prospects: number, touches: number): Promise<StorageFigures> {
  const local = context('jalur-scale-local', false);
  const localFigures = await fill(local, prospects, touches, false);
  local.db.close();
  const team = context('jalur-scale-team', true);
  const teamFigures = await fill(team, prospects, touches, true);
  team.db.close();
  return { local: localFigures, team: teamFigures };
}

export type ScaleStoreGlobal = { jalurScaleStore: typeof run };
(globalThis as unknown as ScaleStoreGlobal).jalurScaleStore = run;
