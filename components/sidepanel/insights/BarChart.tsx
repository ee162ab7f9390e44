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

/** Share of the scale in percent, for a CSS width or position. */
const pct = (v: number, max: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;

/**
 * Horizontal stacked bars, drawn with HTML so the text keeps the page's size at any width (an SVG
 * scaled to the panel's width grew its labels with it: 4,650 px tall at 1280 px). Each row is its
 * label line, then a full-width bar. `marker` draws a target line; the scale always includes it, so it
 * is always in view. The picture is one image to assistive technology, named by `summary`; the
 * numbers are in the chart's table.
 */
export function Bars({ rows, summary, marker }: { rows: BarRow[]; summary: string; marker?: { value: number; label: string } }) {
  const max = Math.max(1e-9, marker?.value ?? 0, ...rows.map((r) => r.segments.reduce((s, g) => s + Math.max(0, g.value), 0)));
  const at = marker && marker.value > 0 ? (marker.value / max) * 100 : null;
  return (
    <div class="bars" role="img" aria-label={summary}>
      {rows.map((r) => (
        <div key={r.key} class="bar-row" data-row={r.key} aria-hidden="true">
          <div class="bar-text">
            <span class="label">{r.label}</span>
            <span class="value">{r.text}</span>
          </div>
          <div class="track">
            {r.segments.map((g, k) => (g.value > 0 ? <span key={k} class={`seg tone-${g.tone}`} style={{ width: pct(g.value, max) }} /> : null))}
            {at !== null && <span class="marker-line" style={{ left: `${at}%` }} />}
          </div>
        </div>
      ))}
      {at !== null && marker && (
        <div class="marker" aria-hidden="true">
          <span class={at > 50 ? 'marker-label end' : 'marker-label'} style={at > 50 ? { right: `${100 - at}%` } : { left: `${at}%` }}>
            {marker.label}
          </span>
        </div>
      )}
    </div>
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
