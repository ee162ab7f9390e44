import { describe, expect, it } from 'vitest';
import { ProspectSchema } from './prospect';
import { cleanText } from './common';
import { capText, cleanLine, cleanMultiline, isWellFormed, memberPhotoUrl, wellFormed, wellFormedDeep } from './text';

const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
const PAIR = '\uD83D\uDE00'; // 😀

describe('wellFormed', () => {
  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(wellFormed(`A${LONE_HIGH}B`)).toBe('A\uFFFDB');
    expect(wellFormed(`A${LONE_LOW}B`)).toBe('A\uFFFDB');
    expect(wellFormed(`${LONE_HIGH}${LONE_HIGH}${LONE_LOW}`)).toBe(`\uFFFD${PAIR}`);
    expect(wellFormed(`end${LONE_HIGH}`)).toBe('end\uFFFD');
    expect(wellFormed(`Siti ${PAIR}`)).toBe(`Siti ${PAIR}`);
    expect(isWellFormed(`x${LONE_LOW}`)).toBe(false);
    expect(isWellFormed(`x${PAIR}`)).toBe(true);
  });

  it('gives what the jsonb parser accepts: JSON.stringify of the result never has a lone escape', () => {
    const json = JSON.stringify({ name: wellFormed(`Dewi${LONE_HIGH}`) });
    expect(json).not.toMatch(/\\ud[89ab]/i);
  });
});

describe('cleanLine and cleanText', () => {
  it('removes NUL, controls, bidi overrides and isolates; collapses space; stays well-formed', () => {
    const hostile = `\u202Eevil\u202C Dewi\u0000 ${LONE_LOW}Ang\u2066graini\u2069\u200F\u0007\n\t`;
    const out = cleanLine(hostile);
    expect(out).toBe('evil Dewi \uFFFDAnggraini');
    expect(isWellFormed(out)).toBe(true);
    expect(cleanText(120).parse(hostile)).toBe(out);
  });

  it('multiline text keeps its line breaks but nothing else hostile', () => {
    expect(cleanMultiline('Hi {{first_name}},\r\n\u0000\u202Ethanks\uD800')).toBe('Hi {{first_name}},\n thanks\uFFFD');
  });

  it('cuts to a length without leaving half a pair', () => {
    expect(capText(`ab${PAIR}`, 3)).toBe('ab');
    expect(capText(`ab${PAIR}`, 4)).toBe(`ab${PAIR}`);
    expect(capText('abc', 10)).toBe('abc');
  });
});

describe('wellFormedDeep', () => {
  it('fixes strings at any depth, keys included, and NUL; returns the same object when clean', () => {
    const clean = { a: ['x', { b: 1 }], c: null };
    expect(wellFormedDeep(clean)).toBe(clean);
    const dirty = { name: `D${LONE_HIGH}`, list: [{ note: 'a\u0000b' }], [`k${LONE_LOW}`]: 1 };
    expect(wellFormedDeep(dirty)).toEqual({ name: 'D\uFFFD', list: [{ note: 'a b' }], 'k\uFFFD': 1 });
    expect(dirty.name).toBe(`D${LONE_HIGH}`); // the input is not mutated
  });
});

describe('memberPhotoUrl', () => {
  it('keeps https photos on LinkedIn media CDN hosts only', () => {
    const ok = 'https://media.licdn.com/dms/image/v2/C4E03AQ/profile-displayphoto-shrink_200_200/0/1?e=1&v=beta&t=x';
    expect(memberPhotoUrl(ok)).toBe(ok);
    expect(memberPhotoUrl('https://media-exp1.licdn.com/dms/image/x')).toBe('https://media-exp1.licdn.com/dms/image/x');
    for (const bad of [
      'https://tracker.example/pixel.gif?who=dewi',
      'http://media.licdn.com/dms/image/x',
      'https://static.licdn.com/sc/h/ghost.png',
      'https://media.licdn.com.evil.io/x.jpg',
      'https://evil.io/media.licdn.com/x.jpg',
      'https://user:pw@media.licdn.com/x.jpg',
      'https://media.licdn.com:8443/x.jpg',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '',
    ]) {
      expect(memberPhotoUrl(bad), bad).toBeNull();
    }
  });
});

describe('ProspectSchema: the one intake', () => {
  const base = {
    id: '6f1c1c1e-1111-4111-8111-111111111111',
    teamId: 'local',
    slug: 'dewi-anggraini',
    emails: ['dewi@contoh.id'],
    name: 'Dewi Anggraini',
    headline: null,
    title: null,
    company: null,
    location: null,
    photoUrl: null,
    linkedinUrl: 'https://www.linkedin.com/in/dewi-anggraini/',
    source: 'referral',
    temperature: 'warm',
    temperatureSet: false,
    stageId: '6f1c1c1e-1111-4111-8111-111111111112',
    stageEnteredAt: 1,
    score: 0,
    scoreBreakdown: [],
    ownerId: 'local',
    mqlAt: null,
    sqlAt: null,
    sqlChecklist: {},
    scoreAdjustment: 0,
    enrolment: null,
    dealValue: null,
    currency: null,
    lostReason: null,
    lastTouchAt: null,
    touchCount: 0,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };

  it('cleans hostile text, drops a tracker photo and a non-LinkedIn profile URL, canonicalises the rest', () => {
    const p = ProspectSchema.parse({
      ...base,
      name: `\u202EDewi\u0000 ${LONE_HIGH}`,
      company: `Toko\u2066 Maju${LONE_LOW}`,
      photoUrl: 'https://tracker.example/p.gif',
      linkedinUrl: 'https://evil.example/in/dewi-anggraini/',
      emails: ['Dewi@Contoh.id', 'dewi@contoh.id'],
      scoreBreakdown: [{ rule: 'icp_company', points: 10, detail: `Toko${LONE_HIGH}` }],
    });
    expect(p.name).toBe('Dewi \uFFFD');
    expect(p.company).toBe('Toko Maju\uFFFD');
    expect(p.photoUrl).toBeNull();
    expect(p.linkedinUrl).toBeNull();
    expect(p.emails).toEqual(['dewi@contoh.id']);
    expect(p.scoreBreakdown[0]!.detail).toBe('Toko\uFFFD');
    expect(ProspectSchema.parse({ ...base, linkedinUrl: 'http://id.linkedin.com/in/Dewi-Anggraini?trk=x' }).linkedinUrl).toBe(
      'https://www.linkedin.com/in/dewi-anggraini/',
    );
    expect(ProspectSchema.parse({ ...base, linkedinUrl: 'javascript:alert(1)//linkedin.com/in/x' }).linkedinUrl).toBeNull();
  });

  it('refuses a name that is nothing but controls, a slug that is not canonical, a malformed address', () => {
    expect(ProspectSchema.safeParse({ ...base, name: '\u202E\u0000 \u2066' }).success).toBe(false);
    expect(ProspectSchema.safeParse({ ...base, slug: 'Dewi\u202Eanggraini' }).success).toBe(false);
    expect(ProspectSchema.safeParse({ ...base, slug: 'has space' }).success).toBe(false);
    expect(ProspectSchema.safeParse({ ...base, emails: [`dewi${LONE_HIGH}@contoh.id`] }).success).toBe(false);
    // Non-ASCII slugs LinkedIn really uses stay valid.
    expect(ProspectSchema.parse({ ...base, slug: 'müller-jürgen' }).slug).toBe('müller-jürgen');
  });
});
