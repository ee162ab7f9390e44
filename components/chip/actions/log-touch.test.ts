// @vitest-environment jsdom
// The chip's Log touch (ActionPanels' LogTouchPanel) offers what the rep did on the person's post
// besides a LinkedIn message: rendered in a document, its request goes to the real background handler
// over an in-memory store, so the test follows a "Liked their post" from the form to the score and the
// gone-dark rules.
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Prospect, Touch } from '../../../lib/model';
import type { StoreContext } from '../../../lib/store/context';

// Messages go to the handler of the store the test opened; UI strings are their keys (with substitutions).
const hub = vi.hoisted(() => ({ send: (_m: unknown): Promise<unknown> => Promise.reject(new Error('no store')) }));
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: {
      getMessage: (k: string, subs?: string | string[]) => [k, ...([] as string[]).concat(subs ?? [])].join(' '),
      getUILanguage: () => 'en-GB',
    },
    runtime: { sendMessage: (m: unknown) => hub.send(m) },
  },
}));

const { handleRequest } = await import('../../../lib/messaging/handle');
const { testStore } = await import('../../../test/unit/store-helpers');
const { LogTouchPanel } = await import('./ActionPanels');
const { logChoiceLabel, logChoiceOf, logChoices } = await import('./logic');

const DAY = 86_400_000;

async function store() {
  const s = await testStore();
  hub.send = (m) => handleRequest(s.ctx, m);
  const r = await handleRequest(s.ctx, {
    type: 'capture',
    input: {
      slug: 'sekar-wulandari-fx',
      email: null,
      name: 'Sekar Wulandari',
      headline: null,
      title: 'Head of Procurement',
      company: 'PT Contoh',
      location: null,
      photoUrl: null,
      linkedinUrl: 'https://www.linkedin.com/in/sekar-wulandari-fx/',
    },
  });
  if (!r.ok) throw new Error(r.error);
  return { ...s, prospect: (r.data as { prospect: Prospect }).prospect };
}

function panel(prospectId: string, site: 'linkedin' | 'mail' | 'popup' = 'linkedin') {
  const root = document.createElement('div');
  document.body.append(root);
  const said: string[] = [];
  render(h(LogTouchPanel, { prospectId, site, onDone: (s: string) => said.push(s), onCancel: () => undefined }), root);
  const form = root.querySelector('form')!;
  const channel = form.querySelector<HTMLSelectElement>('select[name="channel"]')!;
  return {
    root,
    said,
    channel,
    direction: () => form.querySelector<HTMLSelectElement>('select[name="direction"]'),
    choose(value: string) {
      channel.value = value;
      channel.dispatchEvent(new Event('change', { bubbles: true }));
    },
    submit: () => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    groups: () => [...channel.children].map((c) => (c instanceof HTMLOptGroupElement ? `${c.label}: ${[...c.children].map((o) => (o as HTMLOptionElement).value).join(' ')}` : (c as HTMLOptionElement).value)),
  };
}

const touchesOf = (ctx: StoreContext, id: string) => ctx.db.touches.where('prospectId').equals(id).toArray();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Log touch from the chip', () => {
  it('offers the page’s channel first, then Liked / Commented on / Shared their post, then the other channels', () => {
    const linkedin = logChoices('linkedin');
    expect([linkedin.first.value, ...linkedin.engagements.map(logChoiceLabel), ...linkedin.others.map((c) => c.value)]).toEqual([
      'linkedin_message',
      'engagement_liked',
      'engagement_commented',
      'engagement_shared',
      'connection_request',
      'email',
      'call',
      'meeting',
      'note',
    ]);
    expect(logChoices('mail').first.value).toBe('email');
    expect(logChoices('mail').others.map((c) => c.value)).toEqual(['linkedin_message', 'connection_request', 'call', 'meeting', 'note']);
    expect(logChoiceOf('social_engagement:shared')).toEqual({ value: 'social_engagement:shared', channel: 'social_engagement', engagement: 'shared' });
    expect(logChoiceOf('call')).toMatchObject({ channel: 'call', engagement: null });
    // Nothing else passes for a choice: an unknown kind, a kind on another channel, a kind left unsaid.
    expect([logChoiceOf('social_engagement:poked'), logChoiceOf('call:liked'), logChoiceOf('social_engagement'), logChoiceOf('fax')]).toEqual([null, null, null, null]);
  });

  it('renders the choices as groups, LinkedIn message selected on LinkedIn', async () => {
    const { prospect } = await store();
    const p = panel(prospect.id);
    expect(p.groups()).toEqual([
      'linkedin_message',
      'channel_social_engagement: social_engagement:liked social_engagement:commented social_engagement:shared',
      'chipOtherChannels: connection_request email call meeting note',
    ]);
    expect(p.channel.value).toBe('linkedin_message');
    expect(p.direction()).not.toBeNull();
  });

  it('logs "Liked their post" as a social-engagement touch with its kind, from the rep; the score and gone-dark rules count it', async () => {
    const { ctx, prospect, advance } = await store();
    advance(20 * DAY);
    const p = panel(prospect.id);
    p.choose('social_engagement:liked');
    // An engagement is the rep's own doing: no direction to ask.
    await vi.waitFor(() => expect(p.direction()).toBeNull());
    p.submit();
    await vi.waitFor(() => expect(p.said).toEqual(['chipTouchLogged engagement_liked']));
    const [touch] = (await touchesOf(ctx, prospect.id)) as Touch[];
    expect([touch?.channel, touch?.engagement, touch?.direction, touch?.occurredAt]).toEqual(['social_engagement', 'liked', 'out', ctx.now()]);

    const after = (await ctx.db.prospects.get(prospect.id))!;
    expect([after.touchCount, after.lastTouchAt]).toEqual([1, ctx.now()]);
    expect(after.scoreBreakdown.find((l) => l.rule === 'touches')).toMatchObject({ points: 3, detail: '1' });
    // Without it the person would have no touch at all 20 days after capture, and lose points to inactivity.
    expect(after.score).toBeGreaterThan(prospect.score);

    // Gone dark: not while the like is recent, and again once the stage's limit (14 days) has passed since it.
    const stalled = async () => {
      const r = await handleRequest(ctx, { type: 'stalled', limit: 10, all: true });
      if (!r.ok) throw new Error(r.error);
      const d = r.data as { items: Array<{ prospectId: string }>; notContacted: Array<{ prospectId: string }> };
      return [d.items.length, d.notContacted.length];
    };
    advance(5 * DAY);
    expect(await stalled()).toEqual([0, 0]);
    advance(15 * DAY);
    expect(await stalled()).toEqual([1, 0]);
  });

  it('comments and shares keep their kind; a LinkedIn message keeps the direction the rep chose', async () => {
    const { ctx, prospect } = await store();
    for (const kind of ['commented', 'shared']) {
      const p = panel(prospect.id);
      p.choose(`social_engagement:${kind}`);
      await vi.waitFor(() => expect(p.direction()).toBeNull());
      p.submit();
      await vi.waitFor(() => expect(p.said).toHaveLength(1));
    }
    const p = panel(prospect.id);
    p.direction()!.value = 'in';
    p.submit();
    await vi.waitFor(() => expect(p.said).toEqual(['chipTouchLogged channel_linkedin_message']));
    const touches = (await touchesOf(ctx, prospect.id)).sort((a, b) => a.id.localeCompare(b.id));
    expect(touches.map((x) => [x.channel, x.engagement, x.direction])).toEqual([
      ['social_engagement', 'commented', 'out'],
      ['social_engagement', 'shared', 'out'],
      ['linkedin_message', null, 'in'],
    ]);
  });
});
