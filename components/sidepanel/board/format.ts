import type { Money } from '../../../lib/pipeline/board';
import { uiLocale } from '../../shared/i18n';

// Intl formatters are costly to build and a scrolling column formats dozens of cards per frame.
const money = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

/** Compact ("US$12K", "Rp 5,2 jt"): a column header and a card have room for little else. */
export function formatMoney(m: Money): string {
  let f = money.get(m.currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(uiLocale(), { style: 'currency', currency: m.currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      // A code Intl does not know still shows its amount.
      return `${m.currency} ${m.amount}`;
    }
    money.set(m.currency, f);
  }
  return f.format(m.amount);
}

export function formatMoneys(ms: readonly Money[]): string {
  return ms.map(formatMoney).join(' + ');
}

/** Day and month, with the year only when it is not this year's. */
export function formatShortDate(at: number, now: number): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const key = sameYear ? 'dm' : 'dmy';
  let f = dates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      uiLocale(),
      sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
    );
    dates.set(key, f);
  }
  return f.format(new Date(at));
}
