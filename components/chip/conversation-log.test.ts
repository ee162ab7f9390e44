// "Log this conversation" follows the truth: logged while the conversation's last message is a recorded
// LinkedIn-message touch of the person, ready again for a newer message or another thread in the same
// pane, and still logged on a fresh page (the pipeline, not the page, remembers). Real handler, real
// store (in memory), synthetic thread markup.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../lib/messaging/handle';
import { admit } from '../../lib/messaging/sender-policy';
import type { Prospect } from '../../lib/model';
import { conversations } from '../../lib/sites/linkedin/messaging';
import { testStore } from '../../test/unit/store-helpers';
import { conversationLog, type LogTarget } from './conversation-log';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/linkedin-messaging/', import.meta.url));
// Sat 5 Dec 2026, 15:00 local time: after every message the fixtures show.
const NOW = new Date(2026, 11, 5, 15, 0).getTime();
const LAST_2025 = Date.parse('2026-12-01T09:15:00.000Z');

function page(file: string) {
  return new JSDOM(readFileSync(FIXTURES + file, 'utf8'), { url: 'https://www.linkedin.com/messaging/thread/2-BUDI25/' }).window.document;
}

async function setup(file = 'thread-2025.html') {
  const s = await testStore(NOW);
  const ask = (async (req: unknown) => handleRequest(s.ctx, req)) as Parameters<typeof conversationLog>[1];
  const r = await handleRequest(s.ctx, {
    type: 'capture',
    input: { slug: 'budi-santoso-fx25m', email: null, name: 'Budi Santoso', headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null },
  });
  if (!r.ok) throw new Error(r.error);
  const prospect = (r.data as { prospect: Prospect }).prospect;
  const doc = page(file);
  const target = (thread = '/messaging/thread/2-BUDI25/'): LogTarget => ({ key: '1:budi', conversation: conversations(doc)[0]!, prospectId: prospect.id, thread });
  return { ...s, ask, doc, prospect, target, log: conversationLog(doc, ask, () => NOW) };
}

/** A message from Budi (the partner) or the viewer, added at the end of the 2025 thread. */
function arrive(doc: Document, from: 'budi' | 'viewer', datetime: string | null) {
  const li = doc.createElement('li');
  li.setAttribute('data-view-name', 'message-list-item');
  const slug = from === 'budi' ? 'budi-santoso-fx25m' : 'dewi-viewer-msg01';
  li.innerHTML = `<a href="https://www.linkedin.com/in/${slug}/"><img alt=""></a><span data-view-name="message-sender-name">${from === 'budi' ? 'Budi Santoso' : 'Dewi Viewer'}</span>${
    datetime ? `<time datetime="${datetime}">x</time>` : ''
  }<p>…</p>`;
  conversations(doc)[0]!.querySelector('ul')!.append(li);
}

const state = async (log: ReturnType<typeof conversationLog>, t: LogTarget, all = false) => (await log.states([t], all)).get(t.key);

