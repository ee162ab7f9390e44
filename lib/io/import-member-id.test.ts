// CSV import of LinkedIn URLs that name the member by id (`/in/ACoAA…`, Sales Navigator lead URLs
// `/sales/lead/ACwAA…,NAME_SEARCH,…`): the row carries the member id, not a lower-cased "slug", and
// matches the person who has that id (an update, never a duplicate). The plan on its own, then through
// the store.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, type CaptureInput } from '../store/commands';
import { applyImport, previewImport } from '../store/import';
import { planImport, readImportFile, type ExistingLookup, type ExistingProspect, type ImportFile } from './import-plan';

const ANITA_ID = 'ACoAAAnitaWirawan24abcdefgh1';
const HANA_LEAD = 'ACwAAHanaKusumaLead25abcdefg1';
const STAGES = [{ key: 'prospecting' }, { key: 'qualification' }];

function file(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

function lookup(people: Array<ExistingProspect & { id: string }> = []): ExistingLookup {
  return {
    idBySlug: (slug) => people.find((p) => p.slug === slug)?.id,
    idByEmail: (email) => people.find((p) => p.emails.includes(email))?.id,
    idByMemberId: (id) => people.find((p) => p.memberId === id)?.id,
    get: (id) => people.find((p) => p.id === id),
  };
}

const existing = (over: Partial<ExistingProspect> & { id: string; name: string }): ExistingProspect & { id: string } => ({
  slug: null,
  memberId: null,
  emails: [],
  headline: null,
  title: null,
  company: null,
  location: null,
  linkedinUrl: null,
  ...over,
});

describe('the plan: LinkedIn URLs by member id', () => {
  it('reads the member id from /in/ACoAA… and Sales Navigator lead URLs, kept as written, with no slug', () => {
    const plan = planImport(
      file(
        [
          'Name,LinkedIn URL',
          `Anita Wirawan,https://www.linkedin.com/in/${ANITA_ID}/`,
          `Hana Kusuma,"https://www.linkedin.com/sales/lead/${HANA_LEAD},NAME_SEARCH,x1Yz?_ntb=abc"`,
          'Budi Santoso,https://id.linkedin.com/in/Budi-Santoso-fx25m/',
        ].join('\n'),
      ),
      { existing: lookup(), stages: STAGES },
    );
    expect(plan.errorCount).toBe(0);
    expect(plan.creates.map((c) => [c.record.name, c.record.slug, c.record.memberId, c.record.linkedinUrl])).toEqual([
      ['Anita Wirawan', null, ANITA_ID, `https://www.linkedin.com/in/${ANITA_ID}/`],
      ['Hana Kusuma', null, HANA_LEAD, `https://www.linkedin.com/in/${HANA_LEAD}/`],
      ['Budi Santoso', 'budi-santoso-fx25m', null, 'https://www.linkedin.com/in/budi-santoso-fx25m/'],
    ]);
  });

  it('recognises a generic "URL" column of member-id links and lead URLs as LinkedIn profiles', () => {
    const f = file(['Name,URL', `Anita,https://www.linkedin.com/in/${ANITA_ID}`, `Hana,"https://www.linkedin.com/sales/lead/${HANA_LEAD},NAME_SEARCH,x1Yz"`].join('\n'));
    expect(f.mapping).toEqual(['name', 'linkedinUrl']);
  });

  it('updates the person who has the member id (update-by-key), adding only what is new', () => {
    const people = [existing({ id: 'p-anita', name: 'Anita Wirawan', memberId: ANITA_ID, linkedinUrl: `https://www.linkedin.com/in/${ANITA_ID}/` })];
    const plan = planImport(file(['LinkedIn URL,Title,Stage', `https://www.linkedin.com/in/${ANITA_ID}/,Head of Procurement,qualification`].join('\n')), {
      existing: lookup(people),
      stages: STAGES,
    });
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((u) => [u.id, u.changes])).toEqual([['p-anita', { title: 'Head of Procurement', stageKey: 'qualification' }]]);
  });

  it('gives the id to the person an address matches, keeps their LinkedIn URL, and never replaces an id', () => {
    const people = [
      existing({ id: 'p-anita', name: 'Anita Wirawan', slug: 'anita-wirawan', emails: ['anita@lautbiru.example'], linkedinUrl: 'https://www.linkedin.com/in/anita-wirawan/' }),
      existing({ id: 'p-hana', name: 'Hana Kusuma', memberId: 'ACoAAHanaKusumaOther00000001', emails: ['hana@merapi.example'] }),
    ];
    const plan = planImport(
      file(['Email,LinkedIn URL', `anita@lautbiru.example,https://www.linkedin.com/in/${ANITA_ID}/`, `hana@merapi.example,"https://www.linkedin.com/sales/lead/${HANA_LEAD},NAME_SEARCH,x"`].join('\n')),
      { existing: lookup(people), stages: STAGES },
    );
    expect(plan.updates.map((u) => [u.id, u.changes])).toEqual([['p-anita', { memberId: ANITA_ID }]]);
    // The dry run names what the row adds: an update listing no field would read as a mistake.
    expect(plan.updates[0]!.diff).toEqual([{ field: 'linkedinMemberId', from: null, to: ANITA_ID }]);
    // Hana already has another member id: the row's is another person's, so nothing changes for it.
    expect(plan.errors.map((e) => [e.row, e.code])).toEqual([[2, 'identity-conflict']]);
  });

  it('refuses a row whose id is one person and whose address is another', () => {
    const people = [
      existing({ id: 'p-anita', name: 'Anita Wirawan', memberId: ANITA_ID }),
      existing({ id: 'p-dewi', name: 'Dewi Lestari', emails: ['dewi@contoh.example'] }),
    ];
    const plan = planImport(file(['Email,LinkedIn URL', `dewi@contoh.example,https://www.linkedin.com/in/${ANITA_ID}/`].join('\n')), { existing: lookup(people), stages: STAGES });
    expect(plan.errors.map((e) => [e.code, e.value])).toEqual([['matches-several', 'Anita Wirawan / Dewi Lestari']]);
    expect([plan.creates.length, plan.updates.length]).toEqual([0, 0]);
  });

  it('takes two rows with one id as one person (the second fills in), and two ids at one address as a conflict', () => {
    const plan = planImport(
      file(
        [
          'Name,LinkedIn URL,Email,Title',
          `Anita Wirawan,https://www.linkedin.com/in/${ANITA_ID}/,,`,
          `Anita W.,https://www.linkedin.com/in/${ANITA_ID}/,anita@lautbiru.example,Head of Procurement`,
          `Someone Else,https://www.linkedin.com/in/ACoAASomeoneElse0000000000001/,anita@lautbiru.example,`,
        ].join('\n'),
      ),
      { existing: lookup(), stages: STAGES },
    );
    expect(plan.creates.map((c) => [c.record.name, c.record.memberId, c.record.emails, c.record.title])).toEqual([
      ['Anita Wirawan', ANITA_ID, ['anita@lautbiru.example'], 'Head of Procurement'],
    ]);
    expect(plan.skipped).toEqual([{ row: 2, line: 3, reason: 'duplicate-in-file', duplicateOfRow: 1, key: 'memberId' }]);
    expect(plan.errors.map((e) => [e.row, e.code])).toEqual([[3, 'identity-conflict']]);
  });

  it('still refuses what is no member profile', () => {
    const plan = planImport(file(['Name,LinkedIn URL', 'Acme,https://www.linkedin.com/company/acme/', 'Lead,"https://www.linkedin.com/sales/lead/notanid,NAME_SEARCH,x"'].join('\n')), {
      existing: lookup(),
      stages: STAGES,
    });
    expect(plan.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'invalid-linkedin-url'],
      [2, 'invalid-linkedin-url'],
    ]);
  });
});

