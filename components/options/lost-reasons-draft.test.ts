import { describe, expect, it } from 'vitest';
import { checkNewReason, moveReason } from './lost-reasons-draft';

describe('checkNewReason', () => {
  it('cleans the text and accepts a new reason', () => {
    expect(checkNewReason('  Went   with a competitor ', ['Price'])).toEqual({ ok: true, reason: 'Went with a competitor' });
  });
  it('names what is wrong', () => {
    expect(checkNewReason('   ', [])).toEqual({ ok: false, problem: 'empty' });
    expect(checkNewReason('x'.repeat(121), [])).toEqual({ ok: false, problem: 'tooLong' });
    expect(checkNewReason('x'.repeat(120), [])).toMatchObject({ ok: true });
    expect(checkNewReason('price', ['Price'])).toEqual({ ok: false, problem: 'duplicate' });
    const full = Array.from({ length: 50 }, (_, i) => `Reason ${i}`);
    expect(checkNewReason('One more', full)).toEqual({ ok: false, problem: 'tooMany' });
  });
});

describe('moveReason', () => {
  it('swaps with the neighbour and leaves the ends alone', () => {
    expect(moveReason(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveReason(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveReason(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
