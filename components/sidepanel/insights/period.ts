// The periods insights are asked for, in the rep's own time zone: a month or quarter starts at local
// midnight on its first day. A period that is exactly a calendar month, quarter or year names the
// team target it is measured against ("2026-11", "2026-Q4", "2026"), as targets are keyed in settings.

export type PeriodChoice = 'month' | 'quarter' | 'last90' | 'custom';
export const PERIOD_CHOICES: readonly PeriodChoice[] = ['month', 'quarter', 'last90', 'custom'];

export interface Period {
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end. */
  to: number;
  targetPeriod: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a local date, as <input type="date"> wants it. */
export function dateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDate(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Rejects 2026-02-31, which Date would roll over into March.
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/** The target key of [from, to) when it is exactly one calendar month, quarter or year; otherwise null. */
export function targetPeriodOf(from: number, to: number): string | null {
  const a = new Date(from);
  if (a.getDate() !== 1 || a.getHours() !== 0 || a.getMinutes() !== 0 || a.getSeconds() !== 0 || a.getMilliseconds() !== 0) return null;
  const y = a.getFullYear();
  const m = a.getMonth();
  const end = (months: number) => new Date(y, m + months, 1).getTime();
  if (to === end(1)) return `${y}-${pad(m + 1)}`;
  if (m % 3 === 0 && to === end(3)) return `${y}-Q${m / 3 + 1}`;
  if (m === 0 && to === end(12)) return String(y);
  return null;
}

/** The period for a choice at `now`; for `custom`, the two inclusive dates typed (null when invalid). */
export function periodFor(choice: PeriodChoice, now: Date, custom?: { from: string; to: string }): Period | null {
  const y = now.getFullYear();
  const m = now.getMonth();
  let from: number;
  let to: number;
  if (choice === 'month') {
    from = new Date(y, m, 1).getTime();
    to = new Date(y, m + 1, 1).getTime();
  } else if (choice === 'quarter') {
    const q = m - (m % 3);
    from = new Date(y, q, 1).getTime();
    to = new Date(y, q + 3, 1).getTime();
  } else if (choice === 'last90') {
    // Today and the 89 days before it, whole days.
    from = new Date(y, m, now.getDate() - 89).getTime();
    to = new Date(y, m, now.getDate() + 1).getTime();
  } else {
    const a = custom && parseDate(custom.from);
    const b = custom && parseDate(custom.to);
    if (!a || !b || b < a) return null;
    from = a.getTime();
    to = new Date(b.getFullYear(), b.getMonth(), b.getDate() + 1).getTime();
  }
  return { from, to, targetPeriod: targetPeriodOf(from, to) };
}
