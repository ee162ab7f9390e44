import { describe, expect, it } from 'vitest';
import { selectedView } from './view-nav';

describe('the side panel nav marks the view on screen', () => {
  it('a view shown by itself is marked', () => {
    expect(selectedView({ view: 'today', picked: false, pickedFrom: 'today', account: false })).toBe('today');
    expect(selectedView({ view: 'person', picked: false, pickedFrom: 'today', account: false })).toBe('person');
  });

  it('a person opened from a view keeps that view marked', () => {
    expect(selectedView({ view: 'today', picked: true, pickedFrom: 'board', account: false })).toBe('board');
  });

  it('a person opened directly (`?person=`, the popup) marks Person, not Today, whatever the panel would show', () => {
    expect(selectedView({ view: 'today', picked: true, pickedFrom: null, account: false })).toBe('person');
    expect(selectedView({ view: 'board', picked: true, pickedFrom: null, account: false })).toBe('person');
    expect(selectedView({ view: 'person', picked: true, pickedFrom: null, account: false })).toBe('person');
  });

  it('a person opened directly under an account marks no view (Back returns to the account)', () => {
    expect(selectedView({ view: 'today', picked: true, pickedFrom: null, account: true })).toBe(null);
  });

  it('an account (company) marks no view: not Today, not Person', () => {
    expect(selectedView({ view: 'today', picked: false, pickedFrom: 'today', account: true })).toBe(null);
    expect(selectedView({ view: 'person', picked: false, pickedFrom: 'today', account: true })).toBe(null);
  });

  it('a person opened from an account marks no view either (Back returns to the account)', () => {
    expect(selectedView({ view: 'today', picked: true, pickedFrom: 'today', account: true })).toBe(null);
  });
});
