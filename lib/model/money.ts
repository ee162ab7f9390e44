// Money as every surface shows it (board, person view, insights): an amount always with its own
// currency, formatted in the UI language, and totals kept per currency.
//
// Decisions:
// - Never converted, never relabelled. Adding rupiah to dollars without a rate would be a made-up
//   number, and printing a rupiah total with "$" (or a dollar total as "IDR") misstates it; a list of
//   per-currency totals is the honest answer.
// - A deal value without a currency is in the team's default currency: the currency the rep meant
//   when typing a bare number (imports, older records).
// - Order: the default currency first, then by code, so the same totals read the same everywhere
//   (ordering by amount would always put rupiah first, whatever mattered).
// - Formatting is Intl in the UI language: "Rp 3,1 M" in Indonesian, "IDR 3.1B" in English. Compact
//   notation where space is short (a column header, a card, beside a bar); whole units in tables.

export interface Money {
  /** ISO 4217 code, upper case. */
  currency: string;
  amount: number;
}

export interface MoneyFormat {
  /** "Rp 3,1 M" instead of "Rp 3.100.000.000". */
  compact?: boolean;
}

// Intl formatters are costly to build and a scrolling column formats dozens of cards per frame.
const formatters = new Map<string, Intl.NumberFormat | null>();

function formatter(locale: string, currency: string, compact: boolean): Intl.NumberFormat | null {
  const key = `${locale}|${currency}|${compact ? 'c' : 'f'}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: compact ? 1 : 0,
        ...(compact ? { notation: 'compact' as const } : {}),
      });
    } catch {
      // A malformed code (older data) still shows its amount, with the code as written.
      f = null;
    }
    formatters.set(key, f);
  }
  return f;
}

/** One amount with its own currency, e.g. "Rp 250 jt" (id, compact) or "$12,500" (en). */
export function formatMoney(m: Money, locale: string, { compact = false }: MoneyFormat = {}): string {
  const f = formatter(locale, m.currency, compact);
  if (f) return f.format(m.amount);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: compact ? 1 : 0, ...(compact ? { notation: 'compact' as const } : {}) });
  return `${m.currency} ${n.format(m.amount)}`;
}

/** Per-currency totals on one line, joined with " + " (each in its own currency); "" for none. */
export function formatMoneys(list: readonly Money[], locale: string, opts: MoneyFormat = {}): string {
  return list.map((m) => formatMoney(m, locale, opts)).join(' + ');
}

/** The default currency first, then by code. */
export function orderMoney(list: readonly Money[], defaultCurrency: string): Money[] {
  return [...list].sort(
    (a, b) =>
      Number(b.currency === defaultCurrency) - Number(a.currency === defaultCurrency) ||
      (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0),
  );
}

/** Float sums drift: totals are kept to the cent. */
function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Accumulates amounts per currency; a value without a currency counts in `defaultCurrency`. */
export class MoneySums {
  private readonly sums = new Map<string, number>();
  constructor(private readonly defaultCurrency: string) {}

  add(amount: number | null, currency: string | null): void {
    if (amount === null) return;
    const c = currency ?? this.defaultCurrency;
    this.sums.set(c, (this.sums.get(c) ?? 0) + amount);
  }

  addAll(list: readonly Money[]): void {
    for (const m of list) this.add(m.amount, m.currency);
  }

  get(currency: string): number {
    return cents(this.sums.get(currency) ?? 0);
  }

  list(): Money[] {
    return orderMoney(
      [...this.sums].map(([currency, amount]) => ({ currency, amount: cents(amount) })),
      this.defaultCurrency,
    );
  }
}

/** Per-currency totals of deals; values without a currency count in the default currency. */
export function sumByCurrency(
  deals: Iterable<{ dealValue: number | null; currency: string | null }>,
  defaultCurrency: string,
): Money[] {
  const sums = new MoneySums(defaultCurrency);
  for (const d of deals) sums.add(d.dealValue, d.currency);
  return sums.list();
}

/** Each total times a share (a stage's win probability, 0–100 %), still per currency. */
export function weightMoney(list: readonly Money[], percent: number): Money[] {
  return list.map((m) => ({ currency: m.currency, amount: cents((m.amount * percent) / 100) }));
}

let known: ReadonlySet<string> | null | undefined;

/** ISO 4217 codes the runtime knows, or null where it cannot list them (then any three letters pass). */
function knownCurrencies(): ReadonlySet<string> | null {
  if (known === undefined) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    known = intl.supportedValuesOf ? new Set(intl.supportedValuesOf('currency')) : null;
  }
  return known;
}

/** What a rep typed in a currency field: "idr " → "IDR"; anything but a known three-letter code ("rup") → null. */
export function currencyInput(text: string): string | null {
  const c = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return null;
  const list = knownCurrencies();
  return list === null || list.has(c) ? c : null;
}
