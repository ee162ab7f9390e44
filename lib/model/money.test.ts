import { describe, expect, it } from 'vitest';
import { currencyInput, formatMoney, formatMoneys, MoneySums, orderMoney, sumByCurrency, weightMoney } from './money';

// Non-breaking spaces vary between ICU versions: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats each amount in its own currency in the UI language, compact where space is short', () => {
    expect(plain(formatMoney({ currency: 'IDR', amount: 3_100_000_000 }, 'id', { compact: true }))).toBe('Rp 3,1 M');
    expect(plain(formatMoney({ currency: 'IDR', amount: 3_100_000_000 }, 'en', { compact: true }))).toBe('IDR 3.1B');
    expect(plain(formatMoney({ currency: 'IDR', amount: 250_000_000 }, 'id', { compact: true }))).toBe('Rp 250 jt');
    expect(plain(formatMoney({ currency: 'USD', amount: 250_000_000 }, 'en', { compact: true }))).toBe('$250M');
    expect(plain(formatMoney({ currency: 'USD', amount: 12_500 }, 'en', { compact: true }))).toBe('$12.5K');
    expect(plain(formatMoney({ currency: 'USD', amount: 12_500 }, 'id', { compact: true }))).toBe('US$12,5 rb');
  });

  it('never shows a dollar sign for rupiah', () => {
    for (const locale of ['en', 'en-US', 'id', 'id-ID']) {
      for (const compact of [true, false]) expect(formatMoney({ currency: 'IDR', amount: 2_300_000_000 }, locale, { compact })).not.toMatch(/\$/);
    }
  });

  it('writes whole units in full form, with the language’s separators', () => {
    expect(plain(formatMoney({ currency: 'IDR', amount: 250_000_000 }, 'id'))).toBe('Rp 250.000.000');
    expect(plain(formatMoney({ currency: 'IDR', amount: 250_000_000 }, 'en'))).toBe('IDR 250,000,000');
    expect(formatMoney({ currency: 'USD', amount: 2000 }, 'en')).toBe('$2,000');
    expect(formatMoney({ currency: 'USD', amount: 399.6 }, 'en')).toBe('$400');
  });

  it('shows an amount with a code Intl refuses as the code and the number', () => {
    expect(formatMoney({ currency: 'R$', amount: 1200 }, 'en')).toBe('R$ 1,200');
  });

  it('lists per-currency totals side by side, never summed', () => {
    expect(plain(formatMoneys([{ currency: 'IDR', amount: 3.1e9 }, { currency: 'USD', amount: 12_000 }], 'en', { compact: true }))).toBe(
      'IDR 3.1B + $12K',
    );
    expect(formatMoneys([], 'en')).toBe('');
  });
});

describe('sums per currency', () => {
  it('sums each currency on its own; a value without a currency counts in the default one', () => {
    const deals = [
      { dealValue: 1_000_000_000, currency: 'IDR' },
      { dealValue: 500, currency: 'USD' },
      { dealValue: 250, currency: null },
      { dealValue: null, currency: 'EUR' },
      { dealValue: 2_100_000_000, currency: 'IDR' },
    ];
    expect(sumByCurrency(deals, 'USD')).toEqual([
      { currency: 'USD', amount: 750 },
      { currency: 'IDR', amount: 3_100_000_000 },
    ]);
    expect(sumByCurrency(deals, 'IDR')).toEqual([
      { currency: 'IDR', amount: 3_100_000_250 },
      { currency: 'USD', amount: 500 },
    ]);
  });

  it('puts the default currency first, then by code, and keeps cents', () => {
    expect(orderMoney([{ currency: 'USD', amount: 1 }, { currency: 'EUR', amount: 9 }, { currency: 'IDR', amount: 5 }], 'IDR').map((m) => m.currency)).toEqual([
      'IDR',
      'EUR',
      'USD',
    ]);
    const s = new MoneySums('USD');
    s.add(0.1, null);
    s.add(0.2, 'USD');
    expect(s.get('USD')).toBe(0.3);
    s.addAll([{ currency: 'SGD', amount: 3 }]);
    expect(s.list()).toEqual([
      { currency: 'USD', amount: 0.3 },
      { currency: 'SGD', amount: 3 },
    ]);
  });

  it('weights each currency by a stage probability', () => {
    expect(weightMoney([{ currency: 'IDR', amount: 3_000_000_000 }, { currency: 'USD', amount: 1000 }], 40)).toEqual([
      { currency: 'IDR', amount: 1_200_000_000 },
      { currency: 'USD', amount: 400 },
    ]);
  });
});

describe('currencyInput', () => {
  it('takes a known three-letter code in any case, nothing else', () => {
    expect(currencyInput(' idr ')).toBe('IDR');
    expect(currencyInput('sgd')).toBe('SGD');
    // "rupiah" cut to the field's three letters is no currency.
    expect(currencyInput('rup')).toBeNull();
    expect(currencyInput('Rp')).toBeNull();
    expect(currencyInput('')).toBeNull();
  });
});
