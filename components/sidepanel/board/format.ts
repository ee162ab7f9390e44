import type { Money } from '../../../lib/model/money';
import { weightMoney } from '../../../lib/model/money';
import { uiLocale } from '../../shared/i18n';
import { showMoney, showMoneys } from '../../shared/money';

const dates = new Map<string, Intl.DateTimeFormat>();

/** Compact ("$12K", "Rp 5,2 jt"): a column header and a card have room for little else. */
export function formatMoney(m: Money): string {
  return showMoney(m, true);
}

/** Per-currency totals, the team's default currency first, each in its own currency. */
export function formatMoneys(ms: readonly Money[], defaultCurrency: string): string {
  return showMoneys(ms, defaultCurrency, { compact: true });
}

/** A column's value × its stage's win probability, per currency; null when the stage has no probability. */
export function weighted(ms: readonly Money[], probability: number | undefined): Money[] | null {
  return probability === undefined ? null : weightMoney(ms, probability);
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