function person(over: Partial<CaptureInput> & { name: string }): CaptureInput {
  return { slug: null, email: null, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, source: 'social_selling', ...over };
}

describe('through the store', () => {
  it('creates with the member id, then a file with the same id (or lead URL) updates that person instead of adding another', async () => {
    const { ctx } = await testStore();
    const first = await applyImport(ctx, file(['Name,LinkedIn URL', `Anita Wirawan,https://www.linkedin.com/in/${ANITA_ID}/`].join('\n')), { skipBadRows: false });
    expect(first.created.map((p) => [p.name, p.slug, p.memberId])).toEqual([['Anita Wirawan', null, ANITA_ID]]);
    // The new person is queued for the team with the id, so teammates match them by it too.
    const queued = (await ctx.db.outbox.toArray()).find((e) => e.entity === 'prospect' && e.entityId === first.created[0]!.id);
    expect(queued?.fields).toMatchObject({ memberId: ANITA_ID, slug: null });

    const again = ['LinkedIn URL,Title', `https://www.linkedin.com/in/${ANITA_ID}/,Head of Procurement`].join('\n');
    const preview = await previewImport(ctx, file(again), { skipBadRows: false });
    expect(preview.updates.map((u) => [u.id, u.diff.map((d) => [d.field, d.to])])).toEqual([[first.created[0]!.id, [['title', 'Head of Procurement']]]]);
    const second = await applyImport(ctx, file(again), { skipBadRows: false });
    expect([second.created.length, second.updated.map((p) => p.title)]).toEqual([0, ['Head of Procurement']]);
    expect(await ctx.db.prospects.count()).toBe(1);
  });

  it('matches a person clipped from a Sales Navigator lead page by the lead URL, and one clipped by id by /in/<id>', async () => {
    const { ctx } = await testStore();
    const hana = (await captureProspect(ctx, person({ name: 'Hana Kusuma', memberId: HANA_LEAD, slug: 'hana-kusuma-fx25s', linkedinUrl: 'https://www.linkedin.com/in/hana-kusuma-fx25s/' }))).prospect;
    const anita = (await captureProspect(ctx, person({ name: 'Anita Wirawan', memberId: ANITA_ID, linkedinUrl: `https://www.linkedin.com/in/${ANITA_ID}/` }))).prospect;
    const text = [
      'LinkedIn URL,Stage',
      `"https://www.linkedin.com/sales/lead/${HANA_LEAD},NAME_SEARCH,x1Yz",Qualification`,
      `linkedin.com/in/${ANITA_ID},Qualification`,
    ].join('\n');
    const { created, updated } = await applyImport(ctx, file(text), { skipBadRows: false });
    expect(created).toEqual([]);
    expect(updated.map((p) => [p.id, p.slug, p.memberId, p.linkedinUrl])).toEqual([
      [hana.id, 'hana-kusuma-fx25s', HANA_LEAD, 'https://www.linkedin.com/in/hana-kusuma-fx25s/'],
      [anita.id, null, ANITA_ID, `https://www.linkedin.com/in/${ANITA_ID}/`],
    ]);
  });

  it('a person who gains the id through their address keeps it, and an import clipped by id meanwhile is not doubled', async () => {
    const { ctx } = await testStore();
    const dewi = (await captureProspect(ctx, person({ name: 'Dewi Lestari', email: 'dewi@contoh.example' }))).prospect;
    await applyImport(ctx, file(['Email,LinkedIn URL', `dewi@contoh.example,https://www.linkedin.com/in/${ANITA_ID}/`].join('\n')), { skipBadRows: false });
    const after = (await ctx.db.prospects.get(dewi.id))!;
    expect([after.memberId, after.linkedinUrl]).toEqual([ANITA_ID, `https://www.linkedin.com/in/${ANITA_ID}/`]);

    // A file planned while nobody had the id, applied after a clip took it: left to the clip (raced), no duplicate.
    const text = ['Name,LinkedIn URL', `Hana Kusuma,"https://www.linkedin.com/sales/lead/${HANA_LEAD},NAME_SEARCH,x"`].join('\n');
    const race = await applyImport(ctx, file(text), {
      skipBadRows: false,
    }, {
      pause: async () => {
        if ((await ctx.db.prospects.where('memberId').equals(HANA_LEAD).count()) === 0) await captureProspect(ctx, person({ name: 'Hana K.', memberId: HANA_LEAD }));
      },
      planChunk: 1,
    });
    expect([race.created.length, race.raced]).toEqual([0, 1]);
    expect(await ctx.db.prospects.where('memberId').equals(HANA_LEAD).count()).toBe(1);
  });
});
