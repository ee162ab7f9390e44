import { describe, expect, it } from 'vitest';
import { draftMention, findTracked, lookupKeys, mentionCapture, mergeMentions, parsePagePeople, type Mention } from './page-people';

const ayu: Mention = { slug: 'ayu-lestari-0c9d8e', memberId: null, name: 'Ayu Lestari', headline: 'Procurement', location: null, surface: 'search' };
const member: Mention = { slug: null, memberId: 'ACoAAB1234567890abcdefXYZ', name: 'Budi Santoso', headline: null, location: null, surface: 'messaging' };

describe('parsePagePeople', () => {
  it('keeps well-formed people, canonical slugs and clean one-line text', () => {
    const people = parsePagePeople({
      people: [
        { slug: 'Ayu-Lestari-0C9D8E', memberId: null, name: ' Ayu\u202e Lestari\n', headline: 'Procurement', location: null, surface: 'search' },
        member,
      ],
    });
    expect(people).toEqual([{ ...ayu, slug: 'ayu-lestari-0c9d8e' }, member]);
  });

  it('drops a malformed row without losing the rest, and treats a malformed reply as nobody', () => {
    const people = parsePagePeople({ people: [{ slug: 5, name: 'x' }, { ...ayu, name: '' }, { ...ayu, slug: null, memberId: null }, ayu] });
    expect(people).toEqual([ayu]);
    expect(parsePagePeople(undefined)).toEqual([]);
    expect(parsePagePeople({ people: 'all' })).toEqual([]);
    expect(parsePagePeople({ ok: false, error: 'x' })).toEqual([]);
  });
});

describe('mergeMentions', () => {
  it('puts the profile person first and lists everyone once', () => {
    const profile: Mention = { ...ayu, surface: 'profile' };
    const rizky: Mention = { ...ayu, slug: 'rizky-pratama-5e6f7a', name: 'Rizky Pratama' };
    expect(mergeMentions(profile, [rizky, ayu, member, member]).map((m) => m.name)).toEqual(['Ayu Lestari', 'Rizky Pratama', 'Budi Santoso']);
    expect(mergeMentions(null, [])).toEqual([]);
  });
});

describe('lookup and capture', () => {
  it('asks by slug, and by member id only for people without a slug', () => {
    expect(lookupKeys([ayu, member, { ...ayu, memberId: 'ACoAAzzzzzzzzzzzzzzzzzzzz' }])).toEqual({
      slugs: ['ayu-lestari-0c9d8e', 'ayu-lestari-0c9d8e'],
      memberIds: ['ACoAAB1234567890abcdefXYZ'],
    });
  });

  it('finds the record answered for a mention by slug or member id', () => {
    const people = [
      { key: 'ayu-lestari-0c9d8e', memberId: null, name: 'Ayu' },
      { key: 'someone', memberId: 'ACoAAB1234567890abcdefXYZ', name: 'Budi' },
    ];
    expect(findTracked(ayu, people)?.name).toBe('Ayu');
    expect(findTracked(member, people)?.name).toBe('Budi');
    expect(findTracked({ ...ayu, slug: 'nobody' }, people)).toBeNull();
  });

  it('clips a mention as a LinkedIn prospect with its profile URL', () => {
    expect(mentionCapture(ayu)).toMatchObject({
      slug: 'ayu-lestari-0c9d8e',
      name: 'Ayu Lestari',
      headline: 'Procurement',
      linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/',
      source: 'social_selling',
    });
    expect(mentionCapture(member)).toMatchObject({ slug: null, memberId: 'ACoAAB1234567890abcdefXYZ', linkedinUrl: null });
  });

  it('turns the profile script’s draft into the first mention', () => {
    expect(
      draftMention({
        site: 'linkedin',
        slug: 'ayu-lestari-0c9d8e',
        linkedinUrl: null,
        fields: { name: { value: 'Ayu Lestari', source: 'heading' }, headline: { value: 'Procurement', source: 'heading' } },
      }),
    ).toEqual({ ...ayu, surface: 'profile' });
    expect(draftMention({ site: 'linkedin', slug: null, linkedinUrl: null, fields: {} })).toBeNull();
  });
});
