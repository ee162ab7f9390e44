import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line of the bench table: a DESIGN.md §6 budget and what this run measured against it. */
export interface Row {
  what: string;
  measured: string;
  budget: string;
  /** null when the row is not measured by this bench (yet). */
  pass: boolean | null;
  /** Raw numbers for the JSON, so a regression can be traced without re-running. */
  detail?: Record<string, unknown>;
}

export function verdict(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL';
}

export function formatTable(rows: readonly Row[]): string {
  const head = ['what', 'measured', 'budget', 'result'];
  const body = rows.map((r) => [r.what, r.measured, r.budget, verdict(r.pass)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
