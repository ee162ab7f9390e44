import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect } from '../store/commands';
import { CommandError } from '../store/commands';
import { ErrorReplySchema, KNOWN_ERROR_CODES, errorReply } from './errors';
import { handleRequest } from './handle';

const load = (loc: string) => JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Record<string, { message: string }>;

const person = { slug: 'ayu-lestari-1', email: null, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, name: 'Ayu Lestari' };

describe('refusals from the background carry a stable code', () => {
  it('a malformed request names its first bad field and what is wrong, in the checked reply shape', async () => {
    const { ctx } = await testStore();
    const missing = await handleRequest(ctx, { type: 'snoozeFollowUp', id: '00000000-0000-4000-8000-000000000001' });
    expect(missing).toMatchObject({ ok: false, code: 'invalid_missing', params: ['until'] });
    expect(ErrorReplySchema.safeParse(missing).success).toBe(true);
    // The English sentence stays for logs and older pages.
    expect(missing).toMatchObject({ error: expect.stringMatching(/^Invalid request: /) });
    const tooBig = await handleRequest(ctx, { type: 'today', until: 1, first: 501, tomorrow: 2 });
    expect(tooBig).toMatchObject({ ok: false, code: 'invalid_too_big', params: ['first', '500'] });
    const unknown = await handleRequest(ctx, { type: 'noSuchThing' });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid_value' });
  });

  it('a refusal from the store says which rule and whom it is about', async () => {
    const { ctx } = await testStore();
    const a = (await captureProspect(ctx, { ...person, source: 'social_selling' })).prospect;
    expect(await handleRequest(ctx, { type: 'mergeProspects', survivorId: a.id, otherId: a.id })).toMatchObject({ ok: false, code: 'merge_self' });
    expect(await handleRequest(ctx, { type: 'deleteProspect', id: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({
      ok: false,
      code: 'prospect_not_found',
    });
    expect(errorReply(new CommandError('invalid', 'Only Ayu’s owner…', 'delete_forbidden', ['Ayu Lestari']))).toEqual({
      ok: false,
      error: 'Only Ayu’s owner…',
      code: 'delete_forbidden',
      params: ['Ayu Lestari'],
    });
    // A store error without a finer code still has one.
    expect(errorReply(new CommandError('conflict', 'x'))).toMatchObject({ code: 'conflict' });
  });

  it('anything else is "unknown" with its detail, and a malformed code cannot leave the background', () => {
    expect(errorReply(new Error('disk full'))).toEqual({ ok: false, error: 'disk full', code: 'unknown', params: ['disk full'] });
    expect(errorReply(new CommandError('invalid', 'x', 'Not A Code'))).toMatchObject({ code: 'unknown', params: ['x'] });
  });

  it('every code has a message in English and in Indonesian, and the Indonesian one is translated', () => {
    const en = load('en');
    const id = load('id');
    for (const code of KNOWN_ERROR_CODES) {
      expect(en[`err_${code}`]?.message, code).toBeTruthy();
      expect(id[`err_${code}`]?.message, code).toBeTruthy();
      if (!/^\$\d/.test(en[`err_${code}`]!.message)) expect(id[`err_${code}`]!.message, code).not.toBe(en[`err_${code}`]!.message);
    }
  });
});
