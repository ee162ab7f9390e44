import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { T0, testStore } from '../../test/unit/store-helpers';
import { VIEWS_STAMP_KEY, CACHES_TABLE } from '../store/change-stamp';
import { addFollowUp, captureProspect, logTouch, patchFollowUp, setStage, type CaptureInput } from '../store/commands';
import type { StoreContext } from '../store/context';
import { unpackCards, type PackedCards } from '../pipeline/board-pack';
import { FIRST_SCREEN_FORMAT, firstScreenKey, usableFirstScreen } from '../store/first-screen-record';
import { overdueCount } from '../store/overdue';
import { saveSettings, saveStage } from '../store/playbook';
import { teamSettings } from '../store/settings';
import { todayQueue, type TodayQueue } from '../store/today-queue';
import { LOCAL_DB } from '../sync/scope';
import {
  BOARD_FIRST_PER_COLUMN,
  boardFirstRequest,
  changesViews,
  firstScreenOf,
  keepBoardFirstScreen,
  keepTodayFirstScreen,
  keptIsCurrent,
  readViewsStamp,
  refreshFirstScreens,
  staleTurnsAt,
  TODAY_FIRST_ROWS,
  todayFirstRequest,
} from './first-screens';
import { FIRST_ROWS } from '../../components/sidepanel/today/first-page';
import { earlyFirstPage } from '../../components/sidepanel/today/first-page';
import { PREVIEW_PER_COLUMN, previewRequest, earlyPreviewFilter } from '../../components/sidepanel/board/first-request';
import {
  CACHES_TABLE as PAGE_CACHES_TABLE,
  VIEWS_STAMP_KEY as PAGE_VIEWS_STAMP_KEY,
  readStoredFirstScreen,
  storeNameOf,
} from '../../components/sidepanel/stored-first-screen';
import { dbNameFor, parseScope } from '../sync/scope';

const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;

const person = (i: number): CaptureInput => ({
  slug: `person-${i}`,
  email: null,
  name: `Person ${i}`,
  headline: null,
  title: null,
  company: 'Karya Abadi',
  location: null,
  photoUrl: null,
  linkedinUrl: `https://www.linkedin.com/in/person-${i}/`,
  source: 'social_selling',
});

const stampOf = (ctx: StoreContext) => readViewsStamp(ctx.db);

/** The page's reader, over the test's own fake IndexedDB, for the local store. */
function pageRead(ctx: StoreContext, kind: 'today' | 'board', request: unknown, now: number) {
  const factory = ctx.db._options.indexedDB as IDBFactory;
  return readStoredFirstScreen(kind, request, now, { indexedDB: factory, scope: async () => undefined });
}

/** A store named as the local pipeline's (the page opens it by that name), with a few due follow-ups. */
async function seeded() {
  const s = await testStore(T0, { queue: false });
  // The page finds the store under the local pipeline's name: give the test's database that name.
  const factory = s.ctx.db._options.indexedDB as IDBFactory;
  const { openDb } = await import('../store/db');
  const { IDBKeyRange } = await import('fake-indexeddb');
  s.ctx.db.close();
  s.ctx.db = openDb(LOCAL_DB, { indexedDB: factory, IDBKeyRange });
  const { ensureSeeded } = await import('../store/seed');
  await ensureSeeded(s.ctx);
  const people = [];
  for (let i = 0; i < 4; i++) people.push((await captureProspect(s.ctx, person(i))).prospect);
  await addFollowUp(s.ctx, { prospectId: people[0]!.id, title: 'Overdue call', dueAt: T0 - HOUR });
  await addFollowUp(s.ctx, { prospectId: people[1]!.id, title: 'Later today', dueAt: T0 + 2 * HOUR });
  await addFollowUp(s.ctx, { prospectId: people[2]!.id, title: 'In two days', dueAt: T0 + 50 * HOUR });
  return { ...s, people };
}

/** Answers Today's first page as the background does, and keeps it. */
async function answerToday(ctx: StoreContext) {
  const request = todayFirstRequest(ctx.now(), ZONE);
  const stamp = await stampOf(ctx);
  const reply = await todayQueue(ctx, request.until, { first: request.first, tomorrow: request.tomorrow });
  await keepTodayFirstScreen(ctx, request, reply, stamp);
  return { request, reply };
}

