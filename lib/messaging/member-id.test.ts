// The LinkedIn member id as a third identity key, through the messages pages send (capture, lookup,
// detail): one person, whichever key a page shows first.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { testStore } from '../../test/unit/store-helpers';
import { openDb } from '../store/db';
import { captureKeys, handleRequest } from './handle';
import type { Request, RequestType, ResponseMap } from './types';

const ID = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456';
const OTHER_ID = 'ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543';

async function call<T extends RequestType>(ctx: Parameters<typeof handleRequest>[0], req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as ResponseMap[T];
}

const dewi = {
  slug: null as string | null,
  email: null,
  name: 'Dewi Anggraini',
  headline: 'Procurement Lead at Kopi Kita',
  title: null,
  company: 'Kopi Kita',
  location: 'Bandung',
  photoUrl: null,
  linkedinUrl: null as string | null,
};

describe('member id as an identity key', () => {
  it('a person first seen by member id only gets the slug from a later page, without a duplicate', async () => {
    const { ctx } = await testStore();
    const first = await call(ctx, { type: 'capture', input: { ...dewi, memberId: ID } });
    expect(first.created).toBe(true);
    expect(first.prospect.memberId).toBe(ID);
    expect(first.prospect.slug).toBeNull();
    expect(first.prospect.linkedinUrl).toBe(`https://www.linkedin.com/in/${ID}/`);
    expect(first.prospect.source).toBe('social_selling');

    const later = await call(ctx, {
      type: 'capture',
      input: { ...dewi, slug: 'dewi-anggraini-77', memberId: ID, linkedinUrl: 'https://www.linkedin.com/in/dewi-anggraini-77/' },
    });
    expect(later.created).toBe(false);
    expect(later.prospect.id).toBe(first.prospect.id);
    expect(later.prospect.slug).toBe('dewi-anggraini-77');
    expect(later.prospect.memberId).toBe(ID);
    expect(later.prospect.linkedinUrl).toBe('https://www.linkedin.com/in/dewi-anggraini-77/');
    expect(await ctx.db.prospects.count()).toBe(1);
  });

  it('a person known by slug gains the member id, and a later id-only page finds them (keeping the vanity URL)', async () => {
    const { ctx } = await testStore();
    const url = 'https://www.linkedin.com/in/dewi-anggraini-77/';
    const a = await call(ctx, { type: 'capture', input: { ...dewi, slug: 'dewi-anggraini-77', linkedinUrl: url } });
    expect(a.prospect.memberId).toBeNull();
    const b = await call(ctx, { type: 'capture', input: { ...dewi, slug: 'dewi-anggraini-77', linkedinUrl: url, memberId: ID } });
    expect(b.prospect.id).toBe(a.prospect.id);
    expect(b.prospect.memberId).toBe(ID);
    // A messaging page links her by id only.
    const c = await call(ctx, { type: 'capture', input: { ...dewi, linkedinUrl: `https://www.linkedin.com/in/${ID}/`, title: 'Head of Procurement' } });
    expect(c.created).toBe(false);
    expect(c.prospect.id).toBe(a.prospect.id);
    expect(c.prospect.title).toBe('Head of Procurement');
    expect(c.prospect.linkedinUrl).toBe(url);
    expect(await ctx.db.prospects.count()).toBe(1);
  });

  it('lookup finds people by member id (and by an id-shaped slug), and every reply carries the member id', async () => {
    const { ctx } = await testStore();
    await call(ctx, { type: 'capture', input: { ...dewi, slug: 'dewi-anggraini-77', memberId: ID } });
    const byId = await call(ctx, { type: 'lookup', slugs: [], emails: [], memberIds: [ID, OTHER_ID, 'not-an-id'] });
    expect(byId.people.map((p) => [p.key, p.memberId])).toEqual([[ID, ID]]);
    const bySlug = await call(ctx, { type: 'lookup', slugs: ['dewi-anggraini-77', ID], emails: [] });
    expect(bySlug.people.map((p) => [p.key, p.memberId])).toEqual([
      ['dewi-anggraini-77', ID],
      [ID, ID],
    ]);
    // Without memberIds (older callers) the request is still valid.
    expect((await call(ctx, { type: 'lookup', slugs: [], emails: [] })).people).toEqual([]);
    const detail = await call(ctx, { type: 'detail', slug: ID });
    expect(detail?.prospect.name).toBe('Dewi Anggraini');
    // A page showing a slug the person does not have yet, and the id they do.
    const bySlugAndId = await call(ctx, { type: 'detail', slug: 'dewi-new-slug', memberId: ID });
    expect(bySlugAndId?.prospect.name).toBe('Dewi Anggraini');
    expect(await call(ctx, { type: 'detail', slug: 'dewi-new-slug' })).toBeNull();
  });

  it('an id another live prospect holds is not given to a second person; the rep merges them', async () => {
    const { ctx } = await testStore();
    const byId = await call(ctx, { type: 'capture', input: { ...dewi, memberId: ID } });
    const bySlug = await call(ctx, { type: 'capture', input: { ...dewi, slug: 'dewi-anggraini-77' } });
    expect(bySlug.prospect.id).not.toBe(byId.prospect.id);
    const both = await call(ctx, { type: 'capture', input: { ...dewi, slug: 'dewi-anggraini-77', memberId: ID } });
    expect(both.prospect.id).toBe(bySlug.prospect.id);
    expect(both.prospect.memberId).toBeNull();
    expect((await ctx.db.prospects.where('memberId').equals(ID).toArray()).map((p) => p.id)).toEqual([byId.prospect.id]);
  });

  it('refuses a malformed member id at the message boundary and stores nothing', async () => {
    const { ctx } = await testStore();
    for (const bad of ['acoaabcdefghijklmnopqrstuvwxyz0123456', 'jane-doe', `${ID}<b>`, 'x'.repeat(300)]) {
      const r = await handleRequest(ctx, { type: 'capture', input: { ...dewi, memberId: bad } });
      expect(r.ok).toBe(false);
    }
    expect(await ctx.db.prospects.count()).toBe(0);
  });

  it('finds a row stored before ids were kept, whose id link was taken for a lower-cased slug', async () => {
    const { ctx } = await testStore();
    await call(ctx, { type: 'capture', input: { ...dewi, slug: ID.toLowerCase(), linkedinUrl: null } });
    const r = await call(ctx, { type: 'lookup', slugs: [], emails: [], memberIds: [ID] });
    expect(r.people.map((p) => p.name)).toEqual(['Dewi Anggraini']);
  });
});

