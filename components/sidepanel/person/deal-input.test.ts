import { describe, expect, it } from 'vitest';
import { parseDeal } from './deal-input';

describe('parseDeal', () => {
  it('reads plain numbers, thousands separators and a decimal comma', () => {
    expect(parseDeal('250000000', 'idr')).toEqual({ ok: true, dealValue: 250000000, currency: 'IDR' });
    expect(parseDeal('1,500,000', '')).toEqual({ ok: true, dealValue: 1500000, currency: null });
    expect(parseDeal('1500,50', 'EUR')).toEqual({ ok: true, dealValue: 1500.5, currency: 'EUR' });
    expect(parseDeal(' 12 000 ', 'usd ')).toEqual({ ok: true, dealValue: 12000, currency: 'USD' });
  });
  it('takes an empty value as no value', () => {
    expect(parseDeal('', '')).toEqual({ ok: true, dealValue: null, currency: null });
  });
  it('names the field and the reason of what it refuses', () => {
    expect(parseDeal('-5', '')).toEqual({ ok: false, field: 'value', error: 'dealValueNegative' });
    expect(parseDeal('abc', '')).toEqual({ ok: false, field: 'value', error: 'dealValueInvalid' });
    expect(parseDeal('2e12', '')).toEqual({ ok: false, field: 'value', error: 'dealValueTooLarge' });
    expect(parseDeal('10', 'RP')).toEqual({ ok: false, field: 'currency', error: 'dealCurrencyInvalid' });
    expect(parseDeal('10', '1DR')).toEqual({ ok: false, field: 'currency', error: 'dealCurrencyInvalid' });
  });
});