describe('the views’ change stamp', () => {
  it('changes with a write to follow-ups, stages, settings and prospects, and not with the badge’s count or the outbox', async () => {
    const { ctx, people } = await seeded();
    const seen = new Set<unknown>([await stampOf(ctx)]);
    const f = await addFollowUp(ctx, { prospectId: people[3]!.id, title: 'New', dueAt: T0 + HOUR });
    seen.add(await stampOf(ctx));
    await patchFollowUp(ctx, f.id, { doneAt: T0 });
    seen.add(await stampOf(ctx));
    await setStage(ctx, people[0]!.id, 'qualification');
    seen.add(await stampOf(ctx));
    const stage = (await ctx.db.stages.toArray()).find((s) => s.key === 'consideration')!;
    await saveStage(ctx, { id: stage.id, name: 'Weighing it', probability: 40, staleDays: 10 });
    seen.add(await stampOf(ctx));
    await saveSettings(ctx, { ...(await teamSettings(ctx)), defaultCurrency: 'EUR' });
    seen.add(await stampOf(ctx));
    await logTouch(ctx, { prospectId: people[1]!.id, channel: 'call', direction: 'out', note: null });
    seen.add(await stampOf(ctx));
    expect(seen.size).toBe(7);
    expect([...seen].every((s) => typeof s === 'string')).toBe(true);

    const before = await stampOf(ctx);
    await overdueCount(ctx);
    await ctx.db.outbox.clear();
    await ctx.db.meta.put({ key: 'sync:cursor', value: 12 });
    await ctx.db.caches.put({ key: 'something:derived', value: 1 });
    expect(await stampOf(ctx)).toBe(before);
    // Any other meta row is taken as seen.
    await ctx.db.meta.put({ key: 'a-new-setting', value: true });
    expect(await stampOf(ctx)).not.toBe(before);
  });

  it('is told apart the same way in the change reports the background hears', () => {
    const at = (table: string, keys?: string[]) => ({
      [`idb://jalur/${table}/`]: keys ? keys.reduce<object | null>((r, k) => ({ from: k, to: k, l: null, r }), null) : { from: '', to: '\uffff' },
    });
    expect(changesViews(at('followUps'), 'jalur')).toBe(true);
    expect(changesViews(at('stages'), 'jalur')).toBe(true);
    expect(changesViews(at('meta', ['settings']), 'jalur')).toBe(true);
    expect(changesViews(at('meta', ['overdue']), 'jalur')).toBe(false);
    expect(changesViews(at('meta', ['overdue', 'sync:cursor']), 'jalur')).toBe(false);
    expect(changesViews(at('meta'), 'jalur')).toBe(true);
    expect(changesViews(at('caches'), 'jalur')).toBe(false);
    expect(changesViews(at('outbox'), 'jalur')).toBe(false);
    expect(changesViews(at('followUps'), 'jalur-team-x'), 'another store').toBe(false);
  });

  it('takes the badge count Dexie reports writing (as the table and its deleted keys) as unseen, so a waking worker keeps the screens', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const reports: Record<string, unknown>[] = [];
    const listen = (parts: Record<string, unknown>) => void reports.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      const heard = async (write: () => Promise<unknown>) => {
        reports.length = 0;
        await write();
        // Dexie reports a committed write from a microtask after the transaction completes.
        await new Promise((r) => setTimeout(r, 0));
        const mine = reports.filter((p) => Object.keys(p).some((k) => k.startsWith(`idb://${ctx.db.name}/`)));
        expect(mine.length).toBeGreaterThan(0);
        return mine.some((p) => changesViews(p, ctx.db.name));
      };
      expect(await heard(() => ctx.db.meta.put({ key: 'overdue', value: 3 }))).toBe(false);
      expect(await heard(() => overdueCount(ctx))).toBe(false);
      expect(await heard(() => ctx.db.meta.delete('sync:cursor'))).toBe(false);
      expect(await heard(() => ctx.db.meta.put({ key: 'a-new-setting', value: true }))).toBe(true);
      expect(await heard(() => ctx.db.meta.delete('a-new-setting'))).toBe(true);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
  });
});

