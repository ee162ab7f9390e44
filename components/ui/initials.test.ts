import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initials('Rizky Pratama')).toBe('RP');
    expect(initials('Ayu Dewi Lestari')).toBe('AL');
  });
  it('gives one letter for a one-word name', () => {
    expect(initials('Budi')).toBe('B');
  });
  it('ignores pronouns, titles in brackets, emoji and surrounding space', () => {
    expect(initials('  Sara Lind (she/her) 🚀 ')).toBe('SL');
    expect(initials('Dr. Anita [PhD] Wirawan')).toBe('DW');
  });
  it('uses the local part of an address used as the name', () => {
    expect(initials('budi.hartono@example.co.id')).toBe('BH');
  });
  it('keeps letters of any script and upper-cases them', () => {
    expect(initials('élodie martin')).toBe('ÉM');
    expect(initials('Ωmega Σigma')).toBe('ΩΣ');
  });
  it('falls back to a question mark when there is nothing to take', () => {
    expect(initials('')).toBe('?');
    expect(initials(null)).toBe('?');
    expect(initials('🚀 123')).toBe('?');
  });
});
