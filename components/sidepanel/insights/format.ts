// Numbers as the rep reads them, in the UI language: counts, shares, days and money.
import { uiLocale } from '../../shared/i18n';

export function count(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

export function share(x: number | null): string {
  return x === null ? '—' : new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

export function days(n: number | null): string {
  return n === null ? '—' : new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 }).format(n);
}

function currencyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(uiLocale(), {
      style: 'currency',
      currency,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
  } catch {
    return new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 0 });
  }
}

/** Whole units in tables; compact ("Rp 25 jt", "$1.2K") beside bars, where space is short. */
export function money(v: number, currency: string, compact = false): string {
  return currencyFormat(currency, compact).format(v);
}

export function dateRange(from: number, to: number): string {
  const f = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  // `to` is exclusive: the last day shown is the one before it.
  return `${f.format(new Date(from))} – ${f.format(new Date(to - 1))}`;
}