describe('Today’s kept first screen', () => {
  it('is what the background answered, read by the page straight from the store, with counts equal to the badge', async () => {
    const { ctx } = await seeded();
    const { request, reply } = await answerToday(ctx);
    const got = (await pageRead(ctx, 'today', request, T0 + 1000)) as TodayQueue;
    expect(got).toEqual(reply);
    expect(got.counts).toEqual({ overdue: 1, today: 1, upcoming: 1 });
    expect(got.counts!.overdue).toBe(await overdueCount(ctx));
  });

  it.each([
    ['a follow-up is done', async (ctx: StoreContext) => patchFollowUp(ctx, (await ctx.db.followUps.toArray())[0]!.id, { doneAt: T0 })],
    ['a follow-up is added', async (ctx: StoreContext) => addFollowUp(ctx, { prospectId: (await ctx.db.prospects.toArray())[3]!.id, title: 'x', dueAt: T0 })],
    ['a stage is renamed', async (ctx: StoreContext) => {
      const s = (await ctx.db.stages.toArray()).find((x) => x.key === 'prospecting')!;
      await saveStage(ctx, { id: s.id, name: 'Renamed', probability: s.probability, staleDays: s.staleDays });
    }],
    ['a person moves stage', async (ctx: StoreContext) => setStage(ctx, (await ctx.db.prospects.toArray())[0]!.id, 'decision')],
    ['the settings change', async (ctx: StoreContext) => saveSettings(ctx, { ...(await teamSettings(ctx)), defaultCurrency: 'EUR' })],
    ['a raw write bypasses the commands', async (ctx: StoreContext) => ctx.db.followUps.toCollection().modify({ title: 'Edited elsewhere' })],
  ])('is not used once %s', async (_, change) => {
    const { ctx } = await seeded();
    const { request } = await answerToday(ctx);
    expect(await pageRead(ctx, 'today', request, T0 + 1000)).not.toBeNull();
    await change(ctx);
    expect(await pageRead(ctx, 'today', request, T0 + 1000)).toBeNull();
  });

  it('is not used once a follow-up has fallen due since it was read, nor for another day’s request', async () => {
    const { ctx } = await seeded();
    const { request } = await answerToday(ctx);
    expect(await pageRead(ctx, 'today', request, T0 + 2 * HOUR - 1)).not.toBeNull();
    // "Later today" fell due at T0 + 2 h: it is Overdue now, and on the badge.
    expect(await pageRead(ctx, 'today', request, T0 + 2 * HOUR)).toBeNull();
    expect(await pageRead(ctx, 'today', todayFirstRequest(T0 + 24 * HOUR, ZONE), T0 + HOUR)).toBeNull();
    // Nor from before it was read (a clock set back).
    expect(await pageRead(ctx, 'today', request, T0 - 1)).toBeNull();
  });

  it('is made again after a change, and is then used', async () => {
    const { ctx, people } = await seeded();
    const { request } = await answerToday(ctx);
    await patchFollowUp(ctx, (await ctx.db.followUps.where('prospectId').equals(people[0]!.id).first())!.id, { doneAt: T0 });
    expect(await pageRead(ctx, 'today', request, T0 + 1000)).toBeNull();
    await refreshFirstScreens(ctx, ZONE);
    const got = (await pageRead(ctx, 'today', todayFirstRequest(T0, ZONE), T0 + 1000)) as TodayQueue;
    expect(got.counts).toEqual({ overdue: 0, today: 1, upcoming: 1 });
  });

  it('is not made again while the kept one still stands (the background stays idle while a panel opens)', async () => {
    const { ctx, people } = await seeded();
    const { request } = await answerToday(ctx);
    expect(await keptIsCurrent(ctx.db, 'today', await stampOf(ctx), request, T0)).toBe(true);
    // Not for another request, nor close to when it runs out ("Later today" falls due at T0 + 2 h), nor after a change.
    expect(await keptIsCurrent(ctx.db, 'today', await stampOf(ctx), todayFirstRequest(T0 + 24 * HOUR, ZONE), T0)).toBe(false);
    expect(await keptIsCurrent(ctx.db, 'today', await stampOf(ctx), request, T0 + 2 * HOUR - 30_000)).toBe(false);
    await addFollowUp(ctx, { prospectId: people[3]!.id, title: 'x', dueAt: T0 + HOUR });
    expect(await keptIsCurrent(ctx.db, 'today', await stampOf(ctx), request, T0)).toBe(false);
  });

  it('is not kept from a stamp read before a write (the record could be older than it says)', async () => {
    const { ctx, people } = await seeded();
    const request = todayFirstRequest(ctx.now(), ZONE);
    const stamp = await stampOf(ctx);
    await addFollowUp(ctx, { prospectId: people[3]!.id, title: 'Written meanwhile', dueAt: T0 - 1 });
    const reply = await todayQueue(ctx, request.until, { first: request.first, tomorrow: request.tomorrow });
    await keepTodayFirstScreen(ctx, request, reply, stamp);
    expect(await pageRead(ctx, 'today', request, T0 + 1000)).toBeNull();
  });

  it('asks exactly what the panel’s first script asks', () => {
    expect(TODAY_FIRST_ROWS).toBe(FIRST_ROWS);
    const at = Date.now();
    expect(todayFirstRequest(at, Intl.DateTimeFormat().resolvedOptions().timeZone)).toEqual(earlyFirstPage(at));
    expect(firstScreenOf(earlyFirstPage(at))).toBe('today');
    expect(firstScreenOf({ type: 'today', until: at })).toBeNull();
  });
});

