import { describe, expect, it } from 'vitest';
import { migratePagePrefs, PAGE_PREF_KEYS, PagePrefsSchema } from './page-prefs';

describe('page preferences as stored', () => {
  it('a store from before either option: everything shown', () => {
    expect(migratePagePrefs({})).toEqual({ showOnLinkedIn: true, showOnMail: true });
    expect(migratePagePrefs(undefined)).toEqual({ showOnLinkedIn: true, showOnMail: true });
  });

  it('a store from before the mail option: LinkedIn as chosen, the mail sites keep their chips', () => {
    expect(migratePagePrefs({ showOnLinkedIn: false })).toEqual({ showOnLinkedIn: false, showOnMail: true });
    expect(migratePagePrefs({ showOnLinkedIn: true })).toEqual({ showOnLinkedIn: true, showOnMail: true });
  });

  it('each option on its own', () => {
    expect(migratePagePrefs({ showOnLinkedIn: true, showOnMail: false })).toEqual({ showOnLinkedIn: true, showOnMail: false });
    expect(migratePagePrefs({ showOnLinkedIn: false, showOnMail: false })).toEqual({ showOnLinkedIn: false, showOnMail: false });
  });

  it('an unreadable value is read as shown, never as off by accident, and unrelated keys are left out', () => {
    expect(migratePagePrefs({ showOnMail: 'false', showOnLinkedIn: 0, other: 1 })).toEqual({ showOnLinkedIn: true, showOnMail: true });
    expect(migratePagePrefs(null)).toEqual({ showOnLinkedIn: true, showOnMail: true });
    expect(migratePagePrefs([false])).toEqual({ showOnLinkedIn: true, showOnMail: true });
  });

  it('the schema and the storage keys name the same preferences', () => {
    expect(Object.keys(PagePrefsSchema.shape).sort()).toEqual([...PAGE_PREF_KEYS].sort());
  });
});
