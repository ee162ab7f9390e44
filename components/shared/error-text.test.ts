import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The browser's i18n, answering from one locale's catalogue as Chrome does ($1… substituted, "" for a missing key).
let catalogue: Record<string, { message: string }> = {};
let uiLanguage = 'id';
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string[]) => {
        const m = catalogue[key]?.message;
        return m === undefined ? '' : m.replace(/\$(\d)/g, (_, n: string) => subs?.[Number(n) - 1] ?? '');
      },
      getUILanguage: () => uiLanguage,
    },
  },
}));

const { errorText, syncEntityText, syncReasonText } = await import('./error-text');
const { errorReply } = await import('../../lib/messaging/errors');
const { handleRequest } = await import('../../lib/messaging/handle');
const { testStore } = await import('../../test/unit/store-helpers');
const { captureProspect, CommandError } = await import('../../lib/store/commands');

const load = (loc: string) => JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const english = load('en');
const ENGLISH = /Invalid request|must be|is missing|Only .* owner|cannot be merged|refused by|No prospect|Wrong e-mail|Connect a Supabase/;

describe('the Indonesian UI words every refusal in Indonesian', () => {
  beforeEach(() => {
    catalogue = load('id');
  });

  it('malformed requests, store refusals and sign-in errors from the background', async () => {
    const { ctx } = await testStore();
    const a = (await captureProspect(ctx, { slug: 'ayu-1', email: null, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, name: 'Ayu Lestari', source: 'social_selling' })).prospect;
    const replies = [
      await handleRequest(ctx, { type: 'snoozeFollowUp', id: a.id }),
      await handleRequest(ctx, { type: 'today', until: 1, first: 9999, tomorrow: 1 }),
      await handleRequest(ctx, { type: 'capture', input: { name: 'Ayu', slug: null, email: 'not-an-address', headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null } }),
      await handleRequest(ctx, { type: 'mergeProspects', survivorId: a.id, otherId: a.id }),
      await handleRequest(ctx, { type: 'deleteProspect', id: '00000000-0000-4000-8000-00000000ffff' }),
      errorReply(new CommandError('invalid', "Only Ayu Lestari's owner or a team admin can delete or erase them", 'delete_forbidden', ['Ayu Lestari'])),
    ];
    const { CodedError } = await import('../../lib/messaging/errors');
    replies.push(errorReply(new CodedError('auth_invalid_credentials', 'Wrong e-mail or password')));
    replies.push(errorReply(new CodedError('backend_missing', 'Connect a Supabase project first')));
    for (const r of replies) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const text = errorText(r);
      expect(text, r.error).not.toMatch(ENGLISH);
      expect(text, r.error).not.toBe(r.error);
      expect(Object.values(catalogue).some((m) => text.startsWith(m.message.split('$')[0]!))).toBe(true);
    }
    const email = replies[2]!;
    expect(!email.ok && errorText(email)).toBe('“Email” tidak valid: perbaiki lalu coba lagi.');
    const forbidden = replies[5]!;
    expect(!forbidden.ok && errorText(forbidden)).toBe('Hanya pemilik Ayu Lestari atau admin tim yang dapat menghapus prospek ini.');
  });

  it('a code this page does not know reads as the generic message, the detail kept', () => {
    expect(errorText({ code: 'from_a_newer_worker', error: 'disk full' })).toBe('Itu tidak berhasil: disk full');
    expect(errorText({ error: 'old worker sentence' })).toBe('Itu tidak berhasil: old worker sentence');
  });

  it('sync issues: the server’s reason code and the kind of record, in Indonesian', () => {
    for (const code of ['forbidden', 'conflict', 'invalid', 'append_only', 'not_found', 'unknown_entity', '42501', '23505', '22P02', 'HTTP 400']) {
      const text = syncReasonText(code);
      expect(text).not.toMatch(/^syncReason_/);
      expect(Object.values(english).map((m) => m.message)).not.toContain(text);
    }
    expect(syncEntityText('follow_up')).toBe('Tindak lanjut');
    expect(syncEntityText('stage_change')).toBe('Perubahan tahap');
  });

  it('in English the same codes read in English', () => {
    catalogue = english;
    expect(errorText({ code: 'delete_forbidden', params: ['Ayu'], error: 'x' })).toBe("Only Ayu's owner or a team admin can delete or erase them.");
    expect(syncReasonText('forbidden')).toMatch(/^The team's rules/);
  });
});

describe('an English UI keeps the reason a check was written with', () => {
  it("shows the background's own sentence for a refused value, where the generic one would say less", () => {
    catalogue = load('en');
    uiLanguage = 'en-US';
    try {
      const reply = { code: 'invalid_too_big', params: ['stages.3.probability', '100'], error: 'stages.3.probability: Win probability is 0–100 %' };
      expect(errorText(reply)).toContain('Win probability is 0–100 %');
      uiLanguage = 'id';
      catalogue = load('id');
      expect(errorText(reply)).not.toContain('Win probability');
    } finally {
      uiLanguage = 'id';
    }
  });
});
