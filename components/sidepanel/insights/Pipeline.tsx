// Pipeline analytics, as it stands now: open value per stage, and the weighted forecast against the
// team's target for the period. Money stays per currency: each currency gets its own bars (one scale
// per currency, since rupiah and dollars share none) and tables list the totals side by side.
import type { InsightsView } from '../../../lib/messaging/data-types';
import { orderMoney, type Money } from '../../../lib/model/money';
import { stageLabel, t } from '../../shared/i18n';
import { Bars, Chart, Legend } from './BarChart';
import { DataTable } from './DataTable';
import { count, money, moneys, share } from './format';

const amountIn = (list: readonly Money[], currency: string) => list.find((m) => m.currency === currency)?.amount ?? 0;

/** The currencies that appear in any of the lists, the default first. */
function currenciesOf(lists: ReadonlyArray<readonly Money[]>, defaultCurrency: string, also: string[] = []): string[] {
  const seen = new Set<string>(also);
  for (const l of lists) for (const m of l) seen.add(m.currency);
  return orderMoney(
    [...seen].map((currency) => ({ currency, amount: 0 })),
    defaultCurrency,
  ).map((m) => m.currency);
}

export function OpenValue({ data }: { data: InsightsView }) {
  const open = data.stages.filter((s) => s.kind === 'open');
  const def = data.defaultCurrency;
  const label = (s: (typeof open)[number]) => stageLabel(s.key, s.name);
  const total = {
    current: open.reduce((n, s) => n + s.current, 0),
    unvalued: open.reduce((n, s) => n + s.unvalued, 0),
    stalled: open.reduce((n, s) => n + s.stalled, 0),
  };
  const currencies = currenciesOf(
    open.map((s) => s.value),
    def,
  );
  const many = currencies.length > 1;
  return (
    <Chart
      id="value"
      title={t('insightsOpenValue')}
      note={many && <p class="muted hint">{t('insightsPerCurrency')}</p>}
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
                value: moneys(s.value, def),
                weighted: moneys(s.weightedValue, def),
                unvalued: count(s.unvalued),
                stalled: count(s.stalled),
              },
            })),
            {
              key: 'total',
              head: t('insightsTotal'),
              cells: {
                current: count(total.current),
                value: moneys(data.forecast.openValue, def),
                weighted: moneys(data.forecast.weightedOpen, def),
                unvalued: count(total.unvalued),
                stalled: count(total.stalled),
              },
            },
          ]}
        />
      }
    >
      {(currencies.length ? currencies : [def]).map((cur) => (
        <div key={cur} data-currency={cur}>
          {many && <p class="bars-currency">{cur}</p>}
          <Bars
            summary={open
              .map((s) => t('insightsValueRow', [label(s), money(amountIn(s.value, cur), cur), money(amountIn(s.weightedValue, cur), cur)]))
              .join('; ')}
            rows={open.map((s) => {
              const value = amountIn(s.value, cur);
              const weighted = amountIn(s.weightedValue, cur);
              return {
                key: s.key,
                label: label(s),
                text: money(value, cur, true),
                segments: [
                  { value: weighted, tone: 'main' },
                  { value: value - weighted, tone: 'soft' },
                ],
              };
            })}
          />
        </div>
      ))}
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
  const def = data.defaultCurrency;
  const target = f.target;
  const tcur = target?.currency ?? def;
  const noTarget = data.targetPeriod ? t('insightsNoTarget', data.targetPeriod) : t('insightsNoTargetCustom');
  const rows: Array<[string, string, string]> = [
    ['won', t('insightsWon'), moneys(f.wonInPeriod, tcur)],
    ['weightedOpen', t('insightsWeightedOpen'), moneys(f.weightedOpen, tcur)],
    ['forecast', t('insightsForecastTotal'), moneys(f.forecast, tcur)],
    ['target', t('insightsTarget'), target === null ? '—' : money(target.amount, target.currency)],
    ['gap', t('insightsGap'), f.gap === null ? '—' : money(f.gap, tcur)],
    ['attainment', t('insightsAttainment'), share(f.attainment)],
  ];
  // The target's currency always has a bar (a target with nothing forecast yet still shows where it is).
  const currencies = currenciesOf([f.forecast], tcur, target ? [target.currency] : []);
  const others = currencies.filter((c) => c !== tcur);
  return (
    <Chart
      id="forecast"
      title={t('insightsForecast')}
      note={
        <>
          <p class={target === null ? 'muted hint' : 'hint'} data-target={target === null ? 'none' : data.targetPeriod}>
            {target === null
              ? noTarget
              : f.gap !== null && f.gap > 0
                ? t('insightsBehind', [money(f.gap, tcur), data.targetPeriod ?? ''])
                : t('insightsAhead', [money(-(f.gap ?? 0), tcur), data.targetPeriod ?? ''])}
          </p>
          {target !== null && others.length > 0 && (
            <p class="muted hint" data-other-currencies={others.join(' ')}>
              {t('insightsTargetCurrencyOnly', [target.currency, others.join(', ')])}
            </p>
          )}
        </>
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
      {(currencies.length ? currencies : [tcur]).map((cur) => {
        const forecast = amountIn(f.forecast, cur);
        const marker = target !== null && target.currency === cur ? target : null;
        return (
          <div key={cur} data-currency={cur}>
            <Bars
              summary={t('insightsForecastSummary', [money(forecast, cur), marker ? money(marker.amount, cur) : noTarget])}
              marker={marker ? { value: marker.amount, label: t('insightsTargetMarker', money(marker.amount, cur, true)) } : undefined}
              rows={[
                {
                  key: 'forecast',
                  label: currencies.length > 1 ? `${t('insightsForecastTotal')} (${cur})` : t('insightsForecastTotal'),
                  text: money(forecast, cur, true),
                  segments: [
                    { value: amountIn(f.wonInPeriod, cur), tone: 'main' },
                    { value: amountIn(f.weightedOpen, cur), tone: 'soft' },
                  ],
                },
              ]}
            />
          </div>
        );
      })}
      <Legend
        items={[
          { tone: 'main', name: t('insightsWon') },
          { tone: 'soft', name: t('insightsWeightedOpen') },
        ]}
      />
    </Chart>
  );
}
