// What it took to qualify, and why deals were lost, in the period.
import type { InsightsView } from '../../../lib/messaging/data-types';
import { t } from '../../shared/i18n';
import { Bars, Chart } from './BarChart';
import { DataTable } from './DataTable';
import { count, days } from './format';

export function TouchesBeforeSql({ data }: { data: InsightsView['touchesBeforeSql'] }) {
  return (
    <Chart
      id="touches"
      title={t('insightsTouchesBeforeSql')}
      note={
        <p class="hint" data-median={data.median ?? ''}>
          {data.prospects === 0 ? t('insightsNoSql') : t('insightsTouchesMedian', [days(data.median), count(data.prospects)])}
        </p>
      }
      table={
        <DataTable
          labelledBy="touches-h"
          corner={t('insightsTouches')}
          columns={[{ key: 'prospects', label: t('insightsProspects') }]}
          rows={data.distribution.map((d) => ({
            key: String(d.touches),
            head: count(d.touches),
            cells: { prospects: count(d.prospects) },
          }))}
        />
      }
    >
      {data.prospects > 0 && (
        <Bars
          summary={data.distribution.map((d) => t('insightsTouchesRow', [count(d.touches), count(d.prospects)])).join('; ')}
          rows={data.distribution.map((d) => ({
            key: String(d.touches),
            label: t('insightsTouchesLabel', count(d.touches)),
            text: count(d.prospects),
            segments: [{ value: d.prospects, tone: 'main' }],
          }))}
        />
      )}
    </Chart>
  );
}

/** At most this many reasons get a bar; the table lists them all. */
const BARS = 8;

export function LostReasons({ reasons }: { reasons: InsightsView['lostReasons'] }) {
  const name = (r: string | null) => r ?? t('insightsNoReason');
  return (
    <Chart
      id="lost"
      title={t('insightsLostReasons')}
      note={reasons.length === 0 && <p class="muted hint">{t('insightsNoneLost')}</p>}
      table={
        <DataTable
          labelledBy="lost-h"
          corner={t('insightsReason')}
          columns={[{ key: 'count', label: t('insightsProspects') }]}
          rows={reasons.map((r, i) => ({
            key: r.reason === null ? 'none' : `r${i}`,
            head: name(r.reason),
            cells: { count: count(r.count) },
          }))}
        />
      }
    >
      {reasons.length > 0 && (
        <Bars
          summary={reasons.map((r) => `${name(r.reason)}: ${count(r.count)}`).join('; ')}
          rows={reasons.slice(0, BARS).map((r, i) => ({
            key: r.reason === null ? 'none' : `r${i}`,
            label: name(r.reason),
            text: count(r.count),
            segments: [{ value: r.count, tone: 'lost' }],
          }))}
        />
      )}
    </Chart>
  );
}
