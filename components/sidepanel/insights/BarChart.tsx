import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';

export type Tone = 'main' | 'soft' | 'lost' | 'dark';

export interface Segment {
  value: number;
  tone: Tone;
}

export interface BarRow {
  key: string;
  label: string;
  segments: Segment[];
  /** The number(s) printed at the end of the label line. */
  text: string;
}

// Drawn in a 320-unit-wide box that scales to the panel: each row is its label line, then a full-width
// bar, which stays legible at 360 px where a label column beside the bars would squeeze both.
const W = 320;
const ROW = 34;
const BAR = 12;
const LABEL_CHARS = 34;

function cut(s: string): string {
  const points = Array.from(s);
  return points.length > LABEL_CHARS ? points.slice(0, LABEL_CHARS - 1).join('') + '…' : s;
}

/** Horizontal stacked bars; `marker` draws a target line. The SVG is one image to assistive technology, named by `summary`. */
export function Bars({ rows, summary, marker }: { rows: BarRow[]; summary: string; marker?: { value: number; label: string } }) {
  const max = Math.max(1e-9, marker?.value ?? 0, ...rows.map((r) => r.segments.reduce((s, g) => s + g.value, 0)));
  const scale = (v: number) => (v / max) * W;
  const height = rows.length * ROW + (marker ? 14 : 0);
  return (
    <svg class="bars" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
      {rows.map((r, i) => {
        const y = i * ROW;
        let x = 0;
        return (
          <g key={r.key} data-row={r.key}>
            <text x={0} y={y + 12} class="label">
              {cut(r.label)}
            </text>
            <text x={W} y={y + 12} class="value" text-anchor="end">
              {r.text}
            </text>
            <rect x={0} y={y + 16} width={W} height={BAR} class="track" rx={2} />
            {r.segments.map((g, k) => {
              const w = scale(g.value);
              const rect = w > 0 ? <rect key={k} x={x} y={y + 16} width={w} height={BAR} class={`tone-${g.tone}`} rx={2} /> : null;
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      {marker && marker.value > 0 && (
        <g class="marker">
          <line x1={scale(marker.value)} x2={scale(marker.value)} y1={14} y2={rows.length * ROW} />
          <text x={Math.min(scale(marker.value), W - 2)} y={height - 2} text-anchor={scale(marker.value) > W / 2 ? 'end' : 'start'}>
            {marker.label}
          </text>
        </g>
      )}
    </svg>
  );
}

export function Legend({ items }: { items: Array<{ tone: Tone; name: string }> }) {
  return (
    <ul class="legend" aria-hidden="true">
      {items.map((i) => (
        <li key={i.tone}>
          <span class={`swatch tone-${i.tone}`} />
          {i.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * One chart: heading, picture, and the same numbers as a table behind "Show as table" (the table is
 * what a screen reader user or someone copying figures wants; the picture is for a glance).
 */
export function Chart({
  id,
  title,
  note,
  children,
  table,
}: {
  id: string;
  title: string;
  note?: ComponentChildren;
  children: ComponentChildren;
  table: ComponentChildren;
}) {
  return (
    <section class="chart" aria-labelledby={`${id}-h`} data-chart={id}>
      <h3 id={`${id}-h`}>{title}</h3>
      {note}
      {children}
      <details>
        <summary>{t('insightsShowTable')}</summary>
        {table}
      </details>
    </section>
  );
}