describe('the board’s kept first screen', () => {
  it('is the unfiltered preview, passed over after a change, and asks what the panel asks', async () => {
    const { ctx, people } = await seeded();
    expect(BOARD_FIRST_PER_COLUMN).toBe(PREVIEW_PER_COLUMN);
    const request = previewRequest(earlyPreviewFilter(null)!);
    expect(request).toEqual(boardFirstRequest());
    expect(firstScreenOf(request)).toBe('board');
    expect(firstScreenOf({ ...request, preview: { ...request.preview, filter: { ...request.preview.filter, stalledOnly: true } } })).toBeNull();

    expect(await keepBoardFirstScreen(ctx, await stampOf(ctx))).toBe(true);
    const got = (await pageRead(ctx, 'board', request, T0 + 1000)) as { preview: { total: number } };
    expect(got.preview.total).toBe(4);
    await setStage(ctx, people[1]!.id, 'consideration');
    expect(await pageRead(ctx, 'board', request, T0 + 1000)).toBeNull();
  });

  it('stays current as shown cards’ days of silence tick over: they are counted when it is shown', async () => {
    const { ctx } = await seeded();
    const request = boardFirstRequest();
    expect(await keepBoardFirstScreen(ctx, await stampOf(ctx))).toBe(true);
    // Nobody here was ever contacted, so no card can go stale: only the days of silence move.
    const later = T0 + 3 * 86_400_000 + 1000;
    const got = (await pageRead(ctx, 'board', request, later)) as { cards: string; stages: { id: string }[]; owners: { id: string }[] } | null;
    expect(got).not.toBeNull();
    const cards = unpackCards(JSON.parse(got!.cards) as PackedCards, got!.stages, got!.owners, later);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.silenceDays === 3)).toBe(true);
  });

  it('ends when a card would go stale', () => {
    const DAY = 86_400_000;
    const p = { lastTouchAt: T0 - DAY, stageEnteredAt: T0 - 5 * DAY, createdAt: T0 - 5 * DAY };
    expect(staleTurnsAt(p, { kind: 'open', staleDays: 14 })).toBe(T0 - DAY + 14 * DAY + 1);
    expect(staleTurnsAt(p, { kind: 'won', staleDays: null })).toBe(Infinity);
    expect(staleTurnsAt({ ...p, lastTouchAt: null }, { kind: 'open', staleDays: 14 })).toBe(Infinity);
  });
});

describe('the page’s reader', () => {
  it('names the store as the background does, and guesses at nothing else', () => {
    const team = { mode: 'team', userId: '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b', email: 'a@b.co', teamId: '7f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b', teamName: 'Team' };
    for (const scope of [undefined, null, { mode: 'local' }, team, { ...team, email: null }])
      expect(storeNameOf(scope)).toBe(dbNameFor(parseScope(scope)));
    for (const odd of [{ ...team, userId: 'nope' }, { ...team, email: undefined }, { mode: 'other' }, 'team', 3]) expect(storeNameOf(odd)).toBeNull();
    expect(PAGE_CACHES_TABLE).toBe(CACHES_TABLE);
    expect(PAGE_VIEWS_STAMP_KEY).toBe(VIEWS_STAMP_KEY);
    expect(firstScreenKey('today')).toBe('first:today');
  });

  it('makes no store where there is none, and gives nothing', async () => {
    const factory = new IDBFactory();
    expect(await readStoredFirstScreen('today', {}, T0, { indexedDB: factory, scope: async () => undefined })).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  });

  it('uses nothing without a stamp, or of another format', () => {
    const row = { format: FIRST_SCREEN_FORMAT, stamp: 's', request: { a: 1 }, reply: { x: 1 }, validUntil: T0 + 10, at: T0 };
    expect(usableFirstScreen(row, 's', { a: 1 }, T0)).toEqual({ x: 1 });
    expect(usableFirstScreen(row, undefined, { a: 1 }, T0)).toBeNull();
    expect(usableFirstScreen({ ...row, format: FIRST_SCREEN_FORMAT - 1 }, 's', { a: 1 }, T0)).toBeNull();
    expect(usableFirstScreen(row, 's', { a: 2 }, T0)).toBeNull();
    expect(usableFirstScreen(row, 's', { a: 1 }, T0 + 10)).toBeNull();
  });
});

describe('the page’s reader in a team', () => {
  it('reads the team’s store, never the local pipeline’s, when the scope names a team', async () => {
    const { ctx } = await seeded();
    const { request } = await answerToday(ctx);
    const factory = ctx.db._options.indexedDB as IDBFactory;
    const team = { mode: 'team', userId: '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b', email: null, teamId: '7f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b', teamName: 'Team' };
    // The local store holds a current first screen; the team's store (none here) is the one that counts.
    expect(await readStoredFirstScreen('today', request, T0 + 1000, { indexedDB: factory, scope: async () => ({ mode: 'local' }) })).not.toBeNull();
    expect(await readStoredFirstScreen('today', request, T0 + 1000, { indexedDB: factory, scope: async () => team })).toBeNull();
    expect(await readStoredFirstScreen('today', request, T0 + 1000, { indexedDB: factory, scope: async () => ({ mode: 'odd' }) })).toBeNull();
  });
});