describe('Log this conversation: logged for the last message in view, no longer', () => {
  it('is ready before, logged after, and the touch is the last message’s direction and time', async () => {
    const { ctx, log, target, prospect } = await setup();
    expect(await state(log, target())).toBe('ready');
    expect(await log.log(target(), 'none')).toBe('done');
    expect(await state(log, target(), true)).toBe('done');
    const touches = await ctx.db.touches.where('prospectId').equals(prospect.id).toArray();
    expect(touches.map((x) => [x.channel, x.direction, x.occurredAt])).toEqual([['linkedin_message', 'out', LAST_2025]]);
  });

  it('offers logging again when a newer message arrives, and logs that one', async () => {
    const { ctx, log, target, doc, prospect } = await setup();
    await log.log(target(), 'none');
    // Nothing changed: nothing to answer (the scan after every page change asks about changed chips only).
    expect(await log.states([target()])).toEqual(new Map());
    arrive(doc, 'budi', '2026-12-04T02:30:00.000Z');
    expect(await state(log, target())).toBe('ready');
    expect(await log.log(target(), 'none')).toBe('done');
    const touches = await ctx.db.touches.where('prospectId').equals(prospect.id).sortBy('occurredAt');
    expect(touches.map((x) => [x.direction, x.occurredAt])).toEqual([
      ['out', LAST_2025],
      ['in', Date.parse('2026-12-04T02:30:00.000Z')],
    ]);
  });

  it('offers logging in another thread shown in the same pane, and says logged on coming back', async () => {
    const { log, target, doc } = await setup();
    await log.log(target(), 'none');
    const list = conversations(doc)[0]!.querySelector('ul')!;
    const first = list.innerHTML;
    // LinkedIn keeps the pane and swaps its messages: another thread with the same person.
    list.innerHTML = '';
    arrive(doc, 'budi', '2026-11-20T04:00:00.000Z');
    expect(await state(log, target('/messaging/thread/2-BUDI-OTHER/'))).toBe('ready');
    list.innerHTML = first;
    expect(await state(log, target())).toBe('done');
  });

  it('is still logged on a fresh page (a reload), and for a touch another view logged at that time', async () => {
    const { log, target, ask, doc, ctx, prospect } = await setup();
    await log.log(target(), 'none');
    expect(await state(conversationLog(doc, ask, () => NOW), target())).toBe('done');
    // A different direction or time is a different message.
    const r = await handleRequest(ctx, {
      type: 'messagesLogged',
      items: [
        { prospectId: prospect.id, direction: 'out', occurredAt: LAST_2025 },
        { prospectId: prospect.id, direction: 'in', occurredAt: LAST_2025 },
        { prospectId: prospect.id, direction: 'out', occurredAt: LAST_2025 + 60_000 },
      ],
    });
    expect(r.ok && r.data).toEqual({ logged: [true, false, false] });
  });

  it('without a readable time: remembers what it logged on this page until a newer message or another thread', async () => {
    const { log, target, doc } = await setup();
    for (const time of Array.from(doc.querySelectorAll('time'))) time.remove();
    expect(await state(log, target())).toBe('ready');
    expect(await log.log(target(), 'none')).toBe('done');
    expect(await state(log, target(), true)).toBe('done');
    expect(await state(log, target('/messaging/thread/2-BUDI-OTHER/'))).toBe('ready');
    arrive(doc, 'viewer', null);
    expect(await state(log, target())).toBe('ready');
  });

  it('says there is nothing to log in a conversation without messages', async () => {
    const { log, target, doc } = await setup();
    for (const li of Array.from(doc.querySelectorAll('[data-view-name="message-list-item"]'))) li.remove();
    expect(await state(log, target())).toBe('ready');
    expect(await log.log(target(), 'No message to log')).toEqual({ error: 'No message to log' });
  });

  it('an answer to an older question does not overwrite a newer one', async () => {
    const { target, doc, ctx } = await setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const slowFirst = (async (req: unknown) => {
      if (first) {
        first = false;
        await gate;
      }
      return handleRequest(ctx, req);
    }) as Parameters<typeof conversationLog>[1];
    const log = conversationLog(doc, slowFirst, () => NOW);
    const older = log.states([target()], true);
    expect(await log.log(target(), 'none')).toBe('done');
    release();
    expect(await older).toEqual(new Map());
    expect(await state(log, target(), true)).toBe('done');
  });

  it('is a question a LinkedIn content script may ask', () => {
    const self = { id: 'jalur', origin: 'chrome-extension://jalur' };
    const sender = { id: 'jalur', url: 'https://www.linkedin.com/messaging/thread/2-BUDI25/', tab: { id: 1, url: 'https://www.linkedin.com/messaging/thread/2-BUDI25/' } };
    expect(admit({ type: 'messagesLogged', items: [] }, sender, self)).toMatchObject({ ok: true, from: 'contentScript' });
  });
});
