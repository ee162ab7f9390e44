import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeTabStatus, type TabTitleWords, type TrackedFacts } from './title';

/** The shipped catalogue of a language, with chrome.i18n's `$n` substitution. */
function words(lang: 'en' | 'id'): TabTitleWords {
  const catalogue = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const msg = (key: string, subs: string[] = []) => {
    const m = catalogue[key]?.message;
    if (m === undefined) throw new Error(`missing ${lang} message ${key}`);
    return m.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
  return {
    t: msg,
    stageLabel: (key, name) => name ?? msg(`stage_${key}`),
    formatDue: (at) => new Date(at).toISOString().slice(0, 16).replace('T', ' '),
  };
}

const DUE = Date.UTC(2026, 11, 7, 9, 0);

const rizky: TrackedFacts = {
  name: 'Rizky Pratama',
  stageKey: 'qualification',
  stageName: null,
  stageKind: 'open',
  score: 42,
  nextFollowUp: { dueAt: DUE, overdue: false },
  stalled: false,
  silenceDays: 3,
};

describe('composeTabStatus', () => {
  it('tells a tracked person’s stage, score and next follow-up, in English and Indonesian', () => {
    expect(composeTabStatus({ kind: 'person', pageName: 'Rizky Pratama', tracked: rizky }, 0, words('en'))).toEqual({
      title: 'Jalur — Rizky Pratama: Qualification, score 42, next follow-up 2026-12-07 09:00',
      icon: 'tracked',
    });
    expect(composeTabStatus({ kind: 'person', pageName: 'Rizky Pratama', tracked: rizky }, 0, words('id'))).toEqual({
      title: 'Jalur — Rizky Pratama: Kualifikasi, skor 42, tindak lanjut berikutnya 2026-12-07 09:00',
      icon: 'tracked',
    });
  });

  it('says when the follow-up is overdue, when none is planned, and when the deal has gone dark', () => {
    const en = words('en');
    const overdue = { ...rizky, nextFollowUp: { dueAt: DUE, overdue: true } };
    expect(composeTabStatus({ kind: 'person', pageName: null, tracked: overdue }, 0, en).title).toBe(
      'Jalur — Rizky Pratama: Qualification, score 42, follow-up overdue since 2026-12-07 09:00',
    );
    const dark = { ...rizky, nextFollowUp: null, stalled: true, silenceDays: 21 };
    expect(composeTabStatus({ kind: 'person', pageName: null, tracked: dark }, 0, en).title).toBe(
      'Jalur — Rizky Pratama: Qualification, score 42, no follow-up planned, gone dark for 21 days',
    );
  });

  it('leaves out the next follow-up for a won or lost deal, and uses the team’s own stage name', () => {
    const won = { ...rizky, stageKey: 'delivery', stageName: 'Onboarding', stageKind: 'won' as const, nextFollowUp: null };
    expect(composeTabStatus({ kind: 'person', pageName: null, tracked: won }, 0, words('en')).title).toBe(
      'Jalur — Rizky Pratama: Onboarding, score 42',
    );
  });

  it('names someone not in the pipeline by the page’s name, with the untracked icon', () => {
    expect(composeTabStatus({ kind: 'person', pageName: 'Ayu Lestari', tracked: null }, 0, words('en'))).toEqual({
      title: 'Jalur — Ayu Lestari — not in your pipeline',
      icon: 'untracked',
    });
    expect(composeTabStatus({ kind: 'person', pageName: 'Ayu Lestari', tracked: null }, 0, words('id')).title).toBe(
      'Jalur — Ayu Lestari — belum ada di pipeline Anda',
    );
  });

  it('keeps the overdue count of the global title on a second line, so a tab’s own title never hides it', () => {
    expect(composeTabStatus({ kind: 'person', pageName: 'Ayu Lestari', tracked: null }, 3, words('en')).title).toBe(
      'Jalur — Ayu Lestari — not in your pipeline\nJalur: 3 overdue follow-ups',
    );
  });

  it('counts the people of a list page', () => {
    expect(composeTabStatus({ kind: 'list', shown: 10, tracked: 3 }, 0, words('en'))).toEqual({
      title: 'Jalur — 10 people on this page, 3 in your pipeline',
      icon: 'tracked',
    });
    expect(composeTabStatus({ kind: 'list', shown: 1, tracked: 0 }, 0, words('en'))).toEqual({
      title: 'Jalur — 1 person on this page, 0 in your pipeline',
      icon: 'untracked',
    });
    expect(composeTabStatus({ kind: 'list', shown: 10, tracked: 3 }, 0, words('id')).title).toBe(
      'Jalur — 10 orang di halaman ini, 3 ada di pipeline Anda',
    );
  });

  it('falls back to the global title’s words and the default icon when there is nothing to tell', () => {
    expect(composeTabStatus({ kind: 'none' }, 0, words('en'))).toEqual({ title: 'Jalur: no overdue follow-ups', icon: 'default' });
    expect(composeTabStatus({ kind: 'none' }, 2, words('en'))).toEqual({ title: 'Jalur: 2 overdue follow-ups', icon: 'default' });
    expect(composeTabStatus({ kind: 'list', shown: 0, tracked: 0 }, 0, words('en')).icon).toBe('default');
    expect(composeTabStatus({ kind: 'person', pageName: '   ', tracked: null }, 0, words('en')).icon).toBe('default');
  });

  it('makes a hostile page name one bounded line without controls or bidi overrides', () => {
    const name = `Eve\u202e\u0007\nEvil ${'x'.repeat(300)}`;
    const { title } = composeTabStatus({ kind: 'person', pageName: name, tracked: null }, 0, words('en'));
    expect(title).not.toMatch(/[\u202e\u0007\n]/);
    expect(title.startsWith('Jalur — Eve Evil xxx')).toBe(true);
    expect(title.length).toBeLessThan(80 + 'Jalur —  — not in your pipeline'.length + 1);
  });
});
