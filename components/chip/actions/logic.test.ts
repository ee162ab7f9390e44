import { describe, expect, it, vi } from 'vitest';

// The UI strings come from the extension's catalogue; here the key itself (with its substitutions) stands in.
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: {
      getMessage: (k: string, subs?: string | string[]) => [k, ...([] as string[]).concat(subs ?? [])].join(' '),
      getUILanguage: () => 'en-GB',
    },
  },
}));

const { channelFor, lostReasonChoices, lostReasonText, localTimeLine } = await import('./logic');
const { menuKeyTarget } = await import('./menu-keys');

describe('quick-action logic', () => {
  it('a touch logged from the page starts on the page’s channel', () => {
    expect(channelFor('linkedin')).toBe('linkedin_message');
    expect(channelFor('mail')).toBe('email');
  });

  it('lost reasons: the team’s own list as written, else the built-in ones in the UI language', () => {
    expect(lostReasonChoices(['Too pricey', 'Went with Acme'])).toEqual([
      { value: 'Too pricey', label: 'Too pricey' },
      { value: 'Went with Acme', label: 'Went with Acme' },
    ]);
    const builtIn = lostReasonChoices(null);
    expect(builtIn).toHaveLength(7);
    expect(builtIn[0]).toEqual({ value: 'lostReason_price', label: 'lostReason_price' });
  });

  it('the stored reason joins the pick and the rep’s words', () => {
    expect(lostReasonText('Price', '')).toBe('Price');
    expect(lostReasonText('', ' chose a spreadsheet ')).toBe('chose a spreadsheet');
    expect(lostReasonText('Price', 'half the budget')).toBe('Price: half the budget');
    expect(lostReasonText('', '  ')).toBeNull();
  });

  it('local time line: the time there, the place and whether it is working hours; nothing for an unknown place', () => {
    const wed1305utc = Date.UTC(2026, 11, 2, 13, 5);
    expect(localTimeLine({ zone: 'Europe/Stockholm', place: 'Stockholm' }, wed1305utc)).toBe('localTimeWorking 14:05 Stockholm');
    expect(localTimeLine({ zone: 'America/Los_Angeles', place: 'San Francisco' }, wed1305utc)).toBe('localTimeOff 05:05 San Francisco');
    expect(localTimeLine(null, wed1305utc)).toBeNull();
  });
});

describe('menu keys', () => {
  it('arrows wrap, Home/End jump, Escape closes, other keys do nothing', () => {
    expect(menuKeyTarget('ArrowDown', 3, 4)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, 4)).toBe(3);
    expect(menuKeyTarget('ArrowDown', 1, 4)).toBe(2);
    expect(menuKeyTarget('Home', 2, 4)).toBe(0);
    expect(menuKeyTarget('End', 0, 4)).toBe(3);
    expect(menuKeyTarget('Escape', 1, 4)).toBe('close');
    expect(menuKeyTarget('a', 1, 4)).toBeNull();
  });
});
