// Numbers as the rep reads them, in the UI language: counts, shares, days and money.
import type { Money } from '../../../lib/model/money';
import { uiLocale } from '../../shared/i18n';
import { showMoney, showMoneys } from '../../shared/money';

export function count(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

export function share(x: number | null): string {
  return x === null ? '—' : new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

export function days(n: number | null): string {
  return n === null ? '—' : new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 }).format(n);
}

/** One amount in its own currency: whole units in tables; compact ("Rp 25 jt", "$1.2K") beside bars. */
export function money(v: number, currency: string, compact = false): string {
  return showMoney({ currency, amount: v }, compact);
}

/** Per-currency totals, never added together; a zero in the default currency when there are none. */
export function moneys(list: readonly Money[], defaultCurrency: string, compact = false): string {
  return showMoneys(list, defaultCurrency, { compact, empty: money(0, defaultCurrency, compact) });
}

export function dateRange(from: number, to: number): string {
  const f = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  // `to` is exclusive: the last day shown is the one before it.
  return `${f.format(new Date(from))} – ${f.format(new Date(to - 1))}`;
}