describe('captureKeys', () => {
  it('takes the URL as the identity and keeps the page id only while the URL names the page person', () => {
    expect(captureKeys(null, 'jane-doe', ID)).toEqual({ slug: 'jane-doe', memberId: ID });
    expect(captureKeys('https://www.linkedin.com/in/jane-doe/', 'jane-doe', ID)).toEqual({ slug: 'jane-doe', memberId: ID });
    // the rep edited the URL to someone else: the page's id is not theirs
    expect(captureKeys('https://www.linkedin.com/in/someone-else/', 'jane-doe', ID)).toEqual({ slug: 'someone-else', memberId: null });
    expect(captureKeys(`https://www.linkedin.com/in/${ID}/`, null, null)).toEqual({ slug: null, memberId: ID });
    expect(captureKeys(null, ID, null)).toEqual({ slug: null, memberId: ID });
  });
});

describe('local store version 4', () => {
  it('upgrades rows stored before member ids with memberId null, indexed', async () => {
    const indexedDB = new IDBFactory();
    const name = `v3-${Math.random()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(3).stores({ prospects: 'id, slug, *emails, stageId, updatedAt, name' });
    await old.table('prospects').add({ id: 'p1', slug: 'jane-doe', emails: [], name: 'Jane' });
    old.close();
    const db = openDb(name, { indexedDB, IDBKeyRange });
    expect((await db.prospects.get('p1'))?.memberId).toBeNull();
    await db.prospects.update('p1', { memberId: ID });
    expect((await db.prospects.where('memberId').equals(ID).first())?.id).toBe('p1');
  });
});
