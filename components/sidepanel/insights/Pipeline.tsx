// Pipeline analytics, as it stands now: open value per stage, and the weighted forecast against the
// team's target for the period.
import type { InsightsView } from '../../../lib/messaging/data-types';
import { stageLabel, t } from '../../shared/i18n';
import { Bars, Chart, Legend } from './BarChart';
import { DataTable } from './DataTable';
import { count, money, share } from './format';

export function OpenValue({ data }: { data: InsightsView }) {
  const open = data.stages.filter((s) => s.kind === 'open');
  const cur = data.currency;
  const label = (s: (typeof open)[number]) => stageLabel(s.key, s.name);
  const total = {
    current: open.reduce((n, s) => n + s.current, 0),
    unvalued: open.reduce((n, s) => n + s.unvalued, 0),
    stalled: open.reduce((n, s) => n + s.stalled, 0),
  };
  return (
    <Chart
      id="value"
      title={t('insightsOpenValue')}
      note={data.otherCurrencyDeals > 0 && <p class="muted hint">{t('insightsOtherCurrency', [count(data.otherCurrencyDeals), cur])}</p>}
      table={
        <DataTable
          labelledBy="value-h"
          corner={t('fieldStage')}
          columns={[
            { key: 'current', label: t('insightsProspectsNow') },
            { key: 'value', label: t('insightsValue') },
            { key: 'weighted', label: t('insightsWeighted') },
            { key: 'unvalued', label: t('insightsUnvalued') },
            { key: 'stalled', label: t('insightsGoneDark') },
          ]}
          rows={[
            ...open.map((s) => ({
              key: s.key,
              head: label(s),
              cells: {
                current: count(s.current),
                value: money(s.value, cur),
                weighted: money(s.weightedValue, cur),
                unvalued: count(s.unvalued),
                stalled: count(s.stalled),
              },
            })),
            {
              key: 'total',
              head: t('insightsTotal'),
              cells: {
                current: count(total.current),
                value: money(data.forecast.openValue, cur),
                weighted: money(data.forecast.weightedOpen, cur),
                unvalued: count(total.unvalued),
                stalled: count(total.stalled),
              },
            },
          ]}
        />
      }
    >
      <Bars
        summary={open.map((s) => t('insightsValueRow', [label(s), money(s.value, cur), money(s.weightedValue, cur)])).join('; ')}
        rows={open.map((s) => ({
          key: s.key,
          label: label(s),
          text: money(s.value, cur, true),
          segments: [
            { value: s.weightedValue, tone: 'main' },
            { value: s.value - s.weightedValue, tone: 'soft' },
          ],
        }))}
      />
      <Legend
        items={[
          { tone: 'main', name: t('insightsWeighted') },
          { tone: 'soft', name: t('insightsUnweightedRest') },
        ]}
      />
    </Chart>
  );
}

export function Forecast({ data }: { data: InsightsView }) {
  const f = data.forecast;
  const cur = data.currency;
  const noTarget = data.targetPeriod ? t('insightsNoTarget', data.targetPeriod) : t('insightsNoTargetCustom');
  const rows: Array<[string, string, string]> = [
    ['won', t('insightsWon'), money(f.wonInPeriod, cur)],
    ['weightedOpen', t('insightsWeightedOpen'), money(f.weightedOpen, cur)],
    ['forecast', t('insightsForecastTotal'), money(f.forecast, cur)],
    ['target', t('insightsTarget'), f.target === null ? '—' : money(f.target, cur)],
    ['gap', t('insightsGap'), f.gap === null ? '—' : money(f.gap, cur)],
    ['attainment', t('insightsAttainment'), share(f.attainment)],
  ];
  return (
    <Chart
      id="forecast"
      title={t('insightsForecast')}
      note={
        <p class={f.target === null ? 'muted hint' : 'hint'} data-target={f.target === null ? 'none' : data.targetPeriod}>
          {f.target === null
            ? noTarget
            : f.gap !== null && f.gap > 0
              ? t('insightsBehind', [money(f.gap, cur), data.targetPeriod ?? ''])
              : t('insightsAhead', [money(-(f.gap ?? 0), cur), data.targetPeriod ?? ''])}
        </p>
      }
      table={
        <DataTable
          labelledBy="forecast-h"
          corner={t('insightsMeasure')}
          columns={[{ key: 'amount', label: t('insightsAmount') }]}
          rows={rows.map(([key, head, amount]) => ({ key, head, cells: { amount } }))}
        />
      }
    >
      <Bars
        summary={t('insightsForecastSummary', [money(f.forecast, cur), f.target === null ? noTarget : money(f.target, cur)])}
        marker={f.target === null ? undefined : { value: f.target, label: t('insightsTargetMarker', money(f.target, cur, true)) }}
        rows={[
          {
            key: 'forecast',
            label: t('insightsForecastTotal'),
            text: money(f.forecast, cur, true),
            segments: [
              { value: f.wonInPeriod, tone: 'main' },
              { value: f.weightedOpen, tone: 'soft' },
            ],
          },
        ]}
      />
      <Legend
        items={[
          { tone: 'main', name: t('insightsWon') },
          { tone: 'soft', name: t('insightsWeightedOpen') },
        ]}
      />
    </Chart>
  );
}
