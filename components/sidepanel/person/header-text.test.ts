import { describe, expect, it } from 'vitest';
import { extraHeadline } from './header-text';

describe('extraHeadline', () => {
  it('drops a headline that only repeats title and company', () => {
    expect(extraHeadline('Director of Sales at Kopi Kenangan Digital', 'Director of Sales', 'Kopi Kenangan Digital')).toBeNull();
    expect(extraHeadline('director of sales @ kopi kenangan digital', 'Director of Sales', 'Kopi Kenangan Digital')).toBeNull();
    expect(extraHeadline('Head of Growth', 'Head of Growth', null)).toBeNull();
  });
  it('keeps a headline that says more', () => {
    expect(extraHeadline('Director of Sales at Kopi Kenangan Digital | ex-Gojek | Coffee nerd', 'Director of Sales', 'Kopi Kenangan Digital')).toBe(
      'Director of Sales at Kopi Kenangan Digital | ex-Gojek | Coffee nerd',
    );
    expect(extraHeadline('Helping logistics teams ship on time', 'Procurement Manager', 'Samudra Freight')).toBe(
      'Helping logistics teams ship on time',
    );
  });
  it('keeps the headline when it is all there is', () => {
    expect(extraHeadline('Founder, building things', null, null)).toBe('Founder, building things');
  });
  it('gives nothing for an empty headline', () => {
    expect(extraHeadline('  ', 'CEO', 'Acme')).toBeNull();
    expect(extraHeadline(null, 'CEO', 'Acme')).toBeNull();
  });
});
