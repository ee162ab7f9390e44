// Money in the UI language: thin wrappers over the pure lib/model/money.ts, so the board, the person
// view and insights format every amount the same way.
import { formatMoney, formatMoneys, orderMoney, type Money } from '../../lib/model/money';
import { uiLocale } from './i18n';

/** One amount in its own currency; compact ("Rp 3,1 M", "IDR 3.1B") where space is short. */
export function showMoney(m: Money, compact = false): string {
  return formatMoney(m, uiLocale(), { compact });
}

/**
 * Per-currency totals, the default currency first; `empty` when there are none (e.g. a zero in the
 * default currency, or a dash).
 */
export function showMoneys(list: readonly Money[], defaultCurrency: string, { compact = false, empty = '' } = {}): string {
  if (list.length === 0) return empty;
  return formatMoneys(orderMoney(list, defaultCurrency), uiLocale(), { compact });
}
